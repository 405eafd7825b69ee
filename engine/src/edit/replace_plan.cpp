#include <lp/edit/replace_plan.hpp>

#include <lp/core/error.hpp>

#include <algorithm>
#include <set>

namespace lp {
namespace {

void check_content(const PlanState& state, const PlanContent& content) {
    if (content.assignment.size() != state.zone_count()) {
        throw Error(ErrorKind::bad_plan, "the new plan has " + std::to_string(content.assignment.size()) +
                                            " zones, the plan has " + std::to_string(state.zone_count()));
    }
    std::set<std::string> ids;
    for (const Locality& locality : content.localities) {
        if (locality.id.empty()) throw Error(ErrorKind::bad_plan, "a locality of the new plan has no id");
        if (!ids.insert(locality.id).second)
            throw Error(ErrorKind::bad_plan, "the new plan has locality '" + locality.id + "' twice");
    }
    const int count = static_cast<int>(content.localities.size());
    for (int a : content.assignment) {
        if (a < -1 || a >= count) throw Error(ErrorKind::bad_plan, "the new plan names locality " + std::to_string(a));
    }
    for (std::uint32_t zone : content.locked_zones) {
        if (zone >= state.zone_count()) throw Error(ErrorKind::unknown_zone, "no zone number " + std::to_string(zone));
    }
}

// Empties the state, then fills it with `content` through the primitives that keep the
// statistics in step.
void put(PlanState& state, const PlanContent& content) {
    for (std::uint32_t z = 0; z < state.zone_count(); ++z) {
        state.move_zone(z, -1);
        state.set_zone_locked(z, false);
    }
    while (state.locality_count() > 0) state.erase_locality(state.locality_count() - 1);
    for (const Locality& locality : content.localities) state.insert_locality(state.locality_count(), locality);
    for (std::uint32_t z = 0; z < content.assignment.size(); ++z) state.move_zone(z, content.assignment[z]);
    for (std::uint32_t zone : content.locked_zones) state.set_zone_locked(zone, true);
    state.arrangements() = content.arrangements;
}

} // namespace

PlanContent plan_content(const PlanState& state) {
    PlanContent content;
    content.localities = state.localities();
    content.assignment = state.assignment();
    content.arrangements = state.arrangements();
    for (std::uint32_t z = 0; z < state.zone_count(); ++z) {
        if (state.zone_locked(z)) content.locked_zones.push_back(z);
    }
    return content;
}

void ReplacePlan::apply(PlanState& state) {
    check_content(state, next_);
    std::sort(next_.locked_zones.begin(), next_.locked_zones.end());
    previous_ = plan_content(state);
    changed_ = !(previous_ == next_);
    if (changed_) put(state, next_);
}

void ReplacePlan::revert(PlanState& state) {
    if (changed_) put(state, previous_);
}

} // namespace lp
