// The hook functions Dear ImGui declares when compiled with IMGUI_ENABLE_TEST_ENGINE
// (imgui_internal.h, "Test Engine specific hooks"), compiled into tp_imgui. Each forwards to the
// ImGuiItemSink the context's TestEngine points at, if any (see imgui_hooks.h for why).
#include "ui/imgui_hooks.h"

#include "imgui.h"
#include "imgui_internal.h"

#ifndef IMGUI_ENABLE_TEST_ENGINE
#error "tp_imgui must be compiled with IMGUI_ENABLE_TEST_ENGINE for the item registry to see items"
#endif

namespace {

timpush::ui::ImGuiItemSink* sink_of(ImGuiContext* ctx) {
  return ctx ? static_cast<timpush::ui::ImGuiItemSink*>(ctx->TestEngine) : nullptr;
}

}  // namespace

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData* item_data) {
  if (auto* sink = sink_of(ctx)) sink->on_item_add(ctx, id, bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y, item_data != nullptr);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  if (auto* sink = sink_of(ctx)) sink->on_item_info(id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext* ctx, ImGuiID id) {
  auto* sink = sink_of(ctx);
  return sink ? sink->find_label(id) : nullptr;
}
