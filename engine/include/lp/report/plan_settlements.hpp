#pragma once
// The settlements a plan records how to find (sources "settlements"), found in its data:
// what the report's main towns and split towns and every locality layer's
// main_settlement read.
#include <lp/community/settlements.hpp>
#include <lp/data/dataset.hpp>
#include <lp/plan/locality_plan.hpp>

#include <optional>

namespace lp {

// None when the plan records no settlements. Place names come from the plan's demand
// tables (sources demand.N); people from its total population column (every zone 1 without one).
std::optional<Settlements> plan_settlements(const LocalityPlan& plan, const Dataset& data);

} // namespace lp
