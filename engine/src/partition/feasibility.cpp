#include "feasibility.hpp"

#include <lp/core/error.hpp>
#include <lp/partition/locality_count.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace lp::detail {

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", std::round(value * 100.0) / 100.0);
    return text;
}

std::string ZoneNames::operator()(std::size_t zone) const {
    if (ids_ && zone < ids_->size()) return (*ids_)[zone];
    return "zone #" + std::to_string(zone);
}

std::string ZoneNames::list(const std::vector<std::size_t>& zones, std::size_t shown) const {
    std::string text;
    for (std::size_t i = 0; i < zones.size() && i < shown; ++i) {
        if (i > 0) text += ", ";
        text += (*this)(zones[i]);
    }
    if (zones.size() > shown) text += " and " + std::to_string(zones.size() - shown) + " more";
    return text;
}

void validate(const PartitionRequest& request, const ZoneNames& name) {
    if (!request.graph) throw Error(ErrorKind::bad_value, "partition: no contiguity graph given");
    const std::size_t n = request.graph->size();
    // The count a planner gives is checked where it is given (check_locality_count); this
    // guard stops a request built in code (the viewer's split, a test) before the search,
    // which bisects into at least two parts.
    if (!locality_count_allowed(request.k))
        throw Error(ErrorKind::bad_value, "partition: k = " + std::to_string(request.k) +
                                             "; a partnership needs two or more localities");
    if (static_cast<std::size_t>(request.k) > n)
        throw Error(ErrorKind::infeasible_request, "cannot make " + std::to_string(request.k) + " localities from " +
                                                      std::to_string(n) + " zones: each locality needs at least one zone");
    if (request.balance.empty())
        throw Error(ErrorKind::bad_value, "partition: no balance layer given (e.g. the total population)");
    for (const auto& layer : request.balance) {
        if (layer.values.size() != n)
            throw Error(ErrorKind::bad_value, "partition: balance layer " + layer.name + " has " +
                                                 std::to_string(layer.values.size()) + " values for " +
                                                 std::to_string(n) + " zones");
        if (!std::isfinite(layer.tolerance) || layer.tolerance < 0)
            throw Error(ErrorKind::bad_value, "partition: balance layer " + layer.name + " has tolerance " +
                                                 number(layer.tolerance) + "; it must be a fraction >= 0");
        double total = 0;
        for (std::size_t zone = 0; zone < n; ++zone) {
            const double value = layer.values[zone];
            if (!std::isfinite(value) || value < 0)
                throw Error(ErrorKind::bad_value, "partition: zone " + name(zone) + " has " + layer.name + " = " +
                                                     number(value) + "; balance values must be finite and >= 0");
            total += value;
        }
        if (total <= 0)
            throw Error(ErrorKind::bad_value, "partition: balance layer " + layer.name + " is zero in every zone");
    }
    auto check_localities = [&](const std::vector<int>& values, const char* what) {
        if (values.empty()) return;
        if (values.size() != n)
            throw Error(ErrorKind::bad_value, std::string("partition: ") + what + " has " +
                                                 std::to_string(values.size()) + " entries for " + std::to_string(n) +
                                                 " zones");
        for (std::size_t zone = 0; zone < n; ++zone)
            if (values[zone] < -1 || values[zone] >= request.k)
                throw Error(ErrorKind::bad_value, std::string("partition: ") + what + " puts zone " + name(zone) +
                                                     " in locality " + std::to_string(values[zone] + 1) +
                                                     ", outside 1.." + std::to_string(request.k));
    };
    check_localities(request.locks, "the lock list");
    if (!request.edge_cost.empty()) {
        if (request.edge_cost.size() != request.graph->edges().size())
            throw Error(ErrorKind::bad_value, "partition: " + std::to_string(request.edge_cost.size()) +
                                                 " edge prices for " + std::to_string(request.graph->edges().size()) +
                                                 " edges");
        for (const double price : request.edge_cost)
            if (!std::isfinite(price) || price < 0)
                throw Error(ErrorKind::bad_value, "partition: an edge price of " + number(price) +
                                                     "; prices must be finite and >= 0");
    }
    for (const auto& groups : request.groupings)
        if (!groups.of_zone.empty() && groups.of_zone.size() != n)
            throw Error(ErrorKind::bad_value, "partition: " + groups.kind + "s given for " +
                                                 std::to_string(groups.of_zone.size()) + " zones, the graph has " +
                                                 std::to_string(n));
    if (!request.hard_blocks.empty() && request.hard_blocks.size() != n)
        throw Error(ErrorKind::bad_value, "partition: building blocks given for " +
                                             std::to_string(request.hard_blocks.size()) + " zones, the graph has " +
                                             std::to_string(n));
    if (!request.closed.empty() && request.closed.size() != static_cast<std::size_t>(request.k))
        throw Error(ErrorKind::bad_value, "partition: closed flags for " + std::to_string(request.closed.size()) +
                                             " localities, k is " + std::to_string(request.k));
    if (!request.closed.empty() && request.start.empty() && request.locks.empty())
        throw Error(ErrorKind::bad_value, "partition: a closed locality needs its zones (locks or a start plan)");
    if (!std::isfinite(request.stay_cost))
        throw Error(ErrorKind::bad_value, "partition: the stay cost must be a finite number");
    if (request.hubs.size() > static_cast<std::size_t>(request.k))
        throw Error(ErrorKind::bad_value, "partition: " + std::to_string(request.hubs.size()) + " hubs for " +
                                             std::to_string(request.k) + " localities; give at most one per locality");
    for (const int hub : request.hubs)
        if (hub < 0 || static_cast<std::size_t>(hub) >= n)
            throw Error(ErrorKind::bad_value, "partition: hub zone #" + std::to_string(hub) + " is not a zone of the graph");
    check_localities(request.start, "the start plan");
    if (!request.groups.empty() && request.groups.size() != n)
        throw Error(ErrorKind::bad_value, "partition: keep-whole groups given for " +
                                             std::to_string(request.groups.size()) + " zones, the graph has " +
                                             std::to_string(n));
}

std::vector<std::string> infeasibility_reasons(const PartitionRequest& request, const std::vector<double>& mean,
                                               const ZoneNames& name) {
    std::vector<std::string> reasons;
    const ContiguityGraph& graph = *request.graph;
    const std::size_t n = graph.size();
    const int k = request.k;

    // A soft band is a preference: a zone or block heavier than it is an excess the
    // caller explains, not a reason the plan fails.
    for (const auto& layer : request.balance) {
        if (layer.soft) continue;
        const std::size_t l = static_cast<std::size_t>(&layer - request.balance.data());
        const double upper = mean[l] * (1 + layer.tolerance);
        for (std::size_t zone = 0; zone < n; ++zone)
            if (layer.values[zone] > upper)
                reasons.push_back("zone " + name(zone) + " alone has " + layer.name + " " + number(layer.values[zone]) +
                                  ", more than one locality may hold (mean " + number(mean[l]) + " + " +
                                  format_percent(layer.tolerance) + " = " + number(upper) + ")");
    }

    if (!request.hard_blocks.empty()) {
        // Only whole blocks move: a block heavier than a locality may be, or fewer blocks
        // than localities, cannot be met.
        std::map<int, std::vector<double>> block_totals;
        std::map<int, std::vector<int>> block_locks;
        for (std::size_t zone = 0; zone < n; ++zone) {
            auto& totals = block_totals[request.hard_blocks[zone]];
            totals.resize(request.balance.size());
            for (std::size_t l = 0; l < request.balance.size(); ++l) totals[l] += request.balance[l].values[zone];
            if (!request.locks.empty() && request.locks[zone] >= 0) {
                auto& locks = block_locks[request.hard_blocks[zone]];
                if (std::find(locks.begin(), locks.end(), request.locks[zone]) == locks.end())
                    locks.push_back(request.locks[zone]);
            }
        }
        auto block_name = [&](int block) {
            const bool named = block >= 0 && static_cast<std::size_t>(block) < request.hard_block_names.size();
            const bool kinded = block >= 0 && static_cast<std::size_t>(block) < request.hard_block_kinds.size() &&
                                !request.hard_block_kinds[block].empty();
            return (kinded ? request.hard_block_kinds[block] : std::string("building block")) + " " +
                   (named ? request.hard_block_names[block] : "#" + std::to_string(block));
        };
        auto why_whole = [&](int block) -> std::string {
            const bool settlement = block >= 0 && static_cast<std::size_t>(block) < request.hard_block_kinds.size() &&
                                    request.hard_block_kinds[block] == "settlement";
            return settlement ? "settlements are never split" : "only whole blocks move (hard building blocks)";
        };
        if (block_totals.size() < static_cast<std::size_t>(k))
            reasons.push_back("only " + std::to_string(block_totals.size()) + " building blocks for " +
                              std::to_string(k) + " localities, and only whole blocks move (hard building blocks)");
        for (const auto& [block, totals] : block_totals)
            for (std::size_t l = 0; l < request.balance.size(); ++l) {
                const double upper = mean[l] * (1 + request.balance[l].tolerance);
                if (!request.balance[l].soft && totals[l] > upper)
                    reasons.push_back(block_name(block) + " alone has " + request.balance[l].name +
                                      " " + number(totals[l]) + ", more than one locality may hold (mean " +
                                      number(mean[l]) + " + " + format_percent(request.balance[l].tolerance) + " = " +
                                      number(upper) + "), and " + why_whole(block));
            }
        for (const auto& [block, locks] : block_locks)
            if (locks.size() > 1)
                reasons.push_back(block_name(block) + " has zones locked to " +
                                  std::to_string(locks.size()) + " different localities, and only whole blocks move");
    }

    std::size_t count = 0;
    const auto label = graph.components(false, &count);
    if (count > 1) {
        std::vector<std::vector<std::size_t>> members(count);
        for (std::size_t zone = 0; zone < n; ++zone) members[label[zone]].push_back(zone);
        if (count > static_cast<std::size_t>(k))
            reasons.push_back("the zones fall into " + std::to_string(count) +
                              " pieces joined by neither land nor a recorded crossing, more than the " +
                              std::to_string(k) + " localities asked for; record crossings between them");
        for (std::size_t c = 0; c < count; ++c) {
            // Whole numbers of localities this piece could hold within every band.
            double lowest = 1;
            double highest = std::numeric_limits<double>::infinity();
            std::string worst;
            for (std::size_t l = 0; l < request.balance.size(); ++l) {
                const auto& layer = request.balance[l];
                double total = 0;
                for (const auto zone : members[c]) total += layer.values[zone];
                const double share = total / mean[l];
                const double low = std::ceil(share / (1 + layer.tolerance) - 1e-12);
                const double high = layer.tolerance >= 1 ? std::numeric_limits<double>::infinity()
                                                         : std::floor(share / (1 - layer.tolerance) + 1e-12);
                if (low > lowest) lowest = low;
                if (high < highest) {
                    highest = high;
                    worst = layer.name + " " + number(total) + " (" + number(share) + " times a locality's mean " +
                            number(mean[l]) + ")";
                }
            }
            if (lowest > highest)
                reasons.push_back("the island of " + std::to_string(members[c].size()) + " zone(s) " +
                                  name.list(members[c]) +
                                  " is joined to the rest by neither land nor a recorded crossing, and its " + worst +
                                  " cannot be divided into whole localities within tolerance");
        }
        if (!request.locks.empty()) {
            std::map<int, std::vector<std::size_t>> pieces_of; // locality -> components holding its locks
            for (std::size_t zone = 0; zone < n; ++zone) {
                const int lock = request.locks[zone];
                if (lock < 0) continue;
                auto& pieces = pieces_of[lock];
                if (std::find(pieces.begin(), pieces.end(), label[zone]) == pieces.end()) pieces.push_back(label[zone]);
            }
            for (const auto& [locality, pieces] : pieces_of)
                if (pieces.size() > 1)
                    reasons.push_back("locality " + std::to_string(locality + 1) + " has locked zones on " +
                                      std::to_string(pieces.size()) +
                                      " islands joined by neither land nor a recorded crossing");
        }
    }
    return reasons;
}

std::vector<std::string> split_settlement_notes(const PartitionRequest& request, const std::vector<double>& mean) {
    std::vector<std::string> notes;
    for (const auto& groups : request.groupings) {
        if (!groups.keep_whole || groups.of_zone.empty() || groups.never_split) continue;
        std::map<int, std::pair<int, std::vector<double>>> totals; // group -> (zones, totals per layer)
        for (std::size_t zone = 0; zone < groups.of_zone.size(); ++zone) {
            const int group = groups.of_zone[zone];
            if (group < 0) continue;
            auto& [zones, sums] = totals[group];
            ++zones;
            sums.resize(request.balance.size());
            for (std::size_t l = 0; l < request.balance.size(); ++l) sums[l] += request.balance[l].values[zone];
        }
        for (const auto& [group, entry] : totals) {
            const auto& [zones, sums] = entry;
            int parts = 1;
            std::size_t worst = 0;
            for (std::size_t l = 0; l < request.balance.size(); ++l) {
                if (request.balance[l].soft) continue; // a preference never forces a split
                const double upper = mean[l] * (1 + request.balance[l].tolerance);
                const int needed = upper > 0 ? static_cast<int>(std::ceil(sums[l] / upper - 1e-12)) : 1;
                if (needed > parts) {
                    parts = needed;
                    worst = l;
                }
            }
            if (parts <= 1) continue;
            const std::string label = group < static_cast<int>(groups.names.size()) && !groups.names[group].empty()
                                          ? groups.names[group]
                                          : "#" + std::to_string(group);
            const auto& layer = request.balance[worst];
            const double upper = mean[worst] * (1 + layer.tolerance);
            notes.push_back(groups.kind + " " + label + " (" + std::to_string(zones) + " zones, " + layer.name + " " +
                            number(sums[worst]) + ") is larger than one locality may hold (mean " + number(mean[worst]) +
                            " + " + format_percent(layer.tolerance) + " = " + number(upper) +
                            "), so it is split into at least " + std::to_string(parts) + " localities");
        }
    }
    return notes;
}

} // namespace lp::detail
