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

void ItemRegistry::on_frame_begin() {
  current_.clear();
  current_windows_.clear();
  current_index_.clear();
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
  last_index_.clear();
  for (size_t i = 0; i < current_.size(); ++i) {
    const auto* window = static_cast<const ImGuiWindow*>(current_windows_[i]);
    if (window && !window->Active) continue;
    if (window && window->Hidden) current_[i].visible = false;
    last_index_[current_[i].id] = last_.size();
    last_.push_back(std::move(current_[i]));
  }
  current_.clear();
  current_windows_.clear();
  current_index_.clear();
  pending_info_.clear();
  interaction_.active_id = g.ActiveId;
  interaction_.hovered_id = g.HoveredId;
  interaction_.focused_id = g.NavId;
  interaction_.text_active = g.IO.WantTextInput;
  interaction_.frame_count = g.FrameCount;
  const ImGuiInputTextState& edit = g.InputTextState;
  interaction_.has_active_text = g.ActiveId != 0 && edit.ID == g.ActiveId &&
                                 !(edit.Flags & ImGuiInputTextFlags_Password) &&
                                 !secret_ids_.count(g.ActiveId) &&
                                 edit.TextA.Size > 0;
  interaction_.active_text = interaction_.has_active_text
      ? std::string(edit.TextA.Data, static_cast<size_t>(std::max(0, std::min(edit.TextLen, edit.TextA.Size))))
      : std::string();
}

void ItemRegistry::on_item_add(ImGuiContext* ctx, uint32_t id, float x0, float y0, float x1,
                               float y1, bool has_item_data) {
  ImGuiContext& g = *ctx;
  ItemRecord rec;
  rec.id = id;
  rec.x = x0;
  rec.y = y0;
  rec.w = x1 - x0;
  rec.h = y1 - y0;
  // Without item data Dear ImGui is registering a whole window under the window's own ID.
  ImGuiWindow* window = has_item_data ? g.CurrentWindow : ImGui::FindWindowByID(id);
  if (!window) window = g.CurrentWindow;
  rec.is_window = !has_item_data;
  if (window) {
    rec.window = window_shown_name(window->RootWindow ? window->RootWindow : window);
    rec.child = window->Name;
    rec.visible = ImRect(x0, y0, x1, y1).Overlaps(rec.is_window ? window->Rect() : window->ClipRect);
  }
  auto found = current_index_.find(id);
  if (found != current_index_.end() && current_[found->second].is_window == rec.is_window &&
      current_[found->second].x == rec.x && current_[found->second].y == rec.y) {
    return;  // the same item announced twice in one frame (e.g. a title bar)
  }
  // Tab items announce their label before their ItemAdd (imgui_widgets.cpp, TabItemEx).
  auto pending = pending_info_.find(id);
  if (pending != pending_info_.end()) {
    rec.id_label = pending->second.first;
    rec.label = visible_label(rec.id_label.c_str());
    rec.status = static_cast<uint32_t>(pending->second.second);
    pending_info_.erase(pending);
  }
  current_index_[id] = current_.size();
  current_.push_back(std::move(rec));
  current_windows_.push_back(window);
}

void ItemRegistry::on_item_info(uint32_t id, const char* label, int flags) {
  auto found = current_index_.find(id);
  if (found == current_index_.end() || !current_[found->second].id_label.empty()) {
    pending_info_[id] = {label ? label : "", flags};  // for the item's ItemAdd, still to come
    return;
  }
  ItemRecord& rec = current_[found->second];
  rec.id_label = label ? label : "";
  rec.label = visible_label(label);
  rec.status = static_cast<uint32_t>(flags);
}

const char* ItemRegistry::find_label(uint32_t id) const {
  auto found = current_index_.find(id);
  if (found != current_index_.end() && !current_[found->second].id_label.empty())
    return current_[found->second].id_label.c_str();
  found = last_index_.find(id);
  if (found != last_index_.end() && !last_[found->second].id_label.empty())
    return last_[found->second].id_label.c_str();
  return nullptr;
}

std::string ItemRegistry::to_json() const {
  // The core's JSON type: a second nlohmann instantiation would add its own copy to the page.
  Json items = Json::array();
  for (const ItemRecord& r : last_) {
    items.push_back({{"id", r.id}, {"label", r.label}, {"idLabel", r.id_label},
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
              {"items", std::move(items)}};
  // Labels come from the UI and may hold cut UTF-8; replace rather than throw.
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void mark_secret_item(uint32_t id) {
  ImGuiContext* ctx = ImGui::GetCurrentContext();
  // The registry is the only sink the page attaches (attach() sets it).
  if (ctx && ctx->TestEngine) static_cast<ItemRegistry*>(static_cast<ImGuiItemSink*>(ctx->TestEngine))->mark_secret(id);
}

}  // namespace timpush::ui
