#include "model/optimise_request.hpp"


#include <algorithm>

namespace lp::viewer {

std::size_t zones_moved(const std::vector<int>& before, const std::vector<int>& after) {
    std::size_t moved = 0;
    for (std::size_t z = 0; z < before.size() && z < after.size(); ++z) moved += before[z] != after[z];
    return moved + (before.size() > after.size() ? before.size() - after.size() : after.size() - before.size());
}

std::vector<std::string> broken_locks(const PlanState& state, const std::vector<int>& result) {
    std::vector<std::string> broken;
    if (result.size() != state.zone_count()) {
        broken.push_back("the result has " + std::to_string(result.size()) + " zones, the plan " +
                         std::to_string(state.zone_count()));
        return broken;
    }
    std::vector<std::size_t> gained(state.locality_count(), 0), lost(state.locality_count(), 0);
    std::size_t zones_moved_out = 0;
    for (std::uint32_t z = 0; z < state.zone_count(); ++z) {
        const int from = state.locality_of(z), to = result[z];
        if (from == to) continue;
        if (from >= 0) ++lost[static_cast<std::size_t>(from)];
        if (to >= 0 && static_cast<std::size_t>(to) < state.locality_count()) ++gained[static_cast<std::size_t>(to)];
        if (state.zone_locked(z)) ++zones_moved_out;
    }
    for (std::size_t loc = 0; loc < state.locality_count(); ++loc) {
        if (!state.localities()[loc].locked || (gained[loc] == 0 && lost[loc] == 0)) continue;
        broken.push_back("locked locality " + state.localities()[loc].name + " gained " + std::to_string(gained[loc]) +
                         " and lost " + std::to_string(lost[loc]) + " zones");
    }
    if (zones_moved_out > 0) broken.push_back(std::to_string(zones_moved_out) + " locked zones moved");
    return broken;
}

std::string locks_summary(const PlanState& state) {
    const auto localities = static_cast<std::size_t>(std::count_if(
        state.localities().begin(), state.localities().end(), [](const Locality& l) { return l.locked; }));
    const std::size_t zones = state.locked_zone_count();
    auto count = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    if (localities == 0 && zones == 0) return "nothing locked";
    std::string text;
    if (localities > 0) text = count(localities, "locality", "localities");
    if (zones > 0) text += (text.empty() ? "" : " and ") + count(zones, "zone", "zones");
    return text + " locked";
}

std::string moved_summary(std::size_t moved, std::size_t zones) {
    if (moved == 0) return "optimise moved no zones: the plan is already as good as the partitioner finds around the locks";
    return "optimise moved " + std::to_string(moved) + " of " + std::to_string(zones) + (zones == 1 ? " zone" : " zones") +
           "; Ctrl+Z undoes";
}

} // namespace lp::viewer
