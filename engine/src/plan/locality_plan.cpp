#include <lp/plan/locality_plan.hpp>

#include <array>

namespace lp {

int locality_index(const LocalityPlan& plan, const std::string& locality_id) {
    for (std::size_t i = 0; i < plan.localities.size(); ++i)
        if (plan.localities[i].id == locality_id) return static_cast<int>(i);
    return -1;
}

std::vector<int> zone_groups(const LocalityPlan& plan, const std::vector<std::string>& zone_ids) {
    std::map<std::string, int> index;
    for (std::size_t i = 0; i < plan.localities.size(); ++i) index.emplace(plan.localities[i].id, static_cast<int>(i));
    std::vector<int> groups(zone_ids.size(), -1);
    for (std::size_t z = 0; z < zone_ids.size(); ++z) {
        auto a = plan.assignment.find(zone_ids[z]);
        if (a == plan.assignment.end()) continue;
        auto l = index.find(a->second);
        if (l != index.end()) groups[z] = l->second;
    }
    return groups;
}

std::string default_locality_colour(std::size_t n) {
    // ColorBrewer Set3 and Dark2-like hues: distinct on a map and readable under white labels' halo.
    static constexpr std::array<const char*, 12> palette = {
        "#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#6a3d9a", "#b15928",
        "#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99"};
    return palette[n % palette.size()];
}

} // namespace lp
