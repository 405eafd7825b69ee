#include <lp/partition/statistics.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numbers>

namespace lp {

namespace {

bool in_range(int locality, int k) { return locality >= 0 && locality < k; }

// Number of connected pieces of each locality (BFS over land and crossing edges).
std::vector<int> count_pieces(const ContiguityGraph& graph, const std::vector<int>& assignment, int k) {
    std::vector<int> pieces(static_cast<std::size_t>(k), 0);
    std::vector<char> seen(graph.size(), 0);
    std::vector<std::uint32_t> stack;
    for (std::uint32_t start = 0; start < graph.size(); ++start) {
        const int locality = assignment[start];
        if (seen[start] || !in_range(locality, k)) continue;
        ++pieces[static_cast<std::size_t>(locality)];
        seen[start] = 1;
        stack.assign(1, start);
        while (!stack.empty()) {
            const std::uint32_t zone = stack.back();
            stack.pop_back();
            for (const auto& next : graph.neighbours(zone)) {
                if (!seen[next.zone] && assignment[next.zone] == locality) {
                    seen[next.zone] = 1;
                    stack.push_back(next.zone);
                }
            }
        }
    }
    return pieces;
}

} // namespace

std::string signed_percent(double fraction) {
    char text[32];
    std::snprintf(text, sizeof text, "%+.0f%%", fraction * 100.0);
    return text;
}

std::string format_percent(double fraction) {
    char text[32];
    const double percent = fraction * 100.0;
    // Enough digits to tell 1.0% from 1.04%, without noise.
    if (std::abs(percent) >= 10) std::snprintf(text, sizeof text, "%.1f%%", percent);
    else std::snprintf(text, sizeof text, "%.2f%%", percent);
    std::string result = text;
    // "1.00%" -> "1%", "1.50%" -> "1.5%"
    const auto dot = result.find('.');
    if (dot != std::string::npos) {
        auto end = result.size() - 1; // the '%'
        auto last = end;
        while (last > dot + 1 && result[last - 1] == '0') --last;
        if (last == dot + 1 && result[dot + 1] == '0') result.erase(dot, end - dot);
        else result.erase(last, end - last);
    }
    return result;
}

int GroupSplits::unforced() const {
    int count = 0;
    for (std::size_t i = 0; i < split.size(); ++i) count += i < needed.size() && needed[i] <= 1;
    return count;
}

namespace {

// People on a boundary, and the main settlement of each locality.
void count_people(const ContiguityGraph& graph, const std::vector<int>& assignment, int k,
                  const CommunityContext& community, PlanStatistics& stats) {
    const std::size_t n = graph.size();
    const auto& population = *community.population;
    if (population.size() != n || assignment.size() != n) return;
    std::vector<char> on_boundary(n, 0);
    for (const auto& edge : graph.edges())
        if (!edge.crossing && assignment[edge.a] != assignment[edge.b]) on_boundary[edge.a] = on_boundary[edge.b] = 1;
    for (std::size_t zone = 0; zone < n; ++zone) {
        stats.people += population[zone];
        if (on_boundary[zone]) stats.people_on_boundary += population[zone];
        if (!in_range(assignment[zone], k)) continue;
        auto& locality = stats.localities[static_cast<std::size_t>(assignment[zone])];
        locality.people += population[zone];
        if (on_boundary[zone]) locality.people_on_boundary += population[zone];
    }
    const ZoneGroups* settlements = nullptr;
    for (const auto* groups : community.groupings)
        if (groups && groups->keep_whole && groups->of_zone.size() == n) {
            settlements = groups;
            break;
        }
    if (!settlements) return;
    std::vector<std::map<int, double>> people_of(static_cast<std::size_t>(k)); // locality -> settlement -> people
    for (std::size_t zone = 0; zone < n; ++zone)
        if (settlements->of_zone[zone] >= 0 && in_range(assignment[zone], k))
            people_of[static_cast<std::size_t>(assignment[zone])][settlements->of_zone[zone]] += population[zone];
    for (int j = 0; j < k; ++j) {
        double most = -1;
        for (const auto& [settlement, people] : people_of[j])
            if (people > most) {
                most = people;
                stats.localities[j].main_settlement = settlement;
            }
    }
}

// Split groups of one kind, and how many localities each needs at least.
GroupSplits count_splits(const ZoneGroups& groups, const std::vector<int>& assignment, int k,
                         const std::vector<BalanceLayer>& balance, const std::vector<double>& means) {
    GroupSplits splits;
    splits.kind = groups.kind;
    std::map<int, std::vector<int>> localities_of;  // group -> localities it is in
    std::map<int, std::vector<double>> totals_of;   // group -> totals per layer
    for (std::size_t zone = 0; zone < groups.of_zone.size() && zone < assignment.size(); ++zone) {
        const int group = groups.of_zone[zone];
        if (group < 0) continue;
        auto& localities = localities_of[group];
        if (in_range(assignment[zone], k) &&
            std::find(localities.begin(), localities.end(), assignment[zone]) == localities.end())
            localities.push_back(assignment[zone]);
        auto& totals = totals_of[group];
        totals.resize(balance.size());
        for (std::size_t l = 0; l < balance.size(); ++l)
            if (zone < balance[l].values.size()) totals[l] += balance[l].values[zone];
    }
    splits.groups = static_cast<int>(localities_of.size());
    for (const auto& [group, localities] : localities_of) {
        if (localities.size() <= 1) continue;
        int needed = 1;
        for (std::size_t l = 0; l < balance.size(); ++l) {
            if (balance[l].soft) continue; // a preference never forces a split
            const double upper = means[l] * (1 + balance[l].tolerance);
            if (upper > 0) needed = std::max(needed, static_cast<int>(std::ceil(totals_of[group][l] / upper - 1e-12)));
        }
        splits.split.push_back(group);
        splits.pieces.push_back(static_cast<int>(localities.size()));
        splits.needed.push_back(needed);
    }
    return splits;
}

} // namespace

PlanStatistics evaluate(const ContiguityGraph& graph, const std::vector<int>& assignment, int k,
                        const std::vector<BalanceLayer>& balance, const std::vector<int>& groups,
                        const CommunityContext& community) {
    const std::size_t n = graph.size();
    const std::size_t layers = balance.size();
    PlanStatistics stats;
    if (k <= 0) return stats;
    stats.localities.resize(static_cast<std::size_t>(k));
    for (auto& locality : stats.localities) {
        locality.totals.assign(layers, 0.0);
        locality.deviation.assign(layers, 0.0);
    }
    stats.means.assign(layers, 0.0);
    stats.max_deviation.assign(layers, 0.0);

    const bool has_area = graph.zone_area().size() == n;
    const bool has_perimeter = graph.zone_perimeter().size() == n;
    std::vector<double> layer_total(layers, 0.0);
    for (std::size_t zone = 0; zone < n; ++zone) {
        const int locality = zone < assignment.size() ? assignment[zone] : -1;
        for (std::size_t l = 0; l < layers; ++l) {
            const double value = zone < balance[l].values.size() ? balance[l].values[zone] : 0.0;
            layer_total[l] += value;
            if (in_range(locality, k)) stats.localities[static_cast<std::size_t>(locality)].totals[l] += value;
        }
        if (!in_range(locality, k)) {
            ++stats.unassigned;
            continue;
        }
        auto& target = stats.localities[static_cast<std::size_t>(locality)];
        ++target.zones;
        if (has_area) target.area += graph.zone_area()[zone];
        if (has_perimeter) target.perimeter += graph.zone_perimeter()[zone];
    }

    for (const auto& edge : graph.edges()) {
        const int a = edge.a < assignment.size() ? assignment[edge.a] : -1;
        const int b = edge.b < assignment.size() ? assignment[edge.b] : -1;
        if (a == b && in_range(a, k)) {
            auto& locality = stats.localities[static_cast<std::size_t>(a)];
            if (edge.crossing) ++locality.crossings;
            // The shared boundary is inside the locality: it is on neither zone's outline
            // of the locality, and it was counted once in each zone's perimeter.
            if (has_perimeter) locality.perimeter -= 2.0 * edge.shared_length;
        } else if (!edge.crossing) {
            stats.cut_length += edge.shared_length;
        }
    }

    stats.within_tolerance = stats.unassigned == 0;
    for (std::size_t l = 0; l < layers; ++l) {
        const double mean = layer_total[l] / k;
        stats.means[l] = mean;
        for (auto& locality : stats.localities) {
            const double deviation = mean > 0 ? (locality.totals[l] - mean) / mean : 0.0;
            locality.deviation[l] = deviation;
            stats.max_deviation[l] = std::max(stats.max_deviation[l], std::abs(deviation));
            // A hair of slack so that a total exactly on the band edge counts as inside.
            if (!balance[l].soft && std::abs(deviation) > balance[l].tolerance + 1e-12) stats.within_tolerance = false;
        }
    }

    const auto pieces = count_pieces(graph, assignment.size() == n ? assignment : std::vector<int>(n, -1), k);
    stats.contiguous = true;
    for (std::size_t j = 0; j < stats.localities.size(); ++j) {
        auto& locality = stats.localities[j];
        locality.pieces = pieces[j];
        if (locality.pieces != 1) stats.contiguous = false;
        if (has_area && has_perimeter && locality.perimeter > 0)
            locality.polsby_popper = 4.0 * std::numbers::pi * locality.area / (locality.perimeter * locality.perimeter);
    }

    if (groups.size() == n) {
        // group -> first locality seen, or -2 once a second one turns up
        std::map<int, int> first_locality;
        for (std::size_t zone = 0; zone < n; ++zone) {
            const int group = groups[zone];
            const int locality = assignment.size() == n ? assignment[zone] : -1;
            if (group < 0 || !in_range(locality, k)) continue;
            auto [it, inserted] = first_locality.emplace(group, locality);
            if (!inserted && it->second != locality && it->second != -2) {
                it->second = -2;
                ++stats.split_groups;
            }
        }
    }
    if (community.population) count_people(graph, assignment, k, community, stats);
    for (const auto* grouping : community.groupings)
        if (grouping) stats.splits.push_back(count_splits(*grouping, assignment, k, balance, stats.means));
    return stats;
}

std::vector<std::string> describe_problems(const PlanStatistics& stats, const std::vector<BalanceLayer>& balance,
                                           const std::vector<std::string>& locality_names) {
    std::vector<std::string> problems;
    auto name_of = [&](std::size_t j) {
        if (j < locality_names.size() && !locality_names[j].empty()) return "locality " + locality_names[j];
        return "locality " + std::to_string(j + 1);
    };
    auto number = [](double value) {
        char text[32];
        std::snprintf(text, sizeof text, "%.10g", std::round(value * 100.0) / 100.0);
        return std::string(text);
    };
    if (stats.unassigned > 0)
        problems.push_back(std::to_string(stats.unassigned) + " zone(s) are in no locality");
    for (std::size_t j = 0; j < stats.localities.size(); ++j) {
        const auto& locality = stats.localities[j];
        if (locality.zones == 0) {
            problems.push_back(name_of(j) + " has no zones");
            continue;
        }
        if (locality.pieces > 1)
            problems.push_back(name_of(j) + " is in " + std::to_string(locality.pieces) +
                               " separate pieces (not joined by land or a recorded crossing)");
        for (std::size_t l = 0; l < balance.size() && l < locality.deviation.size(); ++l) {
            const double deviation = locality.deviation[l];
            if (balance[l].soft || std::abs(deviation) <= balance[l].tolerance + 1e-12) continue;
            problems.push_back(name_of(j) + ": " + balance[l].name + " " + number(locality.totals[l]) + " is " +
                               format_percent(std::abs(deviation)) + (deviation > 0 ? " above" : " below") +
                               " the mean " + number(stats.means[l]) + " (tolerance " +
                               format_percent(balance[l].tolerance) + ")");
        }
    }
    return problems;
}

} // namespace lp
