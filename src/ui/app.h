// The contract between the ImGui panels (src/ui) and the platform shell (src/platform/web).
// The UI edits AppState and returns intents; it never calls the browser. The platform runs the
// frame loop, carries out intents (fetch, clipboard, storage) and feeds results back as values.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/screen_io.h"

namespace timpush::ui {

struct AppState;  // defined in ui/app_state.h; the platform holds it only through App

// What the platform tells the UI each frame. The UI reads no clock and no random source itself.
struct FrameInput {
  int64_t now_unix = 0;        // wall clock, Unix seconds (for UserSig time and expiry)
  double now_seconds = 0;      // monotonic seconds (for countdowns, caret)
  uint32_t fresh_random = 0;   // a new 32-bit random value from the browser's CSPRNG, each frame
  ScreenInput screen;          // theme, pointer, Back/Forward, long press (screen_io.h)
};

// An HTTP request the UI wants sent. The platform answers with on_http_result(id, ...).
struct HttpRequest {
  uint64_t id = 0;
  std::string method = "POST";
  std::string url;
  std::string body;            // exactly the bytes to send
  std::string content_type = "application/json";
  double timeout_seconds = 15;
};

struct HttpResult {
  uint64_t id = 0;
  int status = 0;              // 0: no HTTP answer at all (network failure, CORS, timeout)
  std::string status_text;
  std::string body;
  bool timed_out = false;
};

// Browser storage (localStorage): one key set to a text, or removed (value empty optional).
struct StorageWrite {
  std::string key;
  std::optional<std::string> value;
};
// How a write went: error empty when stored, else why (quota exceeded, storage disabled).
struct StorageResult {
  std::string key;
  std::string error;
};
// A file the user downloads (Blob + <a download>).
struct FileDownload {
  std::string name;
  std::string text;
  std::string mime = "application/json";
};
// A file the user picked in the import dialog; error set when it could not be read.
struct ImportedFile {
  std::string name;
  std::string text;
  std::string error;
};

// What the UI asks of the platform after a frame.
struct Intents {
  std::vector<HttpRequest> http;          // send these
  std::optional<std::string> copy_text;   // put this on the clipboard
  bool wants_text_input = false;          // a text field is active (IME/textarea bridge on)
  bool animating = false;                 // something moves: keep rendering frames
  std::vector<StorageWrite> storage;      // write these to browser storage, in order
  std::optional<FileDownload> download;   // offer this file for download
  bool pick_import_file = false;          // open the file picker; answer with on_file_imported
  std::optional<std::string> set_fragment;  // replace the page URL's fragment ("" removes it)
  int64_t wake_after_ms = -1;             // draw a frame after this long even if idle (-1: no)
  ScreenIntents screen;                   // fragment to push, theme, live region (screen_io.h)
};

// What the platform knows at start.
struct StartupInfo {
  std::string origin;           // "http://127.0.0.1:8080", or "" when opened from file://
  std::string language;         // browser language, e.g. "zh-CN"
  std::string page_url;         // location.href, fragment included (share links arrive there)
  std::map<std::string, std::string> stored;  // browser storage: the keys of the page's prefix
  std::string storage_error;    // storage could not be read at all (disabled, blocked)
  std::string lessons_index;    // the lessons' index URL when not the default (the single file's)
};

class App {
public:
  App();
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  void start(const StartupInfo& info);  // fills defaults; may queue HTTP (e.g. GET sandbox/app)
  Intents frame(const FrameInput& input);  // draws one ImGui frame between NewFrame and Render
  void on_http_result(const HttpResult& result);
  void on_storage_result(const StorageResult& result);
  void on_file_imported(const ImportedFile& file);

  AppState& state();

private:
  std::unique_ptr<AppState> state_;
};

}  // namespace timpush::ui
