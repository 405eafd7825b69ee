#include "local_search.hpp"

#include "objective.hpp"
#include "tuning.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lp::detail {

LocalSearch::LocalSearch(const WorkGraph& graph, int k, BalanceTargets targets, std::vector<int> part)
    : graph_(graph), k_(k), layers_(graph.layers), targets_(std::move(targets)), part_(std::move(part)) {
    const int n = graph_.size();
    inverse_mean_.resize(layers_);
    for (int l = 0; l < layers_; ++l) inverse_mean_[l] = targets_.mean[l] > 0 ? 1.0 / targets_.mean[l] : 0.0;
    size_.assign(k_, 0);
    totals_.assign(static_cast<std::size_t>(k_) * layers_, 0.0);
    group_parts_.resize(graph_.groupings.size());
    for (std::size_t g = 0; g < graph_.groupings.size(); ++g) group_parts_[g].resize(graph_.groupings[g].count);
    for (int u = 0; u < n; ++u) {
        const int region = part_[u];
        ++size_[region];
        for (int l = 0; l < layers_; ++l) totals_[region * layers_ + l] += graph_.weights(u)[l];
        for (int e = graph_.offsets[u]; e < graph_.offsets[u + 1]; ++e)
            if (part_[graph_.adjacent[e]] != region) cost_ += 0.5 * graph_.shared[e];
        for (std::size_t g = 0; g < graph_.groupings.size(); ++g) {
            const int group = graph_.groupings[g].group[u];
            if (group < 0) continue;
            auto& parts = group_parts_[g][group];
            auto it = std::find_if(parts.begin(), parts.end(), [&](const auto& p) { return p.first == region; });
            if (it == parts.end()) parts.push_back({region, graph_.groupings[g].members[u]});
            else it->second += graph_.groupings[g].members[u];
        }
    }
    for (std::size_t g = 0; g < graph_.groupings.size(); ++g)
        for (const auto& parts : group_parts_[g])
            if (!parts.empty()) cost_ += graph_.groupings[g].split_cost * static_cast<double>(parts.size() - 1);
    if (!graph_.anchor.empty())
        for (int u = 0; u < n; ++u)
            if (graph_.anchor[u] >= 0 && part_[u] != graph_.anchor[u]) cost_ += graph_.anchor_cost;
    violation_of_.assign(k_, 0.0);
    for (int j = 0; j < k_; ++j) {
        violation_of_[j] = region_violation(j, nullptr, 0.0);
        violation_ += violation_of_[j];
        if (violation_of_[j] > 0) ++over_band_;
    }
    queued_.assign(n, 0);
    held_.assign(n, 0);
    mark_.assign(n, 0);
    candidate_mark_.assign(n, 0);
}

LocalSearch::Phase::Phase(LocalSearch& search, long allowance)
    : search_(search), outer_(search.phase_depth_++ == 0) {
    if (outer_) search_.move_budget_ = search_.moves_ + allowance;
}

LocalSearch::Phase::~Phase() {
    --search_.phase_depth_;
    if (outer_) search_.move_budget_ = std::numeric_limits<long>::max();
}

long LocalSearch::node_allowance() const {
    return move_allowance_per_node * static_cast<long>(graph_.size()) + move_allowance_base;
}

double LocalSearch::region_violation(int region, const double* add, double sign) const {
    double sum = 0;
    for (int l = 0; l < layers_; ++l) {
        double total = totals_[region * layers_ + l];
        if (add) total += sign * add[l];
        const double excess = (std::abs(total - targets_.mean[l]) - targets_.band[l]) * inverse_mean_[l];
        if (excess > 0) sum += excess * excess;
    }
    return sum;
}

bool LocalSearch::may_move(int from, int to) const {
    return graph_.closed.empty() || (!graph_.closed[from] && !graph_.closed[to]);
}

double LocalSearch::group_delta(int node, int from, int to) const {
    double delta = 0;
    if (!graph_.anchor.empty() && graph_.anchor[node] >= 0)
        delta += graph_.anchor_cost * ((to != graph_.anchor[node]) - (from != graph_.anchor[node]));
    for (std::size_t g = 0; g < graph_.groupings.size(); ++g) {
        const auto& grouping = graph_.groupings[g];
        const int group = grouping.group[node];
        if (group < 0 || grouping.split_cost == 0) continue;
        const int members = grouping.members[node];
        int in_from = 0;
        int in_to = 0;
        for (const auto& [region, count] : group_parts_[g][group]) {
            if (region == from) in_from = count;
            else if (region == to) in_to = count;
        }
        const int change = (in_from == members ? -1 : 0) + (in_to == 0 ? 1 : 0);
        delta += grouping.split_cost * change;
    }
    return delta;
}

void LocalSearch::make_room_for_stamps() {
    // A search takes up to three stamps; before the counter wraps, clear the marks.
    if (stamp_ > std::numeric_limits<unsigned>::max() - 3) {
        std::fill(mark_.begin(), mark_.end(), 0u);
        stamp_ = 0;
    }
}

bool LocalSearch::can_leave(int node) {
    const int region = part_[node];
    if (size_[region] <= 1) return false;
    // The node's neighbours in its region must stay connected to each other without it.
    // Breadth-first from one of them until all are found: around a node that is not a
    // cut vertex that takes a few steps; only a real cut vertex costs a whole piece.
    make_room_for_stamps();
    const unsigned target = ++stamp_; // a same-region neighbour still to be found
    const unsigned seen = ++stamp_;   // reached by the search
    int targets = 0;
    int first = -1;
    for (int e = graph_.offsets[node]; e < graph_.offsets[node + 1]; ++e) {
        const int v = graph_.adjacent[e];
        if (v == node || part_[v] != region || mark_[v] == target) continue;
        mark_[v] = target;
        ++targets;
        if (first < 0) first = v;
    }
    if (targets <= 1) return true;
    search_.clear();
    search_.push_back(first);
    mark_[first] = seen;
    int found = 1;
    for (std::size_t head = 0; head < search_.size(); ++head) {
        const int u = search_[head];
        for (int e = graph_.offsets[u]; e < graph_.offsets[u + 1]; ++e) {
            const int v = graph_.adjacent[e];
            if (v == node || part_[v] != region || mark_[v] == seen) continue;
            if (mark_[v] == target && ++found == targets) return true;
            mark_[v] = seen;
            search_.push_back(v);
        }
    }
    return false;
}

void LocalSearch::move(int node, int to) {
    const int from = part_[node];
    ++moves_;
    if (logging_) log_.push_back({node, from});
    for (int e = graph_.offsets[node]; e < graph_.offsets[node + 1]; ++e) {
        const int region = part_[graph_.adjacent[e]];
        if (region == from) cost_ += graph_.shared[e];
        else if (region == to) cost_ -= graph_.shared[e];
    }
    cost_ += group_delta(node, from, to);
    for (std::size_t g = 0; g < graph_.groupings.size(); ++g) {
        const int group = graph_.groupings[g].group[node];
        if (group < 0) continue;
        auto& parts = group_parts_[g][group];
        const int members = graph_.groupings[g].members[node];
        for (auto it = parts.begin(); it != parts.end(); ++it)
            if (it->first == from) {
                it->second -= members;
                if (it->second == 0) parts.erase(it);
                break;
            }
        auto it = std::find_if(parts.begin(), parts.end(), [&](const auto& p) { return p.first == to; });
        if (it == parts.end()) parts.push_back({to, members});
        else it->second += members;
    }
    const double* w = graph_.weights(node);
    for (int l = 0; l < layers_; ++l) {
        totals_[from * layers_ + l] -= w[l];
        totals_[to * layers_ + l] += w[l];
    }
    for (const int region : {from, to}) {
        const double before = violation_of_[region];
        const double after = region_violation(region, nullptr, 0.0);
        violation_of_[region] = after;
        violation_ += after - before;
        over_band_ += (after > 0) - (before > 0);
    }
    --size_[from];
    ++size_[to];
    part_[node] = to;
}

bool LocalSearch::best_move(int node, Candidate& best) {
    if (graph_.lock[node] >= 0 || held_[node]) return false;
    const int from = part_[node];
    touching_.clear();
    double shared_from = 0;
    for (int e = graph_.offsets[node]; e < graph_.offsets[node + 1]; ++e) {
        const int region = part_[graph_.adjacent[e]];
        if (region == from) {
            shared_from += graph_.shared[e];
            continue;
        }
        auto it = std::find_if(touching_.begin(), touching_.end(), [&](const auto& t) { return t.first == region; });
        if (it == touching_.end()) touching_.push_back({region, graph_.shared[e]});
        else it->second += graph_.shared[e];
    }
    if (touching_.empty()) return false;

    const double* w = graph_.weights(node);
    const double from_after = region_violation(from, w, -1.0);
    bool found = false;
    for (const auto& [to, shared_to] : touching_) {
        if (!may_move(from, to)) continue;
        const double violation_change =
            from_after + region_violation(to, w, 1.0) - violation_of_[from] - violation_of_[to];
        const double cost_change = shared_from - shared_to + group_delta(node, from, to);
        const double scale = violation_of_[from] + violation_of_[to];
        if (!improves(violation_change, scale, cost_change)) continue;
        if (!found || improves(violation_change - best.violation_change, scale, cost_change - best.cost_change)) {
            best = {node, to, violation_change, cost_change};
            found = true;
        }
    }
    return found;
}

bool LocalSearch::try_improve(int node) {
    Candidate best;
    if (!best_move(node, best)) return false;
    if (can_leave(node)) {
        move(node, best.to);
        return true;
    }
    return move_with_cut_off(node, best.to);
}

bool LocalSearch::move_with_cut_off(int node, int to) {
    // The node holds its region together: moving it alone would strand the pieces beyond
    // it (a glen of rural zones strung along one road). Move it with every piece but the
    // largest, if that improves things; rural regions are often trees of such chains.
    const int from = part_[node];
    make_room_for_stamps();
    const unsigned seen = ++stamp_;
    mark_[node] = seen;
    if (graph_.lock[node] >= 0) return false;
    // Pieces are searched only up to the most that may be carried: one piece may be
    // larger (it stays), a second larger one means the move is too big.
    const int limit = std::max(8, std::min(size_[from] / 3, 64));
    std::vector<std::vector<int>> small;  // pieces that would be carried
    std::vector<int> piece;
    bool large_seen = false;
    int total = 0;
    for (int e = graph_.offsets[node]; e < graph_.offsets[node + 1]; ++e) {
        const int start = graph_.adjacent[e];
        if (part_[start] != from || mark_[start] == seen) continue;
        piece.assign(1, start);
        mark_[start] = seen;
        bool large = false;
        for (std::size_t head = 0; head < piece.size() && !large; ++head) {
            const int u = piece[head];
            for (int f = graph_.offsets[u]; f < graph_.offsets[u + 1]; ++f) {
                const int v = graph_.adjacent[f];
                if (part_[v] != from || mark_[v] == seen) continue;
                mark_[v] = seen;
                piece.push_back(v);
            }
            large = static_cast<int>(piece.size()) > limit;
        }
        if (large) {
            if (large_seen) return false;
            large_seen = true;
            continue;
        }
        small.push_back(piece);
    }
    if (!large_seen && !small.empty()) {
        // Every piece is small: the largest of them stays.
        auto largest = std::max_element(small.begin(), small.end(),
                                        [](const auto& a, const auto& b) { return a.size() < b.size(); });
        small.erase(largest);
    }
    std::vector<int> carried{node};
    for (const auto& p : small) {
        total += static_cast<int>(p.size());
        if (total > limit) return false;
        for (const int u : p) {
            if (graph_.lock[u] >= 0 || held_[u]) return false;
            carried.push_back(u);
        }
    }
    // Never the whole region: with a band of 100% or more an empty locality costs nothing
    // in balance, and a region of one node has no piece left to stay.
    if (static_cast<int>(carried.size()) >= size_[from]) return false;
    const double violation_before = violation();
    const double cost_before = cost_;
    const std::size_t log_mark = log_.size();
    const bool was_logging = logging_;
    logging_ = true;
    // Breadth-first from the node, so the receiving region stays connected at every step.
    for (const int u : carried) move(u, to);
    const bool better = improves(violation() - violation_before, violation_before, cost_ - cost_before);
    if (!better) {
        for (std::size_t i = log_.size(); i-- > log_mark;) move(log_[i].node, log_[i].from);
        log_.resize(log_mark);
    }
    logging_ = was_logging;
    if (!was_logging) log_.resize(log_mark); // kept only for a caller that may undo
    if (better) {
        for (const int u : carried) {
            push(u);
            push_neighbours(u);
        }
    }
    return better;
}

bool LocalSearch::best_pair(const std::vector<int>& candidates, Candidate& first, Candidate& second) {
    const double violation_before = violation();
    const double cost_before = cost_;
    const bool was_logging = logging_;
    const long moves_before = moves_; // trial moves, each undone: bounded by the candidates, not counted
    logging_ = false; // trial moves are undone here, not by the caller's log
    bool found = false;
    double best_violation = 0;
    double best_cost = 0;
    // Candidates by the regions they are in or touch. A second move can only differ from
    // what was already on offer (nothing improving, or this search would not run) where
    // the first move changed something: in or next to its two regions. So only those are
    // tried, in the order of the list.
    auto& by_region = pair_index_;
    by_region.clear();
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const int v = candidates[i];
        const int index = static_cast<int>(i);
        by_region.push_back({part_[v], index});
        for (int e = graph_.offsets[v]; e < graph_.offsets[v + 1]; ++e)
            by_region.push_back({part_[graph_.adjacent[e]], index});
    }
    std::sort(by_region.begin(), by_region.end());
    by_region.erase(std::unique(by_region.begin(), by_region.end()), by_region.end());
    auto touching_region = [&](int region) {
        const auto lower = std::lower_bound(by_region.begin(), by_region.end(), std::pair<int, int>{region, -1});
        const auto upper = std::lower_bound(lower, by_region.end(), std::pair<int, int>{region + 1, -1});
        return std::make_pair(lower, upper);
    };
    std::vector<int> seconds;
    for (const int u : candidates) {
        if (graph_.lock[u] >= 0 || held_[u]) continue;
        const int from = part_[u];
        std::vector<int> targets;
        for (int e = graph_.offsets[u]; e < graph_.offsets[u + 1]; ++e) {
            const int region = part_[graph_.adjacent[e]];
            if (region != from && std::find(targets.begin(), targets.end(), region) == targets.end())
                targets.push_back(region);
        }
        // The first move must touch a region off its band; the second may be anywhere
        // (a chain: this region gives to the one off band, a third gives to this one).
        if (violation_of_[from] == 0)
            targets.erase(std::remove_if(targets.begin(), targets.end(), [&](int to) { return violation_of_[to] == 0; }),
                          targets.end());
        if (targets.empty() || !can_leave(u)) continue;
        for (const int to : targets) {
            if (!may_move(from, to)) continue;
            const auto [from_begin, from_end] = touching_region(from);
            const auto [to_begin, to_end] = touching_region(to);
            // Both lists are in list order; merged, without repeats.
            seconds.clear();
            for (auto a = from_begin, b = to_begin; a != from_end || b != to_end;) {
                int next;
                if (b == to_end || (a != from_end && a->second <= b->second)) next = (a++)->second;
                else next = (b++)->second;
                if (seconds.empty() || seconds.back() != next) seconds.push_back(next);
            }
            move(u, to);
            for (const int index : seconds) {
                const int v = candidates[index];
                Candidate option;
                if (v == u || !best_move(v, option)) continue;
                const double violation_change = violation() + option.violation_change - violation_before;
                const double cost_change = cost_ + option.cost_change - cost_before;
                if (!improves(violation_change, violation_before, cost_change)) continue;
                if (found && !improves(violation_change - best_violation, violation_before, cost_change - best_cost))
                    continue;
                if (!can_leave(v)) continue;
                first = {u, to, 0, 0};
                second = option;
                best_violation = violation_change;
                best_cost = cost_change;
                found = true;
            }
            move(u, from);
        }
    }
    logging_ = was_logging;
    moves_ = moves_before;
    return found;
}

void LocalSearch::descend_best(std::vector<int>& candidates, std::size_t pair_limit) {
    // Best move first among the candidates: after a perturbation, the balance is put
    // back by the cheapest move near it, not by the first one found.
    if (++candidate_stamp_ == 0) {
        std::fill(candidate_mark_.begin(), candidate_mark_.end(), 0u);
        candidate_stamp_ = 1;
    }
    const unsigned listed = candidate_stamp_;
    for (const int u : candidates) candidate_mark_[u] = listed;
    std::vector<char> blocked(candidates.size(), 0);
    const std::size_t limit = 4 * candidates.size() + 16;
    for (std::size_t step = 0; step < limit && !out_of_moves(); ++step) {
        Candidate best;
        std::size_t best_index = 0;
        bool found = false;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (blocked[i]) continue;
            Candidate option;
            if (!best_move(candidates[i], option)) continue;
            const double scale = std::max(violation_of_[part_[option.node]] + violation_of_[option.to], 1e-300);
            if (!found || improves(option.violation_change - best.violation_change, scale,
                                   option.cost_change - best.cost_change)) {
                best = option;
                best_index = i;
                found = true;
            }
        }
        if (!found) {
            // No single move helps while a band is missed: try two moves together, the
            // one way a tight band (narrower than a zone) is met between two regions.
            Candidate second;
            if (violation() > 0 && candidates.size() <= pair_limit && best_pair(candidates, best, second)) {
                move(best.node, best.to);
                move(second.node, second.to);
                std::fill(blocked.begin(), blocked.end(), 0);
                for (const int moved : {best.node, second.node})
                    for (int e = graph_.offsets[moved]; e < graph_.offsets[moved + 1]; ++e) {
                        const int v = graph_.adjacent[e];
                        if (candidate_mark_[v] == listed) continue;
                        candidate_mark_[v] = listed;
                        candidates.push_back(v);
                        blocked.push_back(0);
                    }
                continue;
            }
            break;
        }
        if (!can_leave(best.node)) {
            if (!move_with_cut_off(best.node, best.to)) blocked[best_index] = 1;
            else std::fill(blocked.begin(), blocked.end(), 0);
            continue;
        }
        move(best.node, best.to);
        std::fill(blocked.begin(), blocked.end(), 0); // the map changed: blocked nodes may be free now
        for (int e = graph_.offsets[best.node]; e < graph_.offsets[best.node + 1]; ++e) {
            const int v = graph_.adjacent[e];
            if (candidate_mark_[v] == listed) continue;
            candidate_mark_[v] = listed;
            candidates.push_back(v);
            blocked.push_back(0);
        }
    }
}

void LocalSearch::push(int node) {
    if (queued_[node]) return;
    queued_[node] = 1;
    queue_.push_back(node);
}

void LocalSearch::push_neighbours(int node) {
    for (int e = graph_.offsets[node]; e < graph_.offsets[node + 1]; ++e) push(graph_.adjacent[e]);
}

void LocalSearch::descend() {
    // First in, first out: a wave across the boundary rather than a dig at one spot.
    for (std::size_t head = 0; head < queue_.size(); ++head) {
        const int node = queue_[head];
        queued_[node] = 0;
        if (out_of_moves()) continue; // drain the queue, move nothing more
        if (try_improve(node)) {
            push(node);
            push_neighbours(node);
        }
        if (head > 4096 && head * 2 > queue_.size()) {
            queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(head) + 1);
            head = static_cast<std::size_t>(-1);
        }
    }
    queue_.clear();
}

void LocalSearch::descend_all() {
    const Phase phase(*this, node_allowance());
    for (int u = 0; u < graph_.size(); ++u) push(u);
    descend();
}

void LocalSearch::repair_balance(std::size_t pair_limit) {
    if (violation() == 0) return;
    const Phase phase(*this, node_allowance());
    // Boundary nodes of the regions off their band and of the regions next to those.
    std::vector<char> off_band(k_, 0);
    for (int j = 0; j < k_; ++j) off_band[j] = violation_of_[j] > 0;
    std::vector<char> involved = off_band;
    for (int u = 0; u < graph_.size(); ++u)
        for (int e = graph_.offsets[u]; e < graph_.offsets[u + 1]; ++e)
            if (off_band[part_[graph_.adjacent[e]]]) involved[part_[u]] = 1;
    std::vector<int> candidates;
    for (int u = 0; u < graph_.size(); ++u) {
        if (!involved[part_[u]]) continue;
        for (int e = graph_.offsets[u]; e < graph_.offsets[u + 1]; ++e)
            if (part_[graph_.adjacent[e]] != part_[u]) {
                candidates.push_back(u);
                break;
            }
    }
    if (candidates.size() <= 2000) {
        descend_best(candidates, pair_limit);
    } else {
        // Many regions off their band (a large graph early on): best-first would cost the
        // square of the list, so take first improvements instead.
        for (const int u : candidates) push(u);
        descend();
    }
    descend_all();
}

double LocalSearch::region_excess(int region, const double* add, double sign) const {
    double sum = 0;
    for (int l = 0; l < layers_; ++l) {
        double total = totals_[region * layers_ + l];
        if (add) total += sign * add[l];
        const double excess = (std::abs(total - targets_.mean[l]) - targets_.band[l]) * inverse_mean_[l];
        if (excess > 0) sum += excess;
    }
    return sum;
}

bool LocalSearch::anneal_balance(long steps, Random& random) {
    const int n = graph_.size();
    if (violation() == 0) return true;
    if (n == 0) return false;
    const Phase phase(*this, steps + node_allowance());
    // Temperature in units of excess over the mean: start at half a typical node's
    // share of a region, so a move past the band by one node is often taken at first.
    double typical = 0;
    for (int l = 0; l < layers_; ++l) {
        double total = 0;
        for (int j = 0; j < k_; ++j) total += totals_[j * layers_ + l];
        typical += total / n * inverse_mean_[l];
    }
    typical /= std::max(1, layers_);
    const double start_temperature = 0.5 * typical;
    double best_violation = violation();
    log_.clear();
    logging_ = true; // moves since the best state, to go back to it
    for (long step = 0; step < steps && over_band_ > 0 && !out_of_moves(); ++step) {
        const double temperature = start_temperature * std::pow(0.01, static_cast<double>(step) / steps);
        const int u = static_cast<int>(random.below(static_cast<std::uint32_t>(n)));
        if (graph_.lock[u] >= 0) continue;
        const int degree = graph_.offsets[u + 1] - graph_.offsets[u];
        if (degree == 0) continue;
        const int from = part_[u];
        const int offset = static_cast<int>(random.below(static_cast<std::uint32_t>(degree)));
        int to = from;
        for (int i = 0; i < degree && to == from; ++i)
            to = part_[graph_.adjacent[graph_.offsets[u] + (offset + i) % degree]];
        if (to == from || !may_move(from, to)) continue;
        const double* w = graph_.weights(u);
        const double change = region_excess(from, w, -1.0) + region_excess(to, w, 1.0) -
                              region_excess(from, nullptr, 0.0) - region_excess(to, nullptr, 0.0);
        if (change > 0 && random.unit() >= std::exp(-change / temperature)) continue;
        if (!can_leave(u)) continue;
        move(u, to);
        if (violation() < best_violation * (1 - 1e-9)) {
            best_violation = violation();
            log_.clear();
        }
    }
    logging_ = false;
    if (over_band_ > 0) {
        for (auto it = log_.rbegin(); it != log_.rend(); ++it) move(it->node, it->from);
    }
    log_.clear();
    return over_band_ == 0;
}

bool LocalSearch::region_connected(int region) {
    make_room_for_stamps();
    const unsigned seen = ++stamp_;
    int first = -1;
    for (int u = 0; u < graph_.size() && first < 0; ++u)
        if (part_[u] == region) first = u;
    if (first < 0) return false;
    search_.assign(1, first);
    mark_[first] = seen;
    for (std::size_t head = 0; head < search_.size(); ++head) {
        const int u = search_[head];
        for (int e = graph_.offsets[u]; e < graph_.offsets[u + 1]; ++e) {
            const int v = graph_.adjacent[e];
            if (part_[v] != region || mark_[v] == seen) continue;
            mark_[v] = seen;
            search_.push_back(v);
        }
    }
    return static_cast<int>(search_.size()) == size_[region];
}

bool LocalSearch::merge_split_group(Random& random) {
    const Phase phase(*this, node_allowance());
    std::vector<std::pair<int, int>> split; // (grouping, group)
    for (std::size_t g = 0; g < group_parts_.size(); ++g) {
        if (!graph_.groupings[g].whole) continue;
        for (int group = 0; group < static_cast<int>(group_parts_[g].size()); ++group)
            if (group_parts_[g][group].size() > 1) split.push_back({static_cast<int>(g), group});
    }
    if (split.empty()) return false;
    const auto [g, group] = split[random.below(static_cast<std::uint32_t>(split.size()))];
    const auto& parts = group_parts_[g][group];
    auto smallest = std::min_element(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    auto largest = std::max_element(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    const int from = smallest->first;
    const int to = largest->first;
    if (from == to || !may_move(from, to)) return false;
    std::vector<int> nodes;
    for (int u = 0; u < graph_.size(); ++u) {
        if (part_[u] != from || graph_.groupings[g].group[u] != group) continue;
        if (graph_.lock[u] >= 0 || held_[u]) return false;
        nodes.push_back(u);
    }
    if (nodes.empty() || static_cast<int>(nodes.size()) >= size_[from]) return false;
    const Score before{violation(), cost_};
    log_.clear();
    logging_ = true;
    for (const int u : nodes) move(u, to);
    bool keep = region_connected(from) && region_connected(to);
    if (keep) {
        repair_balance(40);
        keep = !better(before, Score{violation(), cost_});
    }
    logging_ = false;
    if (!keep)
        for (auto it = log_.rbegin(); it != log_.rend(); ++it) move(it->node, it->from);
    log_.clear();
    return keep;
}

bool LocalSearch::iterate(long rounds, Random& random, const std::function<bool(double)>& progress,
                          double progress_from, double progress_to) {
    const int n = graph_.size();
    if (n == 0 || rounds <= 0) return true;
    const Phase phase(*this, move_allowance_per_round * rounds + node_allowance());
    std::vector<int> moved;
    std::vector<int> candidates;
    std::vector<int> nearby;
    // Merging a split settlement scans the graph: on councils only, every so many rounds.
    const bool merging = n <= 50000 && std::any_of(graph_.groupings.begin(), graph_.groupings.end(),
                                                   [](const Grouping& g) { return g.whole && g.count > 0; });
    for (long round = 0; round < rounds && !out_of_moves(); ++round) {
        if (progress && (round & 255) == 0 &&
            !progress(progress_from + (progress_to - progress_from) * static_cast<double>(round) / rounds))
            return false;
        if (merging && round % 16 == 15) {
            merge_split_group(random);
            continue;
        }

        // A boundary node that may move, and a neighbouring region to move it to.
        int start = -1;
        int to = -1;
        for (int attempt = 0; attempt < 64 && start < 0; ++attempt) {
            const int u = static_cast<int>(random.below(static_cast<std::uint32_t>(n)));
            if (graph_.lock[u] >= 0) continue;
            const int degree = graph_.offsets[u + 1] - graph_.offsets[u];
            if (degree == 0) continue;
            const int offset = static_cast<int>(random.below(static_cast<std::uint32_t>(degree)));
            for (int i = 0; i < degree; ++i) {
                const int v = graph_.adjacent[graph_.offsets[u] + (offset + i) % degree];
                if (part_[v] != part_[u] && may_move(part_[u], part_[v])) {
                    start = u;
                    to = part_[v];
                    break;
                }
            }
        }
        if (start < 0) continue;

        const double violation_before = violation();
        const double cost_before = cost_;
        log_.clear();
        logging_ = true;
        const int from = part_[start];
        const int stretch = 1 + static_cast<int>(random.below(3));
        moved.clear();
        candidates.assign(1, start);
        while (static_cast<int>(moved.size()) < stretch && !candidates.empty()) {
            const std::size_t pick = random.below(static_cast<std::uint32_t>(candidates.size()));
            const int u = candidates[pick];
            candidates[pick] = candidates.back();
            candidates.pop_back();
            if (part_[u] != from || graph_.lock[u] >= 0 || !can_leave(u)) continue;
            move(u, to);
            held_[u] = 1;
            moved.push_back(u);
            for (int e = graph_.offsets[u]; e < graph_.offsets[u + 1]; ++e)
                if (part_[graph_.adjacent[e]] == from) candidates.push_back(graph_.adjacent[e]);
        }
        if (moved.empty()) {
            logging_ = false;
            continue;
        }
        // Nodes within three steps of the stretch moved: where balance is put back.
        nearby.clear();
        if (++candidate_stamp_ == 0) {
            std::fill(candidate_mark_.begin(), candidate_mark_.end(), 0u);
            candidate_stamp_ = 1;
        }
        for (const int u : moved) {
            candidate_mark_[u] = candidate_stamp_;
            nearby.push_back(u);
        }
        for (std::size_t head = 0, ring_end = nearby.size(), ring = 0; head < nearby.size() && ring < 3; ++head) {
            if (head == ring_end) {
                ++ring;
                ring_end = nearby.size();
                if (ring == 3) break;
            }
            const int u = nearby[head];
            for (int e = graph_.offsets[u]; e < graph_.offsets[u + 1]; ++e) {
                const int v = graph_.adjacent[e];
                if (candidate_mark_[v] == candidate_stamp_) continue;
                candidate_mark_[v] = candidate_stamp_;
                nearby.push_back(v);
            }
        }
        descend_best(nearby, 40);
        for (const int u : moved) push_neighbours(u);
        descend();
        for (const int u : moved) {
            held_[u] = 0;
            push(u);
            push_neighbours(u);
        }
        descend();
        logging_ = false;

        // No worse is kept (a sideways step lets the search drift along plateaus).
        const bool keep = !better(Score{violation_before, cost_before}, Score{violation(), cost_});
        if (!keep) {
            for (auto it = log_.rbegin(); it != log_.rend(); ++it) move(it->node, it->from);
        }
    }
    if (progress && !progress(progress_to)) return false;
    return true;
}

} // namespace lp::detail
