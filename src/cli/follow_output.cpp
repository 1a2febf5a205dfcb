// Text for people from the follow-up reports (follow_output.h). Rows of the funnel with nothing
// in them are left out; losses keep the service's order (largest first in the sandbox).
#include "cli/follow_output.h"

#include <cstdio>
#include <utility>

namespace timpush::cli {

namespace {

using core::tr;

std::string t(core::Lang lang, const char* en, const char* zh) {
  return lang == core::Lang::zh ? zh : en;
}

// Text from the answer may hold terminal control bytes: shown as '?'.
std::string safe(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

std::string funnel(const core::Counters& c) {
  char line[160];
  std::snprintf(line, sizeof line, "%11lld%11lld%11lld%11lld", static_cast<long long>(c.total),
                static_cast<long long>(c.sent), static_cast<long long>(c.delivered),
                static_cast<long long>(c.click));
  return line;
}

std::string percent(int64_t part, int64_t whole) {
  if (whole <= 0) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return text;
}

// Width in terminal columns: a CJK character (three UTF-8 bytes or more) takes two.
size_t columns_of(const std::string& text) {
  size_t columns = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) columns += c >= 0xE0 ? 2 : 1;
  }
  return columns;
}

std::string padded(const std::string& text, size_t width) {
  const size_t columns = columns_of(text);
  return columns >= width ? text + " " : text + std::string(width - columns, ' ');
}

// Right-aligned in `width` columns, as the counters are.
std::string right(const std::string& text, size_t width) {
  const size_t columns = columns_of(text);
  return columns >= width ? " " + text : std::string(width - columns, ' ') + text;
}

std::string channel(const std::optional<int64_t>& event_type,
                    const std::optional<int64_t>& platform, core::Lang lang) {
  std::string name = platform ? tr(lang, core::platform_name(*platform)) : "?";
  if (event_type == 2) return tr(lang, core::event_type_name(2));
  return name;
}

void print_losses(std::ostream& out, const char* title_en, const char* title_zh,
                  const std::vector<core::LossEntry>& list, core::Lang lang) {
  out << "  " << t(lang, title_en, title_zh) << "\n";
  if (list.empty()) out << "    " << t(lang, "none", "无") << "\n";
  for (const auto& e : list) {
    core::LossExplanation x = core::explain_loss(e.err_code, e.err_info);
    std::string where = e.push_platform ? " [" + channel(e.event_type, e.push_platform, lang) + "]" : "";
    out << "    " << padded(std::to_string(e.count), 8) << padded(safe(e.err_code), 6)
        << safe(tr(lang, x.meaning))
        << where << "\n      " << t(lang, "fix: ", "处理:") << tr(lang, x.fix) << "\n";
  }
}

}  // namespace

void print_statistics(std::ostream& out, const core::StatisticsReport& report, core::Lang lang) {
  if (report.results.empty()) out << t(lang, "no results\n", "没有结果\n");
  for (const auto& r : report.results) {
    out << "TaskId " << (r.task_id.empty() ? t(lang, "(all pushes)", "(全部推送)") : safe(r.task_id)) << "\n";
    out << "  " << padded("", 22);
    for (const auto& [en, zh] : {std::pair<const char*, const char*>{"total", "可发送"},
                                 {"sent", "已发送"}, {"delivered", "已触达"}, {"clicked", "已点击"}}) {
      out << right(t(lang, en, zh), 11);
    }
    out << "\n";
    out << "  " << padded(t(lang, "all", "全部"), 22) << funnel(r.counts) << "\n";
    for (const auto& row : r.platforms) {
      if (row.counts.total == 0 && row.counts.sent == 0) continue;
      std::string name = (row.event_type == 2 ? "" : tr(lang, core::event_type_name(1)) + " ") +
                         channel(row.event_type, row.push_platform, lang);
      out << "  " << padded(name, 22) << funnel(row.counts) << "\n";
    }
    out << "  " << t(lang, "delivered ", "触达率 ") << percent(r.counts.delivered, r.counts.total)
        << t(lang, " of total, clicked ", ",点击率 ") << percent(r.counts.click, r.counts.delivered)
        << t(lang, " of delivered\n", "(占已触达)\n");
  }
}

void print_loss(std::ostream& out, const core::LossReport& report, core::Lang lang) {
  if (report.results.empty()) out << t(lang, "no results\n", "没有结果\n");
  for (const auto& r : report.results) {
    out << "TaskId " << (r.task_id.empty() ? t(lang, "(all pushes)", "(全部推送)") : safe(r.task_id)) << "\n";
    print_losses(out, "lost before sending:", "发送前丢失:", r.ready_to_send, lang);
    print_losses(out, "lost after sending:", "发送后丢失:", r.post_send_delivered, lang);
    print_losses(out, "per platform, before sending:", "各平台发送前丢失:", r.platform_ready_to_send, lang);
    print_losses(out, "per platform, after sending:", "各平台发送后丢失:", r.platform_post_send, lang);
  }
}

void print_trace(std::ostream& out, const core::TraceReport& report, const std::string& user,
                 core::Lang lang) {
  if (report.instances.empty()) {
    out << t(lang, "no trace for ", "没有链路数据:") << user
        << t(lang, " (not in the audience, not reached yet, or older than 7 days)\n",
             "(不在推送范围内、尚未推送,或已超过 7 天)\n");
  }
  for (const auto& i : report.instances) {
    out << t(lang, "device ", "设备 ") << safe(i.instance_id) << " (" << safe(i.system)
        << (i.device_model.empty() ? "" : " " + safe(i.device_model)) << ", "
        << channel(i.event_type, i.push_platform, lang) << ")  " << t(lang, "pushed ", "推送于 ")
        << safe(i.push_time) << "\n";
    for (int s = 0; s < core::stage_count; ++s) {
      const auto kind = static_cast<core::StageKind>(s);
      if (i.event_type == 2 && s > 0) break;  // an online push has no vendor stages
      out << "  " << padded(tr(lang, core::stage_name(kind)), 16);
      if (!i.stages[s]) {
        out << t(lang, "not reached", "未到达") << "\n";
        continue;
      }
      const core::TraceStage& st = *i.stages[s];
      if (st.passed()) {
        out << padded(t(lang, "passed", "通过"), 8) << safe(st.event_time) << "\n";
        continue;
      }
      const std::string code = st.error_code ? std::to_string(*st.error_code) : "?";
      core::LossExplanation x = core::explain_loss(code, st.error_info);
      out << padded(t(lang, "failed", "失败"), 8) << safe(st.event_time) << "  " << code << " "
          << safe(tr(lang, x.meaning)) << "\n  " << padded("", 16) << t(lang, "fix: ", "处理:")
          << tr(lang, x.fix) << "\n";
    }
  }
}

}  // namespace timpush::cli
