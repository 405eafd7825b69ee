#include <lp/plan/locality_colours.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

namespace lp {

namespace {

// The n-th colour of an endless palette: the twelve, then each lightened, then darkened.
std::string palette_colour(std::size_t n) {
    const std::string base = default_locality_colour(n % 12);
    const std::size_t round = n / 12;
    if (round == 0) return base;
    unsigned r = 0, g = 0, b = 0;
    std::sscanf(base.c_str(), "#%02x%02x%02x", &r, &g, &b);
    const double shift = (round % 2 == 1 ? 0.45 : -0.35) * (1.0 / static_cast<double>((round + 1) / 2));
    auto move = [&](unsigned c) {
        const double v = shift > 0 ? c + (255 - c) * shift : c * (1 + shift);
        return static_cast<unsigned>(std::clamp(v, 0.0, 255.0));
    };
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", move(r), move(g), move(b));
    return text;
}

std::vector<std::set<int>> locality_neighbours(const ContiguityGraph& graph, const std::vector<int>& assignment, int k) {
    std::vector<std::set<int>> touching(static_cast<std::size_t>(k));
    for (const auto& edge : graph.edges()) {
        if (edge.a >= assignment.size() || edge.b >= assignment.size()) continue;
        const int a = assignment[edge.a], b = assignment[edge.b];
        if (a < 0 || b < 0 || a >= k || b >= k || a == b) continue;
        touching[a].insert(b);
        touching[b].insert(a);
    }
    return touching;
}

std::vector<int> plan_assignment(const LocalityPlan& plan, const std::vector<std::string>& zone_ids) {
    return zone_groups(plan, zone_ids);
}

} // namespace

std::vector<std::string> locality_colours(const ContiguityGraph& graph, const std::vector<int>& assignment, int k) {
    std::vector<std::string> out;
    // Up to twelve localities, each its own colour, in the palette's order: a legend
    // tells every locality apart, and no neighbours can share one.
    if (k <= 12) {
        for (int j = 0; j < k; ++j) out.push_back(palette_colour(static_cast<std::size_t>(j)));
        return out;
    }
    const auto touching = locality_neighbours(graph, assignment, k);
    std::vector<int> colour(static_cast<std::size_t>(k), -1);
    std::vector<int> uses;
    // DSatur: the locality whose neighbours use most colours next (ties: most neighbours,
    // then the lowest number), each taking the first palette colour no neighbour has.
    for (int step = 0; step < k; ++step) {
        int pick = -1;
        std::size_t best_saturation = 0, best_degree = 0;
        for (int j = 0; j < k; ++j) {
            if (colour[j] >= 0) continue;
            std::set<int> used;
            for (const int n : touching[j])
                if (colour[n] >= 0) used.insert(colour[n]);
            if (pick < 0 || used.size() > best_saturation ||
                (used.size() == best_saturation && touching[j].size() > best_degree)) {
                pick = j;
                best_saturation = used.size();
                best_degree = touching[j].size();
            }
        }
        std::set<int> used;
        for (const int n : touching[pick])
            if (colour[n] >= 0) used.insert(colour[n]);
        // Of the twelve no neighbour has, the least used so far, so the map shows the
        // whole palette rather than four colours; beyond them, the first shade free.
        int c = -1;
        for (int candidate = 0; candidate < 12; ++candidate) {
            if (used.count(candidate)) continue;
            const int n = candidate < static_cast<int>(uses.size()) ? uses[candidate] : 0;
            const int best = c < 0 ? 0 : (c < static_cast<int>(uses.size()) ? uses[c] : 0);
            if (c < 0 || n < best) c = candidate;
        }
        if (c < 0) {
            c = 12;
            while (used.count(c)) ++c;
        }
        if (c >= static_cast<int>(uses.size())) uses.resize(static_cast<std::size_t>(c) + 1, 0);
        ++uses[c];
        colour[pick] = c;
    }
    for (int j = 0; j < k; ++j) out.push_back(palette_colour(static_cast<std::size_t>(colour[j])));
    return out;
}

void colour_localities(LocalityPlan& plan, const ContiguityGraph& graph, const std::vector<std::string>& zone_ids) {
    const int k = static_cast<int>(plan.localities.size());
    const auto assignment = plan_assignment(plan, zone_ids);
    std::vector<char> has_zone(plan.localities.size(), 0);
    for (const int j : assignment)
        if (j >= 0) has_zone[j] = 1;
    const auto colours = locality_colours(graph, assignment, k);
    for (int j = 0; j < k; ++j)
        if (has_zone[j]) plan.localities[j].colour = colours[j];
}

std::vector<std::pair<std::string, std::string>> neighbours_sharing_a_colour(const LocalityPlan& plan,
                                                                              const ContiguityGraph& graph,
                                                                              const std::vector<std::string>& zone_ids) {
    const int k = static_cast<int>(plan.localities.size());
    const auto touching = locality_neighbours(graph, plan_assignment(plan, zone_ids), k);
    std::vector<std::pair<std::string, std::string>> shared;
    for (int a = 0; a < k; ++a)
        for (const int b : touching[a])
            if (a < b && plan.localities[a].colour == plan.localities[b].colour)
                shared.push_back({plan.localities[a].name, plan.localities[b].name});
    return shared;
}

} // namespace lp
