#pragma once
// Between the file form of a plan (LocalityPlan: zone ids and locality ids as text)
// and the editor's index form (PlanState).
#include <lp/edit/plan_state.hpp>
#include <lp/plan/locality_plan.hpp>

#include <string>
#include <vector>

namespace lp {

// Zones the plan does not mention stay unassigned. Throws lp::Error naming the zone
// or locality: unknown_zone for a zone id not in zone_ids, bad_plan for an assignment
// to a locality the plan does not define or a duplicate locality id.
PlanState state_from_plan(const LocalityPlan& plan, const std::vector<std::string>& zone_ids,
                          const ContiguityGraph& graph, std::vector<BalanceLayer> layers);

// The plan with `base`'s metadata (partnership, sources, crossings, notes) and the
// state's localities, assignment, locks and arrangements.
LocalityPlan plan_from_state(const PlanState& state, const std::vector<std::string>& zone_ids,
                             const LocalityPlan& base = {});

} // namespace lp
