#pragma once
// The one synthetic grid for tests that need no files: columns x rows square cells of
// `side` metres, rook neighbours sharing one side; zone = row * columns + column.
#include <lp/graph/contiguity_graph.hpp>

#include <cstdint>
#include <vector>

namespace lp::test {

inline std::uint32_t cell(std::uint32_t row, std::uint32_t column, std::uint32_t columns) {
    return row * columns + column;
}

inline ContiguityGraph grid_graph(int columns, int rows, double side = 100.0, std::vector<GraphEdge> extra_edges = {}) {
    std::vector<GraphEdge> edges = std::move(extra_edges);
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < columns; ++x) {
            const auto zone = static_cast<std::uint32_t>(y * columns + x);
            if (x + 1 < columns) edges.push_back({zone, zone + 1, side, false});
            if (y + 1 < rows) edges.push_back({zone, zone + static_cast<std::uint32_t>(columns), side, false});
        }
    const auto n = static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows);
    return ContiguityGraph(n, std::move(edges), std::vector<double>(n, side * side), std::vector<double>(n, 4 * side));
}

} // namespace lp::test
