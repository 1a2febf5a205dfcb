// The page's memory in the browser: localStorage for drafts, templates and history, file download
// and the import picker, the page URL and its fragment (share links). Web platform only; the UI
// sees none of it, only StartupInfo, Intents and the App's on_storage_result/on_file_imported.
#pragma once

#include "ui/app.h"

namespace timpush::web {

// Fills page_url and every stored key of the page's prefix (or storage_error).
void fill_storage_startup(ui::StartupInfo& info);
// Before a frame: hands a file picked in the import dialog to the App.
void deliver_picked_file(ui::App& app);
// After a frame: carries out the storage, download, picker, fragment and wake-up intents.
void carry_out_storage(ui::App& app, const ui::Intents& intents);

}  // namespace timpush::web
