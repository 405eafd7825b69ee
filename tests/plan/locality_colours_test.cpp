// Colours chosen once (lp/plan/locality_colours.hpp): no two neighbouring localities alike
// on any number of localities, the palette's first colours for few, and all of Scotland's
// 31 partnerships as one plan coloured without a neighbour sharing a colour.
#include <catch2/catch.hpp>

#include "../grid_graph.hpp"
#include "../test_data.hpp"

#include <lp/data/dataset.hpp>
#include <lp/io/demand_table.hpp>
#include <lp/plan/assignment_csv.hpp>
#include <lp/plan/locality_colours.hpp>

#include <map>
#include <set>

using namespace lp;

namespace {

// Every pair of localities joined by an edge of the graph.
std::set<std::pair<int, int>> touching(const ContiguityGraph& graph, const std::vector<int>& assignment) {
    std::set<std::pair<int, int>> pairs;
    for (const auto& e : graph.edges())
        if (assignment[e.a] != assignment[e.b])
            pairs.insert({std::min(assignment[e.a], assignment[e.b]), std::max(assignment[e.a], assignment[e.b])});
    return pairs;
}

} // namespace

TEST_CASE("neighbouring localities never share a colour, even around one with twenty neighbours", "[plan][colours]") {
    // A ring of 20 localities of one column each around a centre locality touching all.
    const int width = 22, height = 5;
    const ContiguityGraph graph = test::grid_graph(width, height);
    std::vector<int> assignment(graph.size());
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) assignment[y * width + x] = (y == 2 && x > 0 && x < width - 1) ? 0 : 1 + x % 20;
    const int k = 21;
    const auto colours = locality_colours(graph, assignment, k);
    REQUIRE(colours.size() == 21);
    for (const auto& [a, b] : touching(graph, assignment)) CHECK(colours[a] != colours[b]);
    for (const auto& c : colours) CHECK(c.size() == 7);
    // Two localities side by side take the palette's first two colours.
    const ContiguityGraph pair = test::grid_graph(4, 1);
    const auto two = locality_colours(pair, {0, 0, 1, 1}, 2);
    CHECK(two[0] != two[1]);
    std::set<std::string> first{default_locality_colour(0), default_locality_colour(1)};
    CHECK(first.count(two[0]) == 1);
    CHECK(first.count(two[1]) == 1);
}

TEST_CASE("many localities use the whole palette, not four colours", "[plan][colours]") {
    // Forty localities of one column each in a strip: a path, two colours would do.
    const ContiguityGraph strip = test::grid_graph(40, 2);
    std::vector<int> assignment(strip.size());
    for (std::size_t z = 0; z < strip.size(); ++z) assignment[z] = static_cast<int>(z % 40);
    const auto colours = locality_colours(strip, assignment, 40);
    std::map<std::string, int> uses;
    for (const auto& c : colours) ++uses[c];
    CHECK(uses.size() == 12);
    for (const auto& [colour, n] : uses) CHECK(n <= 4);
    for (int j = 1; j < 40; ++j) CHECK(colours[j] != colours[j - 1]);
}

TEST_CASE("Scotland's 31 partnerships as one plan: no two neighbours alike", "[plan][colours][scotland]") {
    DatasetOptions options;
    options.zones.path = test::scotland_gpkg();
    options.zones.layer = "datazones";
    options.zones.id_field = "dz11_code";
    const Dataset data = load_dataset(options);
    const auto hscp = join_text_column(data.zones, test::data("demand/dz2011_lookup.csv"), "dz11_code", "hscp_code");
    AssignmentTable table;
    table.source = "hscp";
    for (std::size_t z = 0; z < data.zones.size(); ++z) table.rows.push_back({data.zones.ids[z], hscp[z], hscp[z], z + 2});
    LocalityPlan plan = plan_from_assignment(table);
    REQUIRE(plan.localities.size() == 31);
    // Before: the palette in order repeats after twelve, and neighbours share colours.
    CHECK_FALSE(neighbours_sharing_a_colour(plan, data.graph, data.zones.ids).empty());
    colour_localities(plan, data.graph, data.zones.ids);
    const auto shared = neighbours_sharing_a_colour(plan, data.graph, data.zones.ids);
    for (const auto& [a, b] : shared) UNSCOPED_INFO(a << " and " << b);
    CHECK(shared.empty());
    // Legends read in locality order.
    for (std::size_t j = 1; j < plan.localities.size(); ++j) CHECK(plan.localities[j - 1].id < plan.localities[j].id);
}
