// Where the follow-up commands (stats, loss, trace, revoke) send their request and who signs it:
// one set of options shared by all of them, with the page's choices of target (the sandbox of a
// `timpush serve`, a region's host with or without its backup, or a base URL), the SDKAppID, the
// admin identifier and the key (TIMPUSH_SECRET_KEY or --key-file, never argv). Also the call
// itself: the signed URL, the POST and the answer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/http_client.h"
#include "core/response.h"
#include "core/words.h"

namespace timpush::cli::target_options {

// The valued and flag options every follow-up command takes (append the command's own).
std::vector<std::string> valued();
std::vector<std::string> flags();
// The help text of these options, for each command's usage.
extern const char kHelp[];

struct Target {
  std::string base;        // "https://console.tim.qq.com" or "http://127.0.0.1:8080/sandbox"
  uint32_t sdkappid = 0;
  std::string identifier;
  std::string key;
  core::Lang lang = core::Lang::en;
  bool json = false;
};

// Reads the options; on a problem prints why (for `command`) and gives nothing. With --sandbox,
// a missing --sdkappid, --identifier or key is taken from the sandbox's GET /sandbox/app (the key
// only when the sandbox offers its demo key).
std::optional<Target> read(const Args& args, const std::string& command);

// The accounts of --to A,B,... or --to-file F, as typed (core::parse_accounts reads them);
// nothing when neither is given. Both given, or a file that cannot be read, is bad usage: it is
// printed for `command` and *bad set.
std::optional<std::string> accounts_text(const Args& args, const std::string& command, bool* bad);

// POSTs body to base/v4/timpush/<api> with a fresh UserSig and random.
HttpReply call(const Target& target, const std::string& api, const std::string& body);

// After a call: with --json, the answer as it came on stdout; on a refusal or no answer, why
// (the envelope's summary, which explains the code, and the network's reason) on stderr, and
// false.
bool answered(const Target& target, const std::string& command, const HttpReply& reply,
              const core::PushResponse& envelope);

}  // namespace timpush::cli::target_options
