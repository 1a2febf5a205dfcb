// libFuzzer target: any text as what storage holds for the drafts and the user's templates
// (parse_drafts, parse_templates), and as a template body (instantiate_body). What is read is
// within the stores' limits, and writing it back then reading gives the same store.
#include "core/draft.h"
#include "core/templates.h"
#include "fuzz_support.h"

namespace core = timpush::core;

namespace {
void check_drafts(std::string_view text) {
  core::DraftStoreRead read = core::parse_drafts(text);
  const core::DraftStore& store = read.store;
  FUZZ_ENSURE(store.drafts.size() <= core::max_drafts);
  if (read.unreadable) FUZZ_ENSURE(store.drafts.empty() && !read.message.en.empty() && !read.message.zh.empty());
  for (const auto& draft : store.drafts) {
    FUZZ_ENSURE(!core::name_problem(draft.name));
    FUZZ_ENSURE(store.find(draft.name) == &draft);  // names are unique
    if (!draft.remember_secrets) FUZZ_ENSURE(draft.secret_key.empty() && draft.pasted_usersig.empty());
  }
  FUZZ_ENSURE(store.active.empty() || store.find(store.active));
  std::string saved = core::serialize_drafts(store);
  core::DraftStoreRead again = core::parse_drafts(saved);
  FUZZ_ENSURE(!again.unreadable && again.skipped == 0);
  FUZZ_ENSURE(core::serialize_drafts(again.store) == saved);
}

void check_templates(std::string_view text) {
  core::TemplateStoreRead read = core::parse_templates(text);
  FUZZ_ENSURE(read.store.templates.size() <= core::max_user_templates);
  if (read.unreadable) FUZZ_ENSURE(read.store.templates.empty() && !read.message.en.empty() && !read.message.zh.empty());
  for (const auto& entry : read.store.templates) FUZZ_ENSURE(read.store.find(entry.name) == &entry);
  std::string saved = core::serialize_templates(read.store);
  core::TemplateStoreRead again = core::parse_templates(saved);
  FUZZ_ENSURE(!again.unreadable && again.skipped == 0);
  FUZZ_ENSURE(core::serialize_templates(again.store) == saved);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = timpush::fuzz::as_text(data, size);
  check_drafts(text);
  check_templates(text);
  core::InstantiatedBody body = core::instantiate_body(text, 123456789);
  if (body.error.en.empty()) FUZZ_ENSURE(!body.body.empty());
  return 0;
}
