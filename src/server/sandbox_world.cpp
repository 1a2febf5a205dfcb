// The sandbox's population, made from a seed, and the audience of a push body over it
// (sandbox_world.h). The shares below are our choice of believable numbers for a Chinese
// consumer app; they are the same on every machine because every draw is integer arithmetic
// on splitmix64.
#include "server/sandbox_world.h"

#include <algorithm>
#include <utility>

#include "core/audience.h"

namespace timpush::server {

uint64_t SplitMix64::next() {
  state_ += 0x9e3779b97f4a7c15ULL;
  uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint32_t SplitMix64::below(uint32_t bound) {
  return static_cast<uint32_t>(((next() >> 32) * bound) >> 32);
}

uint64_t mix64(uint64_t value) { return SplitMix64(value).next(); }

namespace {

// A weighted pick: weights in any unit, at least one positive.
size_t pick(SplitMix64& rng, const std::vector<uint32_t>& weights) {
  uint32_t total = 0;
  for (uint32_t w : weights) total += w;
  uint32_t draw = rng.below(total);
  for (size_t i = 0; i < weights.size(); ++i) {
    if (draw < weights[i]) return i;
    draw -= weights[i];
  }
  return weights.size() - 1;
}

// Per mille of each tag; the first two are the product document's examples.
const std::vector<std::pair<std::string, uint32_t>>& tag_shares() {
  static const std::vector<std::pair<std::string, uint32_t>> shares = {
      {"股票A", 300}, {"股票B", 200}, {"基金", 250},    {"黄金会员", 120},
      {"周卡用户", 150}, {"新用户", 200}, {"深度用户", 100}, {"夜猫子", 80}};
  return shares;
}

// Value weights in the order of World::attributes(); per mille that a user has the attribute.
const std::vector<std::vector<uint32_t>>& attribute_weights() {
  static const std::vector<std::vector<uint32_t>> weights = {
      {60, 25, 10, 5}, {22, 20, 20, 15, 13, 10}, {50, 50}};
  return weights;
}
constexpr uint32_t kAttributePresence[] = {1000, 950, 900};

// Device platform shares, per mille, in Platform order 1..8: APNs, Xiaomi, Huawei, FCM, Meizu,
// OPPO, vivo, Honor.
const std::vector<uint32_t> kPlatformShares = {220, 160, 240, 40, 30, 120, 110, 80};

// Device states, per mille, in DeviceState order (ok first).
const std::vector<uint32_t> kStateShares = {780, 40, 20, 30, 50, 80};

constexpr uint32_t kTwoDevicesPerMille = 250;
constexpr uint32_t kOnlinePerMille = 150;

struct ModelChoice {
  const char* model;
  const char* system_version;
};

const std::vector<ModelChoice>& models(Platform platform) {
  static const std::vector<std::vector<ModelChoice>> table = {
      {{"iPhone15,2", "17.5"}, {"iPhone14,5", "16.7"}, {"iPhone16,1", "18.1"}},
      {{"Xiaomi 14", "14"}, {"Redmi K70", "14"}, {"Xiaomi 13", "13"}},
      {{"Mate 60", "12"}, {"nova 12", "12"}, {"P50", "11"}},
      {{"Pixel 8", "14"}, {"Galaxy S23", "14"}},
      {{"Meizu 21", "14"}, {"Meizu 20", "13"}},
      {{"Find X7", "14"}, {"Reno 11", "14"}, {"A58", "13"}},
      {{"X100", "14"}, {"S18", "14"}, {"Y78", "13"}},
      {{"Magic6", "14"}, {"Honor 90", "13"}}};
  return table[static_cast<size_t>(platform) - 1];
}

std::string hex64(uint64_t value) {
  static const char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<size_t>(i)] = digits[value & 15];
  return out;
}

// The certificate id the sandbox app configured for each platform (our choice of numbers).
int64_t cert_id_of(Platform platform) { return 10000 + static_cast<int64_t>(platform); }

Device make_device(SplitMix64& rng, uint64_t serial) {
  Device d;
  d.instance_id = std::to_string(74224656 + serial);
  d.platform = static_cast<Platform>(1 + pick(rng, kPlatformShares));
  d.state = static_cast<DeviceState>(pick(rng, kStateShares));
  d.online = d.state != DeviceState::long_inactive && rng.below(1000) < kOnlinePerMille;
  const auto& choices = models(d.platform);
  const auto& choice = choices[rng.below(static_cast<uint32_t>(choices.size()))];
  d.model = choice.model;
  d.system_version = choice.system_version;
  const uint64_t a = rng.next();
  const uint64_t b = rng.next();
  if (d.state != DeviceState::no_token) d.token = hex64(a) + hex64(b);
  d.cert_id = d.state == DeviceState::no_certificate ? 0 : cert_id_of(d.platform);
  d.last_active_days = d.state == DeviceState::long_inactive ? 120 + rng.below(280)
                                                             : rng.below(30);
  return d;
}

bool has_tag(const User& user, const Json& tag) {
  return tag.is_string() &&
         std::find(user.tags.begin(), user.tags.end(), tag.get<std::string>()) != user.tags.end();
}

bool has_attr(const User& user, const std::string& name, const Json& value) {
  if (!value.is_string()) return false;
  auto it = user.attrs.find(name);
  return it != user.attrs.end() && it->second == value.get<std::string>();
}

const Json* non_empty(const Json& condition, const char* key, Json::value_t type) {
  auto it = condition.find(key);
  if (it == condition.end() || it->type() != type || it->empty()) return nullptr;
  return &*it;
}

// Whether the user meets the Condition's selecting parts (TagsAnd, TagsOr, AttrsAnd, AttrsOr),
// each present part required: they combine with "and".
bool selected(const User& user, const Json& condition) {
  if (const Json* all = non_empty(condition, "TagsAnd", Json::value_t::array)) {
    for (const auto& tag : *all) {
      if (!has_tag(user, tag)) return false;
    }
  }
  if (const Json* any = non_empty(condition, "TagsOr", Json::value_t::array)) {
    if (std::none_of(any->begin(), any->end(), [&](const Json& t) { return has_tag(user, t); })) {
      return false;
    }
  }
  if (const Json* all = non_empty(condition, "AttrsAnd", Json::value_t::object)) {
    for (const auto& [name, value] : all->items()) {
      if (!has_attr(user, name, value)) return false;
    }
  }
  if (const Json* any = non_empty(condition, "AttrsOr", Json::value_t::object)) {
    bool found = false;
    for (const auto& [name, value] : any->items()) found = found || has_attr(user, name, value);
    if (!found) return false;
  }
  return true;
}

}  // namespace

const std::vector<std::string>& World::tag_vocabulary() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [tag, share] : tag_shares()) out.push_back(tag);
    return out;
  }();
  return names;
}

const std::vector<std::pair<std::string, std::vector<std::string>>>& World::attributes() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> table = {
      {"会员等级", {"普通会员", "黄金会员", "白金会员", "超白金会员"}},
      {"city", {"深圳", "北京", "上海", "广州", "杭州", "成都"}},
      {"sex", {"male", "female"}}};
  return table;
}

World::World(WorldOptions options) : options_(options) {
  options_.population = std::min(options_.population, kMaxPopulation);
  SplitMix64 rng(mix64(options_.seed));
  uint64_t serial = 0;
  users_.reserve(options_.population);
  for (uint32_t i = 0; i < options_.population; ++i) {
    User user;
    user.id = "user" + std::to_string(i + 1);
    for (const auto& [tag, share] : tag_shares()) {
      if (rng.below(1000) < share) user.tags.push_back(tag);
    }
    const auto& attrs = attributes();
    for (size_t a = 0; a < attrs.size(); ++a) {
      // Both draws always happen, so one attribute's presence never shifts the next one's value.
      const bool present = rng.below(1000) < kAttributePresence[a];
      const size_t value = pick(rng, attribute_weights()[a]);
      if (present) user.attrs[attrs[a].first] = attrs[a].second[value];
    }
    const int devices = rng.below(1000) < kTwoDevicesPerMille ? 2 : 1;
    for (int d = 0; d < devices; ++d) user.devices.push_back(make_device(rng, serial++));
    index_.emplace(user.id, users_.size());
    users_.push_back(std::move(user));
  }
}

const User* World::find_user(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &users_[it->second];
}

User* World::find_user(std::string_view id) {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &users_[it->second];
}

std::vector<size_t> World::audience(const Json& body, bool batch) const {
  std::vector<size_t> out;
  if (!body.is_object()) return out;
  if (batch) {
    auto to = body.find("To_Account");
    if (to == body.end() || !to->is_array()) return out;
    for (const auto& account : *to) {
      if (!account.is_string()) continue;
      auto it = index_.find(account.get<std::string>());
      if (it != index_.end()) out.push_back(it->second);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  const bool everyone = core::reaches_everyone(body);
  auto condition_it = body.find("Condition");
  static const Json no_condition = Json::object();
  const Json& condition = condition_it != body.end() && condition_it->is_object()
                              ? *condition_it
                              : no_condition;
  if (!everyone && condition_it != body.end() && !condition_it->is_object()) return out;
  const Json* excluded = non_empty(condition, "TagsNot", Json::value_t::array);
  for (size_t i = 0; i < users_.size(); ++i) {
    const User& user = users_[i];
    if (!everyone && !selected(user, condition)) continue;
    // "(A or B) and not (C or D)": TagsNot removes users even when nothing else selects.
    if (excluded && std::any_of(excluded->begin(), excluded->end(),
                                [&](const Json& t) { return has_tag(user, t); })) {
      continue;
    }
    out.push_back(i);
  }
  return out;
}

}  // namespace timpush::server
