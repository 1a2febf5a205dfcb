// `timpush validate`: checks a push body with the core validator, for people or for scripts.
#include <iostream>

#include "cli/command.h"
#include "cli/device_report.h"
#include "core/app_report.h"
#include "core/device_preview.h"
#include "core/json.h"
#include "core/validation.h"

namespace timpush::cli {
namespace {

const char kUsage[] =
    "usage: timpush validate [FILE|-] [--attr-names FILE] [--json] [--lang en|zh]\n"
    "\n"
    "Checks a v4/timpush/push body against every rule that can be checked before sending:\n"
    "JSON syntax (90001), MsgRandom (90005), tags (90020 90022 90032 90040), tags mixed with\n"
    "attributes (90039), body size (90056, counted on the exact bytes of the file), DataId and\n"
    "attribute value lengths, and the types of documented fields. Without FILE, or with -, the\n"
    "body is read from standard input. The bytes are judged as they are: no newline is trimmed.\n"
    "\n"
    "Output, one line per issue, in document order:\n"
    "  CODE POINTER: message              an error (the server would refuse the push)\n"
    "  warning CODE POINTER: message      a warning (the push is accepted but may misbehave)\n"
    "CODE is the server's error code, or a local code below 100 for a rule the server has no\n"
    "number for (1 DataId too long, 2 attribute value too long, 3 Ext not JSON, 4 Desc+Ext over\n"
    "3 KB, 5 no Desc, 6 all users, 7 wrong JSON type, 8 value outside its documented set).\n"
    "POINTER is the RFC 6901 JSON pointer of the field, or (body) for the body as a whole.\n"
    "Then how iOS and each Android vendor will take the push (timpush preview shows it whole),\n"
    "one line per device warning, which never changes the exit status:\n"
    "  device PLATFORM CODE POINTER: message   (PLATFORM \"all\" for every platform)\n"
    "A summary line goes to standard error.\n"
    "\n"
    "options:\n"
    "  --attr-names F the app's attribute names (what `timpush attrs get` lists): a JSON array of\n"
    "                 strings, or else one name per line (spaces around a name and blank lines are\n"
    "                 ignored). An AttrsAnd or AttrsOr entry naming another attribute is then 90033,\n"
    "                 as the service answers it. Without it, attribute names are not judged\n"
    "  --json         print {\"ok\":bool,\"issues\":[{\"code\":int,\"severity\":\"error\"|\"warning\",\n"
    "                 \"pointer\":string,\"message\":string}],\"device_warnings\":[{\"platform\":string,\n"
    "                 \"code\":int,\"hard\":bool,\"pointer\":string,\"message\":string}]} instead\n"
    "                 (pointer \"\" = the body)\n"
    "  --lang en|zh   language of the messages (default en)\n"
    "\n"
    "exit status: 0 no errors (warnings allowed), 1 errors, 2 unreadable input or bad usage.\n";

int run(const Args& args) {
  const std::optional<core::Lang> lang = lang_option(args, "validate");
  if (!lang) {
    return 2;
  }
  if (args.positional().size() > 1) {
    print_error("validate", "give one FILE at most (see timpush validate --help)");
    return 2;
  }
  std::string path = args.positional().empty() ? "-" : args.positional()[0];
  InputText input = read_input(path);
  if (!input.text) {
    print_error("validate", args, input.error);
    return 2;
  }
  const std::string* body = &*input.text;

  core::ValidationOptions checks;
  if (auto names_path = args.value("--attr-names")) {
    InputText names = read_input(*names_path);
    if (!names.text) {
      print_error("validate", args, core::Words{"--attr-names: ", "--attr-names:"} + names.error);
      return 2;
    }
    core::AttrNamesFile read = core::read_attr_names_file(*names.text);
    if (read.error) {
      print_error("validate", args, core::Words{"--attr-names: ", "--attr-names:"} + *read.error);
      return 2;
    }
    checks.attr_names = std::move(read.names);
  }
  core::ValidationReport report = core::validate_body(*body, checks);
  size_t errors = 0, warnings = 0;
  for (const auto& issue : report.issues) {
    (issue.severity == core::Severity::error ? errors : warnings)++;
  }
  // The device preview reads the body as the checks read it, when it is an object at all.
  const core::DevicePreview devices =
      report.document.is_object() ? core::preview_devices(report.document) : core::DevicePreview{};
  auto message = [&](const core::Issue& issue) {
    return tr(*lang, issue.message);
  };

  if (args.has("--json")) {
    Json out = Json::object();
    out["ok"] = report.ok();
    out["issues"] = Json::array();
    for (const auto& issue : report.issues) {
      Json item = Json::object();
      item["code"] = issue.code;
      item["severity"] = issue.severity == core::Severity::error ? "error" : "warning";
      item["pointer"] = issue.pointer;
      item["message"] = message(issue);
      out["issues"].push_back(std::move(item));
    }
    out["device_warnings"] = device_warnings_json(devices, *lang);
    std::cout << out.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  } else {
    for (const auto& issue : report.issues) {
      if (issue.severity == core::Severity::warning) std::cout << "warning ";
      std::cout << issue.code << ' ' << (issue.pointer.empty() ? "(body)" : issue.pointer) << ": "
                << message(issue) << "\n";
    }
    print_device_warnings(std::cout, devices, *lang);
    std::cerr << (report.ok() ? "ok: " : "refused: ") << errors
              << (errors == 1 ? " error, " : " errors, ") << warnings
              << (warnings == 1 ? " warning\n" : " warnings\n");
  }
  return report.ok() ? 0 : 1;
}

const bool registered = register_command(
    {"validate", "check a push body against the API's rules (exit 1 on errors)", kUsage,
     {"--lang", "--attr-names"}, {"--json"}, run});

}  // namespace
}  // namespace timpush::cli
