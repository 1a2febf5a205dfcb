// The human output of `timpush stats`, `loss` and `trace`: the core's typed reports as aligned
// text in English or Chinese. Nothing here talks to the network.
#pragma once

#include <ostream>
#include <string>

#include "core/task_report.h"

namespace timpush::cli {

void print_statistics(std::ostream& out, const core::StatisticsReport& report, core::Lang lang);
void print_loss(std::ostream& out, const core::LossReport& report, core::Lang lang);
void print_trace(std::ostream& out, const core::TraceReport& report, const std::string& user,
                 core::Lang lang);

}  // namespace timpush::cli
