#pragma once
// A synthetic rows x cols grid of unit squares (area 1, perimeter 4, rook neighbours
// sharing length 1) for edit-model tests that need no files.
#include <lp/graph/contiguity_graph.hpp>

#include <cstdint>
#include <vector>

namespace lp::test {

inline std::uint32_t cell(std::uint32_t row, std::uint32_t col, std::uint32_t cols) { return row * cols + col; }

inline ContiguityGraph grid_graph(std::uint32_t rows, std::uint32_t cols,
                                  std::vector<GraphEdge> extra_edges = {}) {
    std::vector<GraphEdge> edges;
    for (std::uint32_t r = 0; r < rows; ++r) {
        for (std::uint32_t c = 0; c < cols; ++c) {
            if (c + 1 < cols) edges.push_back({cell(r, c, cols), cell(r, c + 1, cols), 1.0, false});
            if (r + 1 < rows) edges.push_back({cell(r, c, cols), cell(r + 1, c, cols), 1.0, false});
        }
    }
    for (const GraphEdge& e : extra_edges) edges.push_back(e);
    const std::size_t n = static_cast<std::size_t>(rows) * cols;
    return ContiguityGraph(n, std::move(edges), std::vector<double>(n, 1.0), std::vector<double>(n, 4.0));
}

} // namespace lp::test
