// One locality as a problem of its own (lp/edit/locality_split.hpp), the viewer's
// "Split active": the part's zones, graph, prices, balance values and locks are the
// plan's restricted to the locality, and the partitioner cuts it in two.
#include "../grid_dataset.hpp"

#include <lp/core/error.hpp>
#include <lp/edit/locality_split.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <string>

using namespace lp;

namespace {

Dataset grid_dataset() { return test::grid_dataset(); }

PlanState halves(const Dataset& data) { return test::grid_halves(data.graph, data.demand.values[0]); }

} // namespace

TEST_CASE("a locality split is the plan restricted to the locality", "[edit][locality_split]") {
    const Dataset data = grid_dataset();
    PlanState state = halves(data);
    state.set_zone_locked(7, true);
    state.refresh();
    // Distinct prices, so a price carried to the wrong edge shows.
    std::vector<double> cut_cost(data.graph.edges().size());
    std::iota(cut_cost.begin(), cut_cost.end(), 1.0);
    ZoneGroups towns;
    towns.of_zone.assign(24, -1);
    towns.of_zone[8] = 0;
    const LocalitySplit split = locality_split(data, state, 1, cut_cost, &towns);

    REQUIRE(split.members.size() == 12);
    REQUIRE(split.part);
    CHECK(split.request.graph == &split.part->graph);
    CHECK(split.request.zone_ids == &split.part->zones.ids);
    CHECK(split.request.k == 2);
    for (std::size_t i = 0; i < split.members.size(); ++i) {
        CHECK(split.members[i] % 6 >= 3);
        CHECK(split.part->zones.ids[i] == data.zones.ids[split.members[i]]);
        CHECK(split.part->demand.values[0][i] == data.demand.values[0][split.members[i]]);
        CHECK(split.request.balance[0].values[i] == data.demand.values[0][split.members[i]]);
    }
    // 3 columns x 4 rows: 8 edges along rows, 9 down columns.
    CHECK(split.part->graph.size() == 12);
    CHECK(split.part->graph.edges().size() == 17);
    REQUIRE(split.request.edge_cost.size() == 17);
    double inside = 0;
    for (std::size_t i = 0; i < data.graph.edges().size(); ++i) {
        const GraphEdge& e = data.graph.edges()[i];
        if (e.a % 6 >= 3 && e.b % 6 >= 3) inside += cut_cost[i];
    }
    CHECK(std::accumulate(split.request.edge_cost.begin(), split.request.edge_cost.end(), 0.0) == inside);
    for (std::size_t i = 0; i < split.part->graph.edges().size(); ++i) {
        const GraphEdge& e = split.part->graph.edges()[i];
        const std::uint32_t a = split.members[e.a], b = split.members[e.b];
        for (std::size_t j = 0; j < data.graph.edges().size(); ++j) {
            const GraphEdge& f = data.graph.edges()[j];
            if ((f.a == a && f.b == b) || (f.a == b && f.b == a)) CHECK(split.request.edge_cost[i] == cut_cost[j]);
        }
    }
    REQUIRE(split.request.groupings.size() == 1);
    for (std::size_t i = 0; i < split.members.size(); ++i) {
        CHECK(split.request.groupings[0].of_zone[i] == towns.of_zone[split.members[i]]);
        CHECK(split.request.locks[i] == -1); // the locked zone 7 is in West
    }

    const LocalitySplit west = locality_split(data, state, 0, {}, nullptr);
    CHECK(west.request.edge_cost.empty());
    CHECK(west.request.groupings.empty());
    const auto locked = std::find(west.members.begin(), west.members.end(), 7u);
    REQUIRE(locked != west.members.end());
    CHECK(west.request.locks[static_cast<std::size_t>(locked - west.members.begin())] == 0);
    CHECK(std::count(west.request.locks.begin(), west.request.locks.end(), 0) == 1);
    const PartitionResult result = partition(west.request);
    REQUIRE(result.assignment.size() == 12);
    CHECK(result.assignment[static_cast<std::size_t>(locked - west.members.begin())] == 0);
    CHECK(std::count(result.assignment.begin(), result.assignment.end(), 1) > 0);
}

TEST_CASE("a locality of one zone cannot be split", "[edit][locality_split]") {
    const Dataset data = grid_dataset();
    PlanState state = halves(data);
    for (std::uint32_t z = 1; z < 24; ++z) state.move_zone(z, 1);
    state.refresh();
    CHECK_THROWS_AS(locality_split(data, state, 0, {}, nullptr), Error);
}
