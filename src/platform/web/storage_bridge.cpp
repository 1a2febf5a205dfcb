#include "platform/web/storage_bridge.h"

#include <cstdlib>
#include <string>

#include <emscripten.h>
#include <emscripten/eventloop.h>

#include "core/json.h"
#include "platform/web/browser.h"
#include "platform/web/page.h"

// localStorage can be missing, disabled (a privacy setting throws on access) or full (setItem
// throws QuotaExceededError): every access is guarded and a failure comes back as its message.
EM_JS(char*, tpjs_storage_read_all, (const char* prefix), {
  var out;
  try {
    var p = UTF8ToString(prefix), all = {}, s = window.localStorage;
    for (var i = 0; i < s.length; i++) {
      var k = s.key(i);
      if (k !== null && k.indexOf(p) === 0) all[k] = s.getItem(k);
    }
    out = JSON.stringify({"ok": true, "items": all});
  } catch (e) {
    out = JSON.stringify({"ok": false, "error": String((e && e.name) || e) + ": " + String((e && e.message) || "")});
  }
  var n = lengthBytesUTF8(out) + 1, ptr = _malloc(n);
  stringToUTF8(out, ptr, n);
  return ptr;
});
EM_JS(char*, tpjs_storage_write, (const char* key, const char* value, int remove), {
  var err = "";
  try {
    if (remove) window.localStorage.removeItem(UTF8ToString(key));
    else window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
  } catch (e) {
    err = String((e && e.name) || e) + (e && e.message ? ": " + e.message : "");
    if (!err) err = "storage refused the write";
  }
  var n = lengthBytesUTF8(err) + 1, ptr = _malloc(n);
  stringToUTF8(err, ptr, n);
  return ptr;
});
EM_JS(char*, tpjs_page_url, (), {
  var o = String(location.href);
  var n = lengthBytesUTF8(o) + 1, p = _malloc(n);
  stringToUTF8(o, p, n);
  return p;
});
// Drops or replaces the fragment without a reload or a new history entry.
EM_JS(void, tpjs_set_fragment, (const char* fragment), {
  try {
    var f = UTF8ToString(fragment);
    history.replaceState(null, "", location.pathname + location.search + f);
  } catch (e) {}
});
EM_JS(void, tpjs_download, (const char* name, const char* text, const char* mime), {
  var blob = new Blob([UTF8ToString(text)], {type: UTF8ToString(mime)});
  var url = URL.createObjectURL(blob);
  var a = document.createElement("a");
  a.href = url;
  a.download = UTF8ToString(name);
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  setTimeout(function() { URL.revokeObjectURL(url); a.remove(); }, 1000);
});
// Property names are quoted so the Closure Compiler keeps them.
// The picked file waits in window.__timpushPicked until the next frame takes it.
EM_JS(void, tpjs_pick_file, (), {
  var input = document.createElement("input");
  input.type = "file";
  input.accept = ".json,application/json";
  input.style.display = "none";
  document.body.appendChild(input);
  input.addEventListener("change", function() {
    var file = input.files && input.files[0];
    input.remove();
    if (!file) return;
    file["text"]().then(function(text) {
      window["__timpushPicked"] = {"name": file["name"], "text": text, "error": ""};
    }, function(e) {
      window["__timpushPicked"] = {"name": file["name"], "text": "", "error": String(e)};
    }).then(function() { Module["_timpush_web_request_frames"](3); });
  });
  input.click();
});
EM_JS(char*, tpjs_take_picked, (), {
  var f = window["__timpushPicked"];
  if (!f) return 0;
  window["__timpushPicked"] = null;
  var o = JSON.stringify(f);
  var n = lengthBytesUTF8(o) + 1, p = _malloc(n);
  stringToUTF8(o, p, n);
  return p;
});

namespace timpush::web {
namespace {

long g_autosave_timer = 0;

void on_autosave_timer(void*) {
  g_autosave_timer = 0;
  request_frames(1);
}

}  // namespace

void fill_storage_startup(ui::StartupInfo& info) {
  info.page_url = take_js_string(tpjs_page_url());
  Json read = core::parse_json(take_js_string(tpjs_storage_read_all("timpush.")));
  if (!read.is_object() || !read.value("ok", false)) {
    info.storage_error = read.is_object() ? read.value("error", std::string("unknown")) : "unreadable";
    return;
  }
  const Json& items = read["items"];
  if (!items.is_object()) return;
  for (auto it = items.begin(); it != items.end(); ++it)
    if (it.value().is_string()) info.stored[it.key()] = it.value().get<std::string>();
}

void deliver_picked_file(ui::App& app) {
  std::string text = take_js_string(tpjs_take_picked());
  if (text.empty()) return;
  Json f = core::parse_json(text);
  if (!f.is_object()) return;
  ui::ImportedFile file;
  file.name = f.value("name", std::string());
  file.text = f.value("text", std::string());
  file.error = f.value("error", std::string());
  app.on_file_imported(file);
}

void carry_out_storage(ui::App& app, const ui::Intents& intents) {
  for (const ui::StorageWrite& w : intents.storage) {
    std::string error = take_js_string(tpjs_storage_write(w.key.c_str(), w.value ? w.value->c_str() : "", w.value ? 0 : 1));
    app.on_storage_result(ui::StorageResult{w.key, error});
  }
  if (!intents.storage.empty()) request_frames(1);  // show a storage problem at once
  if (intents.download)
    tpjs_download(intents.download->name.c_str(), intents.download->text.c_str(), intents.download->mime.c_str());
  if (intents.pick_import_file) tpjs_pick_file();
  if (intents.set_fragment) tpjs_set_fragment(intents.set_fragment->c_str());
  // The autosave timer fires while the page is idle: wake for it.
  if (intents.wake_after_ms >= 0 && !g_autosave_timer)
    g_autosave_timer = emscripten_set_timeout(on_autosave_timer, static_cast<double>(intents.wake_after_ms) + 20, nullptr);
}

}  // namespace timpush::web
