#pragma once
// Small graphs with known answers for the partitioner tests.
#include <lp/graph/contiguity_graph.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lp::test {

// width x height square cells of `side` metres, rook adjacency; zone = y * width + x.
inline ContiguityGraph grid_graph(int width, int height, double side = 100.0,
                                  std::vector<GraphEdge> extra_edges = {}) {
    std::vector<GraphEdge> edges = std::move(extra_edges);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const auto zone = static_cast<std::uint32_t>(y * width + x);
            if (x + 1 < width) edges.push_back({zone, zone + 1, side, false});
            if (y + 1 < height) edges.push_back({zone, zone + static_cast<std::uint32_t>(width), side, false});
        }
    const auto n = static_cast<std::size_t>(width * height);
    return ContiguityGraph(n, std::move(edges), std::vector<double>(n, side * side), std::vector<double>(n, 4 * side));
}

// Populations like Data Zones: 500..1100, varied but repeatable.
inline std::vector<double> zone_populations(std::size_t n, std::uint32_t salt = 7) {
    std::vector<double> values(n);
    std::uint32_t state = 2463534242u ^ salt;
    for (auto& value : values) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        value = 500 + state % 601;
    }
    return values;
}

inline std::vector<std::string> zone_names(std::size_t n) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < n; ++i) names.push_back("Z" + std::to_string(i));
    return names;
}

} // namespace lp::test
