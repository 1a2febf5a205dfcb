// Content types of the files the page is made of, and which of them are worth compressing.
// Pure string functions: no I/O, no HTTP library.
#pragma once

#include <string>
#include <string_view>

namespace timpush::server {

// The Content-Type for a file name, by its extension (case-insensitive);
// "application/octet-stream" when the extension is unknown.
std::string mime_type_for(std::string_view file_name);

// True for types that shrink under gzip (text, JSON, JS, wasm, TrueType fonts). PNG, JPEG, WOFF2
// and gzip itself are compressed already and would only cost CPU.
bool is_compressible(std::string_view mime_type);

// True for files whose names carry no content hash (html, js, wasm, css, json, fonts): browsers
// must revalidate them on every load (an ETag makes that a 304) or a rebuilt page mixes an old
// .js with a new .wasm, or draws with yesterday's font subset and misses the new glyphs.
bool must_revalidate(std::string_view mime_type);

}  // namespace timpush::server
