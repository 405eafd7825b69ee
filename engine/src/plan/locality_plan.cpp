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
    // Chosen (from Okabe-Ito, Paul Tol's and ColorBrewer's qualitative sets) so that the
    // first nine, with the map's black and white markers, stay at least 10 CIEDE2000
    // apart with normal vision and when simulated for protanopia, deuteranopia and
    // tritanopia (tests/viewer/model/colour_palette_test.cpp); the last three keep all twelve
    // at least 9 apart. Nine is the most localities a Scottish partnership uses
    // (Highland). The order puts the most distinct first, for plans with few localities.
    static constexpr std::array<const char*, 12> palette = {
        "#cc3311", "#99ddff", "#0072b2", "#aaaa00", "#ffaabb", "#009e73",
        "#cc79a7", "#b3de69", "#77aadd", "#9966ff", "#cc0099", "#cccc99"};
    return palette[n % palette.size()];
}

Locality numbered_locality(std::size_t n, std::string name, std::string colour) {
    if (colour.empty()) colour = default_locality_colour(n);
    return {"L" + std::to_string(n + 1), std::move(name), std::move(colour), false};
}

} // namespace lp
