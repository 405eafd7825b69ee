#include <lp/edit/plan_state.hpp>

#include <lp/core/error.hpp>

#include "core/disjoint_sets.hpp"

#include <algorithm>
#include <numbers>

namespace lp {

double LiveStatistics::polsby_popper() const {
    if (perimeter <= 0 || area <= 0) return 0;
    return 4 * std::numbers::pi * area / (perimeter * perimeter);
}

PlanState::PlanState(const ContiguityGraph& graph, std::vector<BalanceLayer> layers)
    : graph_(&graph), layers_(std::move(layers)) {
    const std::size_t n = graph.size();
    for (const BalanceLayer& layer : layers_) {
        if (layer.values.size() != n) {
            throw Error(ErrorKind::bad_value, "balance layer '" + layer.name + "' has " +
                                                 std::to_string(layer.values.size()) + " values for " +
                                                 std::to_string(n) + " zones");
        }
        double total = 0;
        for (double v : layer.values) total += v;
        layer_totals_.push_back(total);
    }
    zone_area_ = graph.zone_area();
    zone_perimeter_ = graph.zone_perimeter();
    zone_area_.resize(n, 0.0);
    zone_perimeter_.resize(n, 0.0);
    assignment_.assign(n, -1);
    member_slot_.assign(n, 0);
    zone_locked_.assign(n, 0);
    visit_mark_.assign(n, 0);
    unassigned_ = n;
}

void PlanState::set_layers(std::vector<BalanceLayer> layers) {
    std::vector<double> totals;
    for (const BalanceLayer& layer : layers) {
        if (layer.values.size() != assignment_.size()) {
            throw Error(ErrorKind::bad_value, "balance layer '" + layer.name + "' has " +
                                                 std::to_string(layer.values.size()) + " values for " +
                                                 std::to_string(assignment_.size()) + " zones");
        }
        double total = 0;
        for (double v : layer.values) total += v;
        totals.push_back(total);
    }
    layers_ = std::move(layers);
    layer_totals_ = std::move(totals);
    for (std::size_t loc = 0; loc < localities_.size(); ++loc) {
        LiveStatistics& s = stats_[loc];
        s.totals.assign(layers_.size(), 0.0);
        for (std::uint32_t zone : members_[loc]) {
            for (std::size_t l = 0; l < layers_.size(); ++l) s.totals[l] += layers_[l].values[zone];
        }
    }
}

int PlanState::find_locality(const std::string& id) const {
    for (std::size_t i = 0; i < localities_.size(); ++i) {
        if (localities_[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

bool PlanState::zone_fixed(std::uint32_t zone) const {
    if (zone_locked_[zone]) return true;
    const int loc = assignment_[zone];
    return loc >= 0 && localities_[static_cast<std::size_t>(loc)].locked;
}

std::size_t PlanState::locked_zone_count() const {
    return static_cast<std::size_t>(std::count(zone_locked_.begin(), zone_locked_.end(), 1));
}

double PlanState::fair_share(std::size_t layer) const {
    if (localities_.empty()) return 0;
    return layer_totals_[layer] / static_cast<double>(localities_.size());
}

double PlanState::deviation(std::size_t locality, std::size_t layer) const {
    const double share = fair_share(layer);
    if (share == 0) return 0;
    return stats_[locality].totals[layer] / share - 1.0;
}

bool PlanState::within_tolerance(std::size_t locality, std::size_t layer) const {
    return std::abs(deviation(locality, layer)) <= layers_[layer].tolerance + 1e-12;
}

void PlanState::add_to(std::uint32_t zone, std::size_t locality) {
    LiveStatistics& s = stats_[locality];
    s.zones += 1;
    for (std::size_t l = 0; l < layers_.size(); ++l) s.totals[l] += layers_[l].values[zone];
    s.area += zone_area_[zone];
    s.perimeter += zone_perimeter_[zone];
    // Every boundary shared with a zone already inside stops being outer boundary,
    // on both sides.
    for (const ContiguityGraph::Adjacent& adj : graph_->neighbours(zone)) {
        if (assignment_[adj.zone] != static_cast<int>(locality) || adj.zone == zone) continue;
        const GraphEdge& e = graph_->edges()[adj.edge];
        if (e.crossing) s.crossings += 1;
        else s.perimeter -= 2 * e.shared_length;
    }
    member_slot_[zone] = static_cast<std::uint32_t>(members_[locality].size());
    members_[locality].push_back(zone);
    dirty_[locality] = 1;
}

void PlanState::remove_from(std::uint32_t zone, std::size_t locality) {
    LiveStatistics& s = stats_[locality];
    s.zones -= 1;
    for (std::size_t l = 0; l < layers_.size(); ++l) s.totals[l] -= layers_[l].values[zone];
    s.area -= zone_area_[zone];
    s.perimeter -= zone_perimeter_[zone];
    for (const ContiguityGraph::Adjacent& adj : graph_->neighbours(zone)) {
        if (assignment_[adj.zone] != static_cast<int>(locality) || adj.zone == zone) continue;
        const GraphEdge& e = graph_->edges()[adj.edge];
        if (e.crossing) s.crossings -= 1;
        else s.perimeter += 2 * e.shared_length;
    }
    if (s.zones == 0) { // keep float drift from leaving -0.0003 m2 behind
        std::fill(s.totals.begin(), s.totals.end(), 0.0);
        s.area = 0;
        s.perimeter = 0;
    }
    std::vector<std::uint32_t>& list = members_[locality];
    const std::uint32_t slot = member_slot_[zone];
    list[slot] = list.back();
    member_slot_[list[slot]] = slot;
    list.pop_back();
    dirty_[locality] = 1;
}

void PlanState::move_zone(std::uint32_t zone, int to) {
    const int from = assignment_[zone];
    if (from == to) return;
    if (to >= static_cast<int>(localities_.size())) {
        throw Error(ErrorKind::bad_plan, "no locality number " + std::to_string(to));
    }
    if (from >= 0) {
        // Neighbours are checked against assignment_, so take the zone out first.
        assignment_[zone] = -2;
        remove_from(zone, static_cast<std::size_t>(from));
    } else {
        --unassigned_;
    }
    if (to >= 0) {
        add_to(zone, static_cast<std::size_t>(to));
    } else {
        ++unassigned_;
    }
    assignment_[zone] = to;
}

void PlanState::insert_locality(std::size_t index, Locality locality) {
    if (index > localities_.size()) throw Error(ErrorKind::bad_plan, "locality index out of range");
    for (int& a : assignment_) {
        if (a >= static_cast<int>(index)) ++a;
    }
    localities_.insert(localities_.begin() + static_cast<std::ptrdiff_t>(index), std::move(locality));
    members_.insert(members_.begin() + static_cast<std::ptrdiff_t>(index), std::vector<std::uint32_t>{});
    LiveStatistics empty;
    empty.totals.assign(layers_.size(), 0.0);
    stats_.insert(stats_.begin() + static_cast<std::ptrdiff_t>(index), empty);
    dirty_.insert(dirty_.begin() + static_cast<std::ptrdiff_t>(index), 0);
}

void PlanState::erase_locality(std::size_t index) {
    if (index >= localities_.size()) throw Error(ErrorKind::bad_plan, "locality index out of range");
    if (!members_[index].empty()) {
        throw Error(ErrorKind::bad_plan, "locality '" + localities_[index].name + "' still has " +
                                            std::to_string(members_[index].size()) + " zones");
    }
    for (int& a : assignment_) {
        if (a > static_cast<int>(index)) --a;
    }
    const auto at = static_cast<std::ptrdiff_t>(index);
    localities_.erase(localities_.begin() + at);
    members_.erase(members_.begin() + at);
    stats_.erase(stats_.begin() + at);
    dirty_.erase(dirty_.begin() + at);
}

std::size_t PlanState::count_pieces(std::size_t locality) const {
    const std::vector<std::uint32_t>& list = members_[locality];
    if (list.empty()) return 0;
    if (++visit_generation_ == 0) { // wrapped: clear the marks once in four billion calls
        std::fill(visit_mark_.begin(), visit_mark_.end(), 0);
        visit_generation_ = 1;
    }
    const std::uint32_t mark = visit_generation_;
    const int loc = static_cast<int>(locality);
    std::vector<std::uint32_t> stack;
    std::size_t pieces = 0;
    for (std::uint32_t start : list) {
        if (visit_mark_[start] == mark) continue;
        ++pieces;
        visit_mark_[start] = mark;
        stack.push_back(start);
        while (!stack.empty()) {
            const std::uint32_t z = stack.back();
            stack.pop_back();
            for (const ContiguityGraph::Adjacent& adj : graph_->neighbours(z)) {
                if (assignment_[adj.zone] == loc && visit_mark_[adj.zone] != mark) {
                    visit_mark_[adj.zone] = mark;
                    stack.push_back(adj.zone);
                }
            }
        }
    }
    return pieces;
}

std::vector<std::uint32_t> PlanState::stray_zones(std::size_t locality) const {
    const std::vector<std::uint32_t>& list = members_[locality];
    if (stats_[locality].pieces <= 1) return {};
    // Label pieces, then keep every member whose piece is not the largest.
    std::vector<std::vector<std::uint32_t>> pieces;
    if (++visit_generation_ == 0) {
        std::fill(visit_mark_.begin(), visit_mark_.end(), 0);
        visit_generation_ = 1;
    }
    const std::uint32_t mark = visit_generation_;
    const int loc = static_cast<int>(locality);
    for (std::uint32_t start : list) {
        if (visit_mark_[start] == mark) continue;
        pieces.emplace_back();
        std::vector<std::uint32_t> stack{start};
        visit_mark_[start] = mark;
        while (!stack.empty()) {
            const std::uint32_t z = stack.back();
            stack.pop_back();
            pieces.back().push_back(z);
            for (const ContiguityGraph::Adjacent& adj : graph_->neighbours(z)) {
                if (assignment_[adj.zone] == loc && visit_mark_[adj.zone] != mark) {
                    visit_mark_[adj.zone] = mark;
                    stack.push_back(adj.zone);
                }
            }
        }
    }
    std::size_t largest = 0;
    for (std::size_t i = 1; i < pieces.size(); ++i) {
        if (pieces[i].size() > pieces[largest].size()) largest = i;
    }
    std::vector<std::uint32_t> stray;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (i != largest) stray.insert(stray.end(), pieces[i].begin(), pieces[i].end());
    }
    return stray;
}

void PlanState::refresh() {
    for (std::size_t i = 0; i < localities_.size(); ++i) {
        if (!dirty_[i]) continue;
        stats_[i].pieces = count_pieces(i);
        dirty_[i] = 0;
    }
}

std::vector<LiveStatistics> recount_statistics(const ContiguityGraph& graph,
                                                   const std::vector<BalanceLayer>& layers,
                                                   const std::vector<int>& assignment,
                                                   std::size_t locality_count) {
    std::vector<LiveStatistics> stats(locality_count);
    for (LiveStatistics& s : stats) s.totals.assign(layers.size(), 0.0);
    const auto& area = graph.zone_area();
    const auto& perimeter = graph.zone_perimeter();
    for (std::size_t z = 0; z < assignment.size(); ++z) {
        if (assignment[z] < 0) continue;
        LiveStatistics& s = stats[static_cast<std::size_t>(assignment[z])];
        s.zones += 1;
        for (std::size_t l = 0; l < layers.size(); ++l) s.totals[l] += layers[l].values[z];
        if (z < area.size()) s.area += area[z];
        if (z < perimeter.size()) s.perimeter += perimeter[z];
    }
    for (const GraphEdge& e : graph.edges()) {
        if (assignment[e.a] < 0 || assignment[e.a] != assignment[e.b]) continue;
        LiveStatistics& s = stats[static_cast<std::size_t>(assignment[e.a])];
        if (e.crossing) s.crossings += 1;
        else s.perimeter -= 2 * e.shared_length;
    }
    // Pieces: union-find over edges inside one locality.
    detail::DisjointSets sets(assignment.size());
    for (const GraphEdge& e : graph.edges()) {
        if (assignment[e.a] < 0 || assignment[e.a] != assignment[e.b]) continue;
        sets.unite(e.a, e.b);
    }
    for (std::size_t z = 0; z < assignment.size(); ++z) {
        if (assignment[z] >= 0 && sets.find(z) == z) stats[static_cast<std::size_t>(assignment[z])].pieces += 1;
    }
    return stats;
}

} // namespace lp
