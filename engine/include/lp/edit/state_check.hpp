#pragma once
// The statutory check (lp::check_plan) on the editor's own form: each zone's locality
// index, read straight from the PlanState, so the viewer checks a plan after every edit
// without turning 7,000 zones into a text map and back. Same rules, same messages, same
// result as checking the plan the state would save (tested against it).
#include <lp/edit/plan_state.hpp>
#include <lp/plan/plan_check.hpp>

#include <string>
#include <vector>

namespace lp {

// input.zone_ids are the state's zones, in its order; crossings are the plan's recorded ones.
PlanCheck check_state(const PlanState& state, const std::vector<PlanCrossing>& crossings, const CheckInput& input);

} // namespace lp
