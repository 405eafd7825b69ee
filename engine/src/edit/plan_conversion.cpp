#include <lp/edit/plan_conversion.hpp>

#include <lp/core/error.hpp>
#include <lp/plan/locality_label.hpp>

#include <unordered_map>

namespace lp {

PlanState state_from_plan(const LocalityPlan& plan, const std::vector<std::string>& zone_ids,
                          const ContiguityGraph& graph, std::vector<BalanceLayer> layers,
                          std::vector<std::string>* problems) {
    if (zone_ids.size() != graph.size()) {
        throw Error(ErrorKind::bad_plan, "the zone layer has " + std::to_string(zone_ids.size()) +
                                            " zones but the graph has " + std::to_string(graph.size()));
    }
    PlanState state(graph, std::move(layers));
    for (const Locality& loc : plan.localities) {
        if (state.find_locality(loc.id) >= 0) {
            throw Error(ErrorKind::bad_plan, "the plan defines locality '" + loc.id + "' twice");
        }
        state.insert_locality(state.locality_count(), loc);
    }
    std::unordered_map<std::string, std::uint32_t> zone_index;
    zone_index.reserve(zone_ids.size());
    for (std::uint32_t z = 0; z < zone_ids.size(); ++z) zone_index.emplace(zone_ids[z], z);
    // -1: listed in problems (only when they are listed), else thrown.
    auto find_zone = [&](const std::string& id, const std::string& locality, const char* where) -> long {
        const auto it = zone_index.find(id);
        if (it != zone_index.end()) return it->second;
        if (!problems)
            throw Error(ErrorKind::unknown_zone, std::string("the plan's ") + where + " names zone '" + id +
                                                    "', which is not in the zone layer");
        std::string label = locality; // as check labels it: with the locality's name
        if (const int loc = state.find_locality(locality); loc >= 0)
            label = locality_label(locality, state.localities()[static_cast<std::size_t>(loc)].name);
        problems->push_back(locality.empty() ? "locked zone " + id + " is not a zone of the partnership's area"
                                              : "zone " + id + " (in locality " + label +
                                                    ") is not a zone of the partnership's area");
        return -1;
    };
    for (const auto& [zone_id, locality_id] : plan.assignment) {
        const long z = find_zone(zone_id, locality_id, "assignment");
        if (z < 0) continue;
        const int loc = state.find_locality(locality_id);
        if (loc < 0) {
            if (!problems)
                throw Error(ErrorKind::bad_plan, "the plan assigns zone '" + zone_id + "' to locality '" +
                                                    locality_id + "', which the plan does not define");
            problems->push_back("zone " + zone_id + " is assigned to \"" + locality_id +
                                "\", which is not one of the plan's localities");
            continue;
        }
        state.move_zone(static_cast<std::uint32_t>(z), loc);
    }
    for (const std::string& zone_id : plan.locked_zones)
        if (const long z = find_zone(zone_id, "", "locked_zones"); z >= 0)
            state.set_zone_locked(static_cast<std::uint32_t>(z), true);
    state.arrangements() = plan.arrangements;
    state.refresh();
    return state;
}

LocalityPlan plan_from_state(const PlanState& state, const std::vector<std::string>& zone_ids,
                             const LocalityPlan& base) {
    LocalityPlan plan = base;
    plan.localities = state.localities();
    plan.assignment.clear();
    plan.locked_zones.clear();
    for (std::uint32_t z = 0; z < state.zone_count(); ++z) {
        const int loc = state.locality_of(z);
        if (loc >= 0) plan.assignment[zone_ids[z]] = state.localities()[static_cast<std::size_t>(loc)].id;
        if (state.zone_locked(z)) plan.locked_zones.push_back(zone_ids[z]);
    }
    plan.arrangements = state.arrangements();
    return plan;
}

} // namespace lp
