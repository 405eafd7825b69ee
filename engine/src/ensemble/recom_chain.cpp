#include "recom_chain.hpp"

#include <algorithm>
#include <cmath>

namespace lp::detail {

ChainRandom::ChainRandom(std::uint64_t seed) {
    for (auto& word : s_) { // splitmix64 spreads a small seed over the whole state
        std::uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        word = z ^ (z >> 31);
    }
}

RecomChain::RecomChain(const UnitGraph& units, const EnsembleRequest& request, std::uint64_t seed)
    : g_(units), k_(request.k), layers_(request.balance.size()), variant_(request.variant), random_(seed) {
    const std::size_t n = units.size;
    const auto k = static_cast<std::size_t>(k_);
    label_ = units.start;
    members_.assign(k, {});
    for (std::uint32_t u = 0; u < n; ++u) members_[label_[u]].push_back(u);
    totals_.assign(k * layers_, 0.0);
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::size_t l = 0; l < layers_; ++l) totals_[label_[u] * layers_ + l] += units.weight[u * layers_ + l];
    low_.resize(layers_);
    high_.resize(layers_);
    for (std::size_t l = 0; l < layers_; ++l) {
        double total = 0;
        for (std::size_t j = 0; j < k; ++j) total += totals_[j * layers_ + l];
        const double mean = total / static_cast<double>(k_);
        // The same test as evaluate(): |total - mean| <= tolerance * mean, with room for rounding.
        const double slack = 1e-9 * std::max(mean, 1.0);
        low_[l] = mean - request.balance[l].tolerance * mean - slack;
        high_[l] = mean + request.balance[l].tolerance * mean + slack;
    }
    for (std::size_t j = 0; j < k; ++j) invalid_localities_ += within(&totals_[j * layers_]) ? 0 : 1;
    cut_.assign(k * k, 0);
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::uint32_t i = units.offsets[u]; i < units.offsets[u + 1]; ++i) {
            const std::uint32_t w = units.adjacent[i];
            if (u < w && label_[u] != label_[w]) {
                ++cut_[label_[u] * k + label_[w]];
                ++cut_[label_[w] * k + label_[u]];
            }
        }
    region_.reserve(n);
    order_.reserve(n);
    path_.reserve(n);
    candidates_.reserve(n);
    parent_.assign(n, -1);
    next_.assign(n, -1);
    in_tree_.assign(n, 0);
    sub_.assign(n * std::max<std::size_t>(layers_, 1), 0.0);
    sub_pins_a_.assign(n, 0);
    sub_pins_b_.assign(n, 0);
    in_subtree_.assign(n, 0);
    pairs_.reserve(k * k);
}

bool RecomChain::within(const double* totals) const {
    for (std::size_t l = 0; l < layers_; ++l)
        if (totals[l] < low_[l] || totals[l] > high_[l]) return false;
    return true;
}

void RecomChain::write_zones(std::vector<std::uint8_t>& zones) const {
    zones.resize(g_.zone_unit.size());
    for (std::size_t z = 0; z < zones.size(); ++z) zones[z] = label_[g_.zone_unit[z]];
}

bool RecomChain::pick_pair(int& a, int& b) {
    const auto k = static_cast<std::size_t>(k_);
    if (variant_ == RecomVariant::reversible) {
        // Uniform over all pairs, adjacent or not, so that the pair's probability is the
        // same forwards and backwards; a pair that does not touch is a step that stays.
        std::uint32_t index = random_.below(static_cast<std::uint32_t>(k * (k - 1) / 2));
        a = 0;
        while (index >= static_cast<std::uint32_t>(k_ - 1 - a)) index -= static_cast<std::uint32_t>(k_ - 1 - a++);
        b = a + 1 + static_cast<int>(index);
        return cut_[static_cast<std::size_t>(a) * k + static_cast<std::size_t>(b)] > 0;
    }
    pairs_.clear();
    for (int i = 0; i < k_; ++i)
        for (int j = i + 1; j < k_; ++j)
            if (cut_[static_cast<std::size_t>(i) * k + static_cast<std::size_t>(j)] > 0) pairs_.emplace_back(i, j);
    if (pairs_.empty()) return false;
    const auto& pair = pairs_[random_.below(static_cast<std::uint32_t>(pairs_.size()))];
    a = pair.first;
    b = pair.second;
    return true;
}

// Wilson's algorithm on region_: loop-erased random walks into the growing tree give a
// uniform spanning tree. order_ lists the tree from the root so that every unit comes
// after its parent (each walk is added from the tree end back to its start).
void RecomChain::draw_tree(int a, int b) {
    if (++stamp_ == 0) { // wrapped: clear the marks once every 2^32 trees
        std::fill(in_tree_.begin(), in_tree_.end(), 0);
        stamp_ = 1;
    }
    const std::uint32_t root = region_[random_.below(static_cast<std::uint32_t>(region_.size()))];
    in_tree_[root] = stamp_;
    parent_[root] = -1;
    order_.clear();
    order_.push_back(root);
    for (const std::uint32_t start : region_) {
        if (in_tree_[start] == stamp_) continue;
        std::uint32_t v = start;
        while (in_tree_[v] != stamp_) { // a walk inside the region; later visits overwrite the loop
            const std::uint32_t first = g_.offsets[v];
            const std::uint32_t degree = g_.offsets[v + 1] - first;
            std::uint32_t w;
            do {
                w = g_.adjacent[first + random_.below(degree)];
            } while (label_[w] != a && label_[w] != b);
            next_[v] = static_cast<std::int32_t>(w);
            v = w;
        }
        path_.clear();
        for (v = start; in_tree_[v] != stamp_; v = static_cast<std::uint32_t>(next_[v])) {
            path_.push_back(v);
            in_tree_[v] = stamp_;
            parent_[v] = next_[v];
        }
        order_.insert(order_.end(), path_.rbegin(), path_.rend());
    }
}

void RecomChain::sum_subtrees(int a, int b) {
    for (const std::uint32_t u : order_) {
        for (std::size_t l = 0; l < layers_; ++l) sub_[u * layers_ + l] = g_.weight[u * layers_ + l];
        sub_pins_a_[u] = g_.pin[u] == a ? 1 : 0;
        sub_pins_b_[u] = g_.pin[u] == b ? 1 : 0;
    }
    for (std::size_t i = order_.size(); i-- > 1;) {
        const std::uint32_t u = order_[i];
        const auto p = static_cast<std::uint32_t>(parent_[u]);
        for (std::size_t l = 0; l < layers_; ++l) sub_[p * layers_ + l] += sub_[u * layers_ + l];
        sub_pins_a_[p] += sub_pins_a_[u];
        sub_pins_b_[p] += sub_pins_b_[u];
    }
}

// Cutting the edge above u leaves both sides within every band, and each locality's
// locked units all on one side, the other's on the other.
bool RecomChain::cut_valid(std::uint32_t u) const {
    const std::uint32_t root = order_[0];
    for (std::size_t l = 0; l < layers_; ++l) {
        const double inside = sub_[u * layers_ + l];
        const double outside = sub_[root * layers_ + l] - inside;
        if (inside < low_[l] || inside > high_[l] || outside < low_[l] || outside > high_[l]) return false;
    }
    const std::uint32_t pins_a = sub_pins_a_[root], pins_b = sub_pins_b_[root];
    if (pins_a + pins_b == 0) return true;
    const std::uint32_t in_a = sub_pins_a_[u], in_b = sub_pins_b_[u];
    return (in_a == pins_a && in_b == 0) || (in_a == 0 && in_b == pins_b);
}

void RecomChain::apply(int a, int b, std::uint8_t subtree_label, std::uint8_t rest_label) {
    const auto k = static_cast<std::size_t>(k_);
    const auto la = static_cast<std::size_t>(a), lb = static_cast<std::size_t>(b);
    invalid_localities_ -= (within(&totals_[la * layers_]) ? 0 : 1) + (within(&totals_[lb * layers_]) ? 0 : 1);
    members_[la].clear();
    members_[lb].clear();
    for (std::size_t l = 0; l < layers_; ++l) totals_[la * layers_ + l] = totals_[lb * layers_ + l] = 0;
    for (const std::uint32_t u : region_) {
        const std::uint8_t label = in_subtree_[u] ? subtree_label : rest_label;
        label_[u] = label;
        members_[label].push_back(u);
        for (std::size_t l = 0; l < layers_; ++l) totals_[label * layers_ + l] += g_.weight[u * layers_ + l];
    }
    for (std::size_t j = 0; j < k; ++j) {
        cut_[la * k + j] = cut_[j * k + la] = 0;
        cut_[lb * k + j] = cut_[j * k + lb] = 0;
    }
    for (const std::uint32_t u : region_)
        for (std::uint32_t i = g_.offsets[u]; i < g_.offsets[u + 1]; ++i) {
            const std::uint32_t w = g_.adjacent[i];
            const std::size_t lu = label_[u], lw = label_[w];
            if (lu == lw) continue;
            const bool w_in_region = lw == la || lw == lb;
            if (w_in_region && w < u) continue; // counted from w
            ++cut_[lu * k + lw];
            ++cut_[lw * k + lu];
        }
    invalid_localities_ += (within(&totals_[la * layers_]) ? 0 : 1) + (within(&totals_[lb * layers_]) ? 0 : 1);
}

RecomChain::Outcome RecomChain::step() {
    int a = 0, b = 0;
    if (!pick_pair(a, b)) return Outcome::no_cut;
    region_.clear();
    region_.insert(region_.end(), members_[static_cast<std::size_t>(a)].begin(), members_[static_cast<std::size_t>(a)].end());
    region_.insert(region_.end(), members_[static_cast<std::size_t>(b)].begin(), members_[static_cast<std::size_t>(b)].end());
    draw_tree(a, b);
    sum_subtrees(a, b);

    std::uint32_t cut_below = 0;
    if (variant_ == RecomVariant::reversible) {
        // A uniform edge of the tree (1 / (units - 1), the same both ways); not a valid cut: stay.
        cut_below = order_[1 + random_.below(static_cast<std::uint32_t>(order_.size() - 1))];
        if (!cut_valid(cut_below)) return Outcome::no_cut;
    } else {
        candidates_.clear();
        for (std::size_t i = 1; i < order_.size(); ++i)
            if (cut_valid(order_[i])) candidates_.push_back(order_[i]);
        if (candidates_.empty()) return Outcome::no_cut;
        cut_below = candidates_[random_.below(static_cast<std::uint32_t>(candidates_.size()))];
    }

    for (const std::uint32_t u : order_)
        in_subtree_[u] = u == cut_below || (parent_[u] >= 0 && in_subtree_[static_cast<std::uint32_t>(parent_[u])]);

    // Which side is which locality: the locks decide; without locks, a fair coin.
    const std::uint32_t root = order_[0];
    std::uint8_t subtree_label;
    if (sub_pins_a_[root] + sub_pins_b_[root] == 0)
        subtree_label = static_cast<std::uint8_t>(random_.below(2) ? a : b);
    else
        subtree_label = static_cast<std::uint8_t>(sub_pins_a_[cut_below] == sub_pins_a_[root] && sub_pins_b_[cut_below] == 0 ? a : b);
    const std::uint8_t rest_label = static_cast<std::uint8_t>(subtree_label == a ? b : a);

    if (variant_ == RecomVariant::reversible) {
        // Metropolis: the proposal's chance is proportional to the product of the new
        // localities' spanning-tree counts times the edges between them; the reverse
        // move's likewise with the old ones, so accept with old edges / new edges.
        std::uint32_t new_cut = 0;
        for (const std::uint32_t u : region_) {
            if (!in_subtree_[u]) continue;
            for (std::uint32_t i = g_.offsets[u]; i < g_.offsets[u + 1]; ++i) {
                const std::uint32_t w = g_.adjacent[i];
                if ((label_[w] == a || label_[w] == b) && !in_subtree_[w]) ++new_cut;
            }
        }
        const std::uint32_t old_cut = cut_[static_cast<std::size_t>(a) * static_cast<std::size_t>(k_) + static_cast<std::size_t>(b)];
        if (new_cut > old_cut && random_.unit() * new_cut >= old_cut) return Outcome::refused;
    }

    bool changed = false;
    for (const std::uint32_t u : region_)
        if ((in_subtree_[u] ? subtree_label : rest_label) != label_[u]) {
            changed = true;
            break;
        }
    if (!changed) return Outcome::stayed;
    apply(a, b, subtree_label, rest_label);
    return Outcome::moved;
}

} // namespace lp::detail
