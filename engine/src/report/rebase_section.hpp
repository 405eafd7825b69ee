#pragma once
// The report's section for a plan carried from another zone layer (boundaries plan rebase):
// where it came from and, when the plan records its impact table, each locality's zones,
// people and demand before and after. Private to the engine.
#include <lp/report/plan_report.hpp>

#include <string>

namespace lp::detail {

// "" when the plan records no origin ("rebased_from" in its sources).
std::string rebase_section_html(const PlanReport& report);

} // namespace lp::detail
