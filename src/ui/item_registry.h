// Records every Dear ImGui item of a frame (id, label, window, rectangle) through ImGui's
// test-engine hooks, so automation can find widgets by label. Depends on Dear ImGui only: no browser.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ui/imgui_hooks.h"


namespace timpush::ui {

struct ItemRecord {
  uint32_t id = 0;
  std::string label;      // what a person sees: the label up to any "##"
  std::string id_label;   // the whole label as submitted, "##" part included
  std::string window;     // shown name of the top-level window (or popup) holding the item
  std::string child;      // full internal name of the innermost window holding the item
  float x = 0, y = 0, w = 0, h = 0;  // ImGui display coordinates (CSS pixels on the web)
  bool visible = false;   // overlaps the clip rectangle of its window, so a click can reach it
  bool is_window = false;
  uint32_t status = 0;    // ImGuiItemStatusFlags as reported by the widget
};

// What a script needs besides the items: who has the keyboard, who is hovered.
struct InteractionState {
  uint32_t active_id = 0;
  uint32_t hovered_id = 0;
  uint32_t focused_id = 0;  // keyboard/nav focus
  bool text_active = false; // a text field takes typed characters
  // The text being edited in the active field, so a script can check what it typed. Never filled
  // for password fields, nor for fields marked secret (mark_secret_item), shown or not.
  bool has_active_text = false;
  std::string active_text;
  int frame_count = 0;
};

class ItemRegistry : public ImGuiItemSink {
public:
  ItemRegistry() = default;
  ~ItemRegistry() override;
  ItemRegistry(const ItemRegistry&) = delete;
  ItemRegistry& operator=(const ItemRegistry&) = delete;

  // Turns the hooks on for this context; the registry must outlive it or be detached first.
  void attach(ImGuiContext* ctx);
  void detach();

  // The items of the last finished frame, in submission order (made when asked for).
  const std::vector<ItemRecord>& items() const;
  const InteractionState& interaction() const { return interaction_; }
  // Label of an item seen in the frame being built or the last one, or nullptr; valid until the
  // registry records the next label.
  const char* find_label(uint32_t id) const override;

  // Asks for all text drawn in the next frame (ImGui's log-to-buffer, trees left as they are);
  // it then reads from captured_text(). Scrolled-out text is included: a log frame unclips items.
  void request_text_capture() { capture_requested_ = true; }
  const std::string& captured_text() const { return captured_text_; }
  int captured_frame() const { return captured_frame_; }  // 0 before the first capture

  // The items and interaction state as one JSON object (for the automation hook).
  std::string to_json() const;

  // The item holds a credential (see mark_secret_item). Ids are kept for the registry's life: a
  // page has a handful of such fields and their ids do not change.
  void mark_secret(uint32_t id);

  // Called from the hook functions that Dear ImGui declares; not for general use.
  void on_item_add(ImGuiContext* ctx, uint32_t id, float x0, float y0, float x1, float y1,
                   bool has_item_data) override;
  void on_item_info(uint32_t id, const char* label, int flags) override;
  void on_frame_begin();
  void on_frame_started(ImGuiContext* ctx);
  void on_frame_ending(ImGuiContext* ctx);
  void on_frame_end(ImGuiContext* ctx);

private:
  // What a frame records of an item: every frame records a few hundred, and automation reads
  // them seldom, so no string is made here. Labels are copied into one text per frame; window
  // names are read from the windows (Dear ImGui keeps them for the context's life) when asked.
  static constexpr uint32_t kNoLabel = UINT32_MAX;
  struct Seen {
    uint32_t id = 0;
    float x = 0, y = 0, w = 0, h = 0;
    const void* window = nullptr;  // ImGuiWindow holding the item (or the window itself)
    uint32_t label_at = kNoLabel;  // offset of the NUL-terminated label in the frame's text
    uint32_t status = 0;
    bool visible = false;
    bool is_window = false;
  };
  struct Frame {
    std::vector<Seen> items;
    std::string labels;
    // id -> latest item of that id, open addressing (ids are never 0, which marks a free slot)
    std::vector<std::pair<uint32_t, uint32_t>> slots;
    void clear();
    int find(uint32_t id) const;
    void remember(uint32_t id, uint32_t at);
    void place(uint32_t id, uint32_t at);
    const char* label_of(const Seen& item) const;
  };
  uint32_t keep_label(const char* label);

  ImGuiContext* ctx_ = nullptr;
  uint32_t hook_begin_ = 0;
  uint32_t hook_end_ = 0;
  uint32_t hook_started_ = 0;
  uint32_t hook_ending_ = 0;
  bool capture_requested_ = false;
  bool capturing_ = false;
  std::string captured_text_;
  int captured_frame_ = 0;
  Frame current_;
  Frame last_;
  // Labels announced before their item (tabs do that in Dear ImGui 1.92), waiting for its
  // ItemAdd: (id, label offset in current_.labels, status flags).
  struct Pending {
    uint32_t id;
    uint32_t label_at;
    int flags;
  };
  std::vector<Pending> pending_info_;
  mutable std::vector<ItemRecord> last_records_;  // items(), made from last_ when asked
  mutable int last_records_frame_ = -1;
  InteractionState interaction_;
  std::vector<uint32_t> secret_ids_;  // a handful: a list costs less code than a hash set
};

// Marks the item `id` of the current ImGui context as a credential (the SecretKey, a pasted
// UserSig) for the registry attached to that context, if any: the hook then treats it as it treats
// a password field, whatever the field shows.
void mark_secret_item(uint32_t id);

// Text shown for an ImGui label: everything before "##" (and "###").
std::string visible_label(const char* label);

}  // namespace timpush::ui
