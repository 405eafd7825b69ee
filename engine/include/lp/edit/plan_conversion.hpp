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
// With `problems`, what `boundaries check` reports but still reads is listed there
// instead, in check's words, and left out of the state: an assigned or locked zone the
// layer does not have, a zone assigned to a locality the plan does not define (it stays
// unassigned). So the viewer opens such a plan for repair (issue 24 item 10); a duplicate
// locality id still throws.
PlanState state_from_plan(const LocalityPlan& plan, const std::vector<std::string>& zone_ids,
                          const ContiguityGraph& graph, std::vector<BalanceLayer> layers,
                          std::vector<std::string>* problems = nullptr);

// The plan with `base`'s metadata (partnership, sources, crossings, notes) and the
// state's localities, assignment, locks and arrangements.
LocalityPlan plan_from_state(const PlanState& state, const std::vector<std::string>& zone_ids,
                             const LocalityPlan& base = {});

} // namespace lp
