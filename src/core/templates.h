// Push templates: the five request examples of the product document (push-api.zh.txt) as data,
// and the user's own templates kept as a named store for browser storage. Pure data: no storage,
// clock, random source or ImGui; the caller passes the fresh MsgRandom in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/words.h"

#include "core/draft.h"
#include "core/push_request.h"

namespace timpush::core {

struct BuiltinTemplate {
  std::string_view id;         // stable: "all_users_offline", "all_users_online_only", "tags_and",
                               // "tags_or", "attrs_and"
  Phrase name;
  Phrase about;                // who it reaches, in one sentence
  PushRequest request;         // exactly the document's example, MsgRandom included
};

// The document's examples in its order. The document gives attributes-AND twice with one value
// changed ("超白金会员" / "超白金用户"); the first is the template.
const std::vector<BuiltinTemplate>& builtin_templates();
const BuiltinTemplate* find_builtin_template(std::string_view id);

// A template loaded for a new push: the example with MsgRandom replaced by the caller's fresh
// random, since reusing the document's value would make the server treat it as the same task.
PushRequest instantiate(const BuiltinTemplate& builtin, uint32_t fresh_msg_random);

// The same for a body text (a user template): MsgRandom set to the fresh value and the body
// re-printed indented. A text that is not a JSON object comes back unchanged, with the reason.
struct InstantiatedBody {
  std::string body;
  Words error;  // empty when MsgRandom was set
};
InstantiatedBody instantiate_body(std::string_view body, uint32_t fresh_msg_random);

struct UserTemplate {
  std::string name;
  std::string body;
  int64_t created_at = 0;  // Unix seconds, from the caller's clock
};

constexpr size_t max_user_templates = 100;

// The user's templates, unique names, in the order they were made. Same rules as DraftStore.
struct TemplateStore {
  std::vector<UserTemplate> templates;

  const UserTemplate* find(std::string_view name) const;
  StoreResult add(UserTemplate entry);
  StoreResult rename(std::string_view from, std::string_view to);
  StoreResult remove(std::string_view name);
};

// {"version":1,"templates":[{"name":..,"body":..,"created_at":..}]}
std::string serialize_templates(const TemplateStore& store);

struct TemplateStoreRead {
  TemplateStore store;
  Words message;  // empty when everything was read
  size_t skipped = 0;
  bool unreadable = false;  // not a template store at all (see DraftStoreRead)
};
// Tolerant like parse_drafts: never throws, keeps every readable entry.
TemplateStoreRead parse_templates(std::string_view text);

}  // namespace timpush::core
