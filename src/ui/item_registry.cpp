// The item registry (item_registry.h): what each frame drew, for the automation hook.
#include "ui/item_registry.h"

#include <algorithm>
#include <cstdarg>
#include <cstring>

#include "core/json.h"

#include "imgui.h"
#include "imgui_internal.h"

namespace timpush::ui {

std::string visible_label(const char* label) {
  if (!label) return {};
  const char* end = std::strstr(label, "##");
  return end ? std::string(label, end) : std::string(label);
}

namespace {

std::string window_shown_name(const ImGuiWindow* window) {
  return window ? visible_label(window->Name) : std::string();
}

}  // namespace

ItemRegistry::~ItemRegistry() { detach(); }

void ItemRegistry::attach(ImGuiContext* ctx) {
  detach();
  ctx_ = ctx;
  ctx->TestEngine = static_cast<ImGuiItemSink*>(this);  // imgui_hooks.cpp casts it back
  ctx->TestEngineHookItems = true;

  ImGuiContextHook begin;
  begin.Type = ImGuiContextHookType_NewFramePre;
  begin.UserData = this;
  begin.Callback = [](ImGuiContext*, ImGuiContextHook* hook) {
    static_cast<ItemRegistry*>(hook->UserData)->on_frame_begin();
  };
  hook_begin_ = ImGui::AddContextHook(ctx, &begin);

  ImGuiContextHook end;
  end.Type = ImGuiContextHookType_EndFramePost;
  end.UserData = this;
  end.Callback = [](ImGuiContext* c, ImGuiContextHook* hook) {
    static_cast<ItemRegistry*>(hook->UserData)->on_frame_end(c);
  };
  hook_end_ = ImGui::AddContextHook(ctx, &end);

  ImGuiContextHook started;
  started.Type = ImGuiContextHookType_NewFramePost;
  started.UserData = this;
  started.Callback = [](ImGuiContext* c, ImGuiContextHook* hook) {
    static_cast<ItemRegistry*>(hook->UserData)->on_frame_started(c);
  };
  hook_started_ = ImGui::AddContextHook(ctx, &started);

  ImGuiContextHook ending;
  ending.Type = ImGuiContextHookType_EndFramePre;
  ending.UserData = this;
  ending.Callback = [](ImGuiContext* c, ImGuiContextHook* hook) {
    static_cast<ItemRegistry*>(hook->UserData)->on_frame_ending(c);
  };
  hook_ending_ = ImGui::AddContextHook(ctx, &ending);
}

void ItemRegistry::detach() {
  if (!ctx_) return;
  ImGui::RemoveContextHook(ctx_, hook_begin_);
  ImGui::RemoveContextHook(ctx_, hook_end_);
  ImGui::RemoveContextHook(ctx_, hook_started_);
  ImGui::RemoveContextHook(ctx_, hook_ending_);
  if (ctx_->TestEngine == static_cast<ImGuiItemSink*>(this)) {
    ctx_->TestEngine = nullptr;
    ctx_->TestEngineHookItems = false;
  }
  ctx_ = nullptr;
}

void ItemRegistry::Frame::clear() {
  items.clear();
  labels.clear();
  std::fill(slots.begin(), slots.end(), std::pair<uint32_t, uint32_t>{0, 0});
}

int ItemRegistry::Frame::find(uint32_t id) const {
  if (slots.empty()) return -1;
  const size_t mask = slots.size() - 1;
  for (size_t i = id & mask;; i = (i + 1) & mask) {
    if (slots[i].first == id) return static_cast<int>(slots[i].second);
    if (slots[i].first == 0) return -1;
  }
}

void ItemRegistry::Frame::remember(uint32_t id, uint32_t at) {
  // At most half full, so a search always meets a free slot soon.
  if ((items.size() + 1) * 2 > slots.size()) {
    size_t size = 512;
    while (size < (items.size() + 1) * 4) size *= 2;
    std::vector<std::pair<uint32_t, uint32_t>> old(size);
    old.swap(slots);
    for (const auto& slot : old)
      if (slot.first != 0) place(slot.first, slot.second);
  }
  place(id, at);
}

void ItemRegistry::Frame::place(uint32_t id, uint32_t at) {
  const size_t mask = slots.size() - 1;
  size_t i = id & mask;
  while (slots[i].first != 0 && slots[i].first != id) i = (i + 1) & mask;
  slots[i] = {id, at};
}

const char* ItemRegistry::Frame::label_of(const Seen& item) const {
  return item.label_at == kNoLabel ? nullptr : labels.c_str() + item.label_at;
}

uint32_t ItemRegistry::keep_label(const char* label) {
  const uint32_t at = static_cast<uint32_t>(current_.labels.size());
  current_.labels.append(label ? label : "");
  current_.labels.push_back('\0');
  return at;
}

void ItemRegistry::on_frame_begin() {
  current_.clear();
  pending_info_.clear();
}

void ItemRegistry::on_frame_started(ImGuiContext* ctx) {
  // NewFrame has begun the implicit window, which LogBegin needs as its reference.
  if (!capture_requested_ || ctx->LogEnabled) return;
  capture_requested_ = false;
  ImGui::LogToBuffer(0);  // depth 0: collapsed trees stay collapsed while logging
  capturing_ = true;
}

void ItemRegistry::on_frame_ending(ImGuiContext* ctx) {
  if (!capturing_) return;
  capturing_ = false;
  captured_text_.assign(ctx->LogBuffer.c_str());  // LogFinish empties the buffer
  ImGui::LogFinish();
  captured_frame_ = ctx->FrameCount;
}

void ItemRegistry::on_frame_end(ImGuiContext* ctx) {
  ImGuiContext& g = *ctx;
  // Keep what a person can see: windows that ended up inactive (ImGui's implicit "Debug" window
  // when nothing was drawn into it) are dropped, and items of hidden windows (the first frame of
  // an auto-sized window) are not clickable.
  last_.clear();
  last_.labels.swap(current_.labels);  // the kept items' label offsets stay as they are
  for (Seen& item : current_.items) {
    const auto* window = static_cast<const ImGuiWindow*>(item.window);
    if (window && !window->Active) continue;
    if (window && window->Hidden) item.visible = false;
    last_.remember(item.id, static_cast<uint32_t>(last_.items.size()));
    last_.items.push_back(item);
  }
  current_.clear();
  pending_info_.clear();
  interaction_.active_id = g.ActiveId;
  interaction_.hovered_id = g.HoveredId;
  interaction_.focused_id = g.NavId;
  interaction_.text_active = g.IO.WantTextInput;
  interaction_.frame_count = g.FrameCount;
  const ImGuiInputTextState& edit = g.InputTextState;
  interaction_.has_active_text = g.ActiveId != 0 && edit.ID == g.ActiveId &&
                                 !(edit.Flags & ImGuiInputTextFlags_Password) &&
                                 std::find(secret_ids_.begin(), secret_ids_.end(), g.ActiveId) == secret_ids_.end() &&
                                 edit.TextA.Size > 0;
  interaction_.active_text = interaction_.has_active_text
      ? std::string(edit.TextA.Data, static_cast<size_t>(std::max(0, std::min(edit.TextLen, edit.TextA.Size))))
      : std::string();
}

void ItemRegistry::on_item_add(ImGuiContext* ctx, uint32_t id, float x0, float y0, float x1,
                               float y1, bool has_item_data) {
  ImGuiContext& g = *ctx;
  Seen item;
  item.id = id;
  item.x = x0;
  item.y = y0;
  item.w = x1 - x0;
  item.h = y1 - y0;
  // Without item data Dear ImGui is registering a whole window under the window's own ID.
  ImGuiWindow* window = has_item_data ? g.CurrentWindow : ImGui::FindWindowByID(id);
  if (!window) window = g.CurrentWindow;
  item.is_window = !has_item_data;
  item.window = window;
  if (window)
    item.visible = ImRect(x0, y0, x1, y1).Overlaps(item.is_window ? window->Rect() : window->ClipRect);
  const int found = current_.find(id);
  if (found >= 0) {
    const Seen& earlier = current_.items[static_cast<size_t>(found)];
    if (earlier.is_window == item.is_window && earlier.x == item.x && earlier.y == item.y)
      return;  // the same item announced twice in one frame (e.g. a title bar)
  }
  // Tab items announce their label before their ItemAdd (imgui_widgets.cpp, TabItemEx).
  for (size_t i = 0; i < pending_info_.size(); ++i) {
    if (pending_info_[i].id != id) continue;
    item.label_at = pending_info_[i].label_at;
    item.status = static_cast<uint32_t>(pending_info_[i].flags);
    pending_info_.erase(pending_info_.begin() + static_cast<std::ptrdiff_t>(i));
    break;
  }
  current_.remember(id, static_cast<uint32_t>(current_.items.size()));
  current_.items.push_back(item);
}

void ItemRegistry::on_item_info(uint32_t id, const char* label, int flags) {
  // Nearly always the item just added.
  int found = !current_.items.empty() && current_.items.back().id == id
                  ? static_cast<int>(current_.items.size() - 1)
                  : current_.find(id);
  if (found < 0 || current_.items[static_cast<size_t>(found)].label_at != kNoLabel) {
    // For the item's ItemAdd, still to come; a later announcement replaces an earlier one.
    const uint32_t at = keep_label(label);
    for (Pending& p : pending_info_) {
      if (p.id != id) continue;
      p.label_at = at;
      p.flags = flags;
      return;
    }
    pending_info_.push_back({id, at, flags});
    return;
  }
  Seen& item = current_.items[static_cast<size_t>(found)];
  item.label_at = keep_label(label);
  item.status = static_cast<uint32_t>(flags);
}

void ItemRegistry::mark_secret(uint32_t id) {
  if (std::find(secret_ids_.begin(), secret_ids_.end(), id) == secret_ids_.end()) secret_ids_.push_back(id);
}

const char* ItemRegistry::find_label(uint32_t id) const {
  int found = current_.find(id);
  if (found >= 0) {
    if (const char* label = current_.label_of(current_.items[static_cast<size_t>(found)])) return label;
  }
  found = last_.find(id);
  if (found >= 0) return last_.label_of(last_.items[static_cast<size_t>(found)]);
  return nullptr;
}

const std::vector<ItemRecord>& ItemRegistry::items() const {
  if (last_records_frame_ == interaction_.frame_count) return last_records_;
  last_records_frame_ = interaction_.frame_count;
  last_records_.clear();
  last_records_.reserve(last_.items.size());
  for (const Seen& item : last_.items) {
    ItemRecord rec;
    rec.id = item.id;
    rec.x = item.x;
    rec.y = item.y;
    rec.w = item.w;
    rec.h = item.h;
    rec.visible = item.visible;
    rec.is_window = item.is_window;
    rec.status = item.status;
    if (const char* label = last_.label_of(item)) {
      rec.id_label = label;
      rec.label = visible_label(label);
    }
    if (const auto* window = static_cast<const ImGuiWindow*>(item.window)) {
      rec.window = window_shown_name(window->RootWindow ? window->RootWindow : window);
      rec.child = window->Name;
    }
    last_records_.push_back(std::move(rec));
  }
  return last_records_;
}

std::string ItemRegistry::to_json() const {
  // The core's JSON type: a second nlohmann instantiation would add its own copy to the page.
  Json list = Json::array();
  for (const ItemRecord& r : items()) {
    list.push_back({{"id", r.id}, {"label", r.label}, {"idLabel", r.id_label},
                     {"window", r.window}, {"child", r.child}, {"x", r.x}, {"y", r.y},
                     {"w", r.w}, {"h", r.h}, {"visible", r.visible}, {"isWindow", r.is_window},
                     {"status", r.status}});
  }
  Json out = {{"frame", interaction_.frame_count},
              {"activeId", interaction_.active_id},
              {"hoveredId", interaction_.hovered_id},
              {"focusedId", interaction_.focused_id},
              {"textActive", interaction_.text_active},
              {"activeText", interaction_.has_active_text ? Json(interaction_.active_text) : Json(nullptr)},
              {"capturedFrame", captured_frame_},
              {"capturedText", captured_text_},
              {"items", std::move(list)}};
  // Labels come from the UI and may hold cut UTF-8; replace rather than throw.
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void mark_secret_item(uint32_t id) {
  ImGuiContext* ctx = ImGui::GetCurrentContext();
  // The registry is the only sink the page attaches (attach() sets it).
  if (ctx && ctx->TestEngine) static_cast<ItemRegistry*>(static_cast<ImGuiItemSink*>(ctx->TestEngine))->mark_secret(id);
}

}  // namespace timpush::ui
