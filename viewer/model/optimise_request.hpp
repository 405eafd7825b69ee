#pragma once
// What the viewer says about "Optimise around locks": the locks, what a result did to
// them and how much it moved. What optimise asks the partitioner is the engine's
// (lp::touch_up_options and lp::locality_request, the plan's own rules as the CLI's
// generate uses them). No window here, so it is tested without a GPU
// (tests/viewer/model/optimise_request_test.cpp).
#include <lp/edit/plan_state.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace lp::viewer {

// Zones whose locality differs between two assignments of the same zones.
std::size_t zones_moved(const std::vector<int>& before, const std::vector<int>& after);

// What a result does against the locks of `state` (its current plan is the start):
// one sentence per locked locality that gained or lost zones and per locked zone that
// moved; empty when every lock held.
std::vector<std::string> broken_locks(const PlanState& state, const std::vector<int>& result);

// "2 localities and 14 zones locked", "1 locality locked", "nothing locked" (zones:
// those locked one by one).
std::string locks_summary(const PlanState& state);

// The status line after an optimise: "optimise moved 7 of 312 zones; Ctrl+Z undoes".
std::string moved_summary(std::size_t moved, std::size_t zones);

} // namespace lp::viewer
