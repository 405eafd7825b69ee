#include <lp/graph/contiguity_graph.hpp>

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
    const std::uint32_t unset = ~0u;
    std::vector<std::uint32_t> label(size(), unset);
    std::vector<std::uint32_t> stack;
    std::uint32_t next = 0;
    for (std::uint32_t start = 0; start < size(); ++start) {
        if (label[start] != unset) continue;
        label[start] = next;
        stack.push_back(start);
        while (!stack.empty()) {
            const std::uint32_t z = stack.back();
            stack.pop_back();
            for (const auto& adj : neighbours(z)) {
                if (land_only && edges_[adj.edge].crossing) continue;
                if (label[adj.zone] == unset) {
                    label[adj.zone] = next;
                    stack.push_back(adj.zone);
                }
            }
        }
        ++next;
    }
    if (count) *count = next;
    return label;
}

} // namespace lp
