#include <lp/edit/state_check.hpp>

namespace lp {

PlanCheck check_state(const PlanState& state, const std::vector<PlanCrossing>& crossings, const CheckInput& input) {
    CheckedPlan view;
    view.localities = &state.localities();
    view.arrangements = &state.arrangements();
    view.crossings = &crossings;
    view.groups = state.assignment();
    for (std::uint32_t z = 0; z < state.zone_count() && z < input.zone_ids.size(); ++z)
        if (state.zone_locked(z) && state.locality_of(z) < 0) view.locked_unassigned.push_back(input.zone_ids[z]);
    return check_plan(view, input);
}

} // namespace lp
