// Sends the UI's HTTP requests with emscripten_fetch, asynchronously, and queues the answers so
// the main loop can hand them to the App between frames. Knows nothing of ImGui.
#pragma once

#include <functional>
#include <vector>

#include "ui/app.h"

namespace timpush::web {

// Starts the request; its answer is queued for http_take_results, and the wake callback runs.
void http_start(const ui::HttpRequest& request);
// Every answer that arrived since the last call, oldest first.
std::vector<ui::HttpResult> http_take_results();
// Called whenever an answer is queued, so the page can wake up and draw.
void http_set_wake(std::function<void()> wake);

}  // namespace timpush::web
