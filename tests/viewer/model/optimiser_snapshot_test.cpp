// The viewer's background optimise and split own what they read
// (viewer/model/optimiser_snapshot.cpp): the session may open other data, dropping its own
// hold on the dataset, while the worker still runs on the old one.
#include "model/optimiser_snapshot.hpp"
#include "../../grid_dataset.hpp"

#include <lp/core/error.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <set>

using namespace lp;
using namespace lp::viewer;

namespace {

std::shared_ptr<Dataset> grid_dataset() { return std::make_shared<Dataset>(test::grid_dataset()); }

PlanState halves(const ContiguityGraph& graph) { return test::grid_halves(graph, std::vector<double>(24, 10.0)); }

// The plan's rules: its people within 10 % of the mean.
RunRules people_rules() {
    RunRules rules;
    rules.balance = {{"people", 0.1}};
    return rules;
}

} // namespace

TEST_CASE("an optimise snapshot keeps the dataset alive after the session lets it go", "[viewer][optimiser]") {
    std::shared_ptr<const Dataset> session_data = grid_dataset();
    const PlanState state = halves(session_data->graph);
    OptimiserSnapshot snapshot = optimise_snapshot(session_data, state, people_rules(), {});
    const std::weak_ptr<const Dataset> watch = session_data;
    session_data.reset(); // the session opened other data
    REQUIRE_FALSE(watch.expired());
    CHECK(snapshot.request.graph == &snapshot.data->graph);
    CHECK(snapshot.request.zone_ids == &snapshot.data->zones.ids);
    const PartitionResult result = run_snapshot(snapshot, [](double) { return true; });
    REQUIRE(result.assignment.size() == 24);
    CHECK(std::set<int>(result.assignment.begin(), result.assignment.end()) == std::set<int>{0, 1});
    snapshot = OptimiserSnapshot{};
    CHECK(watch.expired());
}

TEST_CASE("a split snapshot owns its part and keeps locked zones in the original", "[viewer][optimiser]") {
    std::shared_ptr<const Dataset> session_data = grid_dataset();
    PlanState state = halves(session_data->graph);
    state.set_zone_locked(0, true);
    state.refresh();
    std::vector<double> cut_cost(session_data->graph.edges().size(), 5.0);
    OptimiserSnapshot snapshot = split_snapshot(session_data, state, 0, cut_cost, nullptr);
    session_data.reset();
    REQUIRE(snapshot.members.size() == 12);
    REQUIRE(snapshot.part);
    CHECK(snapshot.request.graph == &snapshot.part->graph);
    CHECK(snapshot.part->graph.size() == 12);
    CHECK(snapshot.request.edge_cost == std::vector<double>(snapshot.part->graph.edges().size(), 5.0));
    const PartitionResult result = run_snapshot(snapshot, [](double) { return true; });
    REQUIRE(result.assignment.size() == 12);
    CHECK(result.assignment[0] == 0); // zone 0 is locked and is the first member
    CHECK(std::count(result.assignment.begin(), result.assignment.end(), 1) > 0);
}

TEST_CASE("a snapshot refuses a plan over another graph", "[viewer][optimiser]") {
    const std::shared_ptr<const Dataset> data = grid_dataset();
    const ContiguityGraph other = test::grid_graph(6, 4);
    const PlanState state = halves(other);
    CHECK_THROWS_AS(optimise_snapshot(data, state, people_rules(), {}), Error);
    CHECK_THROWS_AS(split_snapshot(data, state, 0, {}, nullptr), Error);
}
