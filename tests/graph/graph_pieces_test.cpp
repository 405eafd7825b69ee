#include <lp/graph/graph_pieces.hpp>

#include "../grid_graph.hpp"

#include <catch2/catch.hpp>

using lp::test::cell;

TEST_CASE("Graph pieces: members joined by the caller's borders, labelled in order of their lowest zone", "[graph]") {
    // 4 x 2 grid; column 2 is not a member, so the left two columns and the right one are
    // apart; a crossing joins zone 0 to zone 3 over the gap.
    const lp::ContiguityGraph graph = lp::test::grid_graph(4, 2, 100.0, {{0, 3, 100.0, true}});
    const auto member = [](std::uint32_t zone) { return zone % 4 != 2; };
    const auto by_land = [&](std::uint32_t, const lp::ContiguityGraph::Adjacent& adjacent) {
        return !graph.edges()[adjacent.edge].crossing;
    };
    std::vector<int> label(graph.size(), -1);
    CHECK(lp::label_pieces(graph, label, -1, member, by_land) == 2);
    CHECK(label == std::vector<int>{0, 0, -1, 1, 0, 0, -1, 1});

    std::vector<int> joined(graph.size(), -1);
    CHECK(lp::label_pieces(graph, joined, -1, member, [](std::uint32_t, const auto&) { return true; }) == 1);
    CHECK(joined[cell(1, 3, 4)] == 0);

    // A zone labelled before is left alone and cuts the piece it sat in.
    std::vector<std::uint32_t> preset(graph.size(), ~0u);
    preset[cell(0, 1, 4)] = 7;
    preset[cell(1, 1, 4)] = 7;
    const std::uint32_t pieces =
        lp::label_pieces(graph, preset, ~0u, [](std::uint32_t) { return true; }, by_land);
    CHECK(pieces == 2);
    CHECK(preset == std::vector<std::uint32_t>{0, 7, 1, 1, 0, 7, 1, 1});
}
