#include <lp/graph/contiguity_graph.hpp>
#include <lp/graph/graph_pieces.hpp>

#include <algorithm>
#include <numeric>

namespace lp {

ContiguityGraph::ContiguityGraph(std::size_t zone_count, std::vector<GraphEdge> edges, std::vector<double> zone_area,
                                 std::vector<double> zone_perimeter)
    : area_(std::move(zone_area)), perimeter_(std::move(zone_perimeter)) {
    for (auto& e : edges)
        if (e.a > e.b) std::swap(e.a, e.b);
    std::sort(edges.begin(), edges.end(), [](const GraphEdge& x, const GraphEdge& y) {
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    for (const auto& e : edges) {
        if (e.a == e.b || e.b >= zone_count) continue;
        if (!edges_.empty() && edges_.back().a == e.a && edges_.back().b == e.b) {
            edges_.back().shared_length += e.shared_length;
            edges_.back().crossing = edges_.back().crossing && e.crossing; // land wins over a crossing
            continue;
        }
        edges_.push_back(e);
    }
    offsets_.assign(zone_count + 1, 0);
    for (const auto& e : edges_) {
        ++offsets_[e.a + 1];
        ++offsets_[e.b + 1];
    }
    std::partial_sum(offsets_.begin(), offsets_.end(), offsets_.begin());
    adjacent_.resize(offsets_.back());
    std::vector<std::size_t> fill(offsets_.begin(), offsets_.end() - 1);
    for (std::uint32_t i = 0; i < edges_.size(); ++i) {
        adjacent_[fill[edges_[i].a]++] = {edges_[i].b, i};
        adjacent_[fill[edges_[i].b]++] = {edges_[i].a, i};
    }
}

std::vector<std::uint32_t> ContiguityGraph::components(bool land_only, std::size_t* count) const {
    std::vector<std::uint32_t> label(size(), ~0u);
    const std::uint32_t pieces = label_pieces(
        *this, label, ~0u, [](std::uint32_t) { return true; },
        [&](std::uint32_t, const Adjacent& adjacent) { return !land_only || !edges_[adjacent.edge].crossing; });
    if (count) *count = pieces;
    return label;
}

} // namespace lp
