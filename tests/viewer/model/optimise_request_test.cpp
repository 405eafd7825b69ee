// The viewer's "Optimise around locks" without a window: the engine's request by the
// plan's rules (lp::touch_up_options, lp::locality_request) and what the viewer says
// about it (viewer/model/optimise_request.cpp): a locked locality neither gains nor loses a
// zone, a locked zone never moves, and a touch-up from the current plan moves few zones,
// with the plan's rules (people cut cost, settlements). On a grid, then on Glasgow and
// Highland (the case: Inverness locked, 312 zones), with the zones moved
// printed beside those the previous request (no stay cost, no closed localities) moved.
#include "model/optimise_request.hpp"
#include "../../grid_graph.hpp"
#include "../../test_data.hpp"

#include <lp/community/settlements.hpp>
#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/generate/run_rules.hpp>
#include <lp/partition/partition.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

using namespace lp;

namespace {

PlanState plan_state(const ContiguityGraph& graph, std::vector<BalanceLayer> layers, const std::vector<int>& assignment,
                     const std::vector<std::string>& names) {
    PlanState state(graph, std::move(layers));
    for (std::size_t j = 0; j < names.size(); ++j)
        state.insert_locality(j, Locality{"L" + std::to_string(j + 1), names[j], "#808080", false});
    for (std::uint32_t z = 0; z < assignment.size(); ++z) state.move_zone(z, assignment[z]);
    state.refresh();
    return state;
}

std::set<std::uint32_t> zones_of(const std::vector<int>& assignment, int locality) {
    std::set<std::uint32_t> zones;
    for (std::uint32_t z = 0; z < assignment.size(); ++z)
        if (assignment[z] == locality) zones.insert(z);
    return zones;
}

// Up to `count` zones of `from` touching `to` whose move leaves `from` connected: what
// a planner paints across a boundary.
std::vector<std::uint32_t> border_zones(const PlanState& state, int from, int to, std::size_t count) {
    std::vector<std::uint32_t> chosen;
    PlanState trial = state;
    for (std::uint32_t z : state.members(static_cast<std::size_t>(from))) {
        if (chosen.size() == count) break;
        bool touches = false;
        for (const auto& n : state.graph().neighbours(z))
            if (!state.graph().edges()[n.edge].crossing && trial.locality_of(n.zone) == to) touches = true;
        if (!touches || trial.locality_of(z) != from) continue;
        trial.move_zone(z, to);
        trial.refresh();
        if (trial.statistics(static_cast<std::size_t>(from)).pieces == 1) {
            chosen.push_back(z);
        } else {
            trial.move_zone(z, from);
            trial.refresh();
        }
    }
    return chosen;
}

struct Outcome {
    std::size_t moved = 0;
    PartitionResult result;
};

// The grid as a dataset of its own (ids "z0"..., one demand column "people").
Dataset grid_data(int columns, int rows, const std::vector<double>& people) {
    Dataset data;
    data.graph = test::grid_graph(columns, rows);
    for (std::uint32_t z = 0; z < data.graph.size(); ++z) {
        data.zones.ids.push_back("z" + std::to_string(z));
        data.zones.names.push_back("zone " + std::to_string(z));
        data.zones.shapes.emplace_back();
        data.zones.areas.push_back(1e4);
        data.zones.boxes.emplace_back();
    }
    data.zones.rebuild_index();
    data.demand.names = {"people"};
    data.demand.values = {people};
    return data;
}

// What the viewer's optimise runs: the plan's rules around its locks; stay_cost off (0)
// lets every zone move at no price.
Outcome optimise(const Dataset& data, const PlanState& state, const RunRules& rules, bool stay_cost = true) {
    LocalityRunOptions options = touch_up_options(rules, state, data.zones.ids, {});
    if (!stay_cost) options.stay_cost = 0;
    LocalityRun found;
    std::vector<std::string> notes;
    Outcome outcome;
    outcome.result = partition(locality_request(data, options, found, notes));
    outcome.moved = viewer::zones_moved(state.assignment(), outcome.result.assignment);
    return outcome;
}

// The request the viewer made before: the current plan as start, locked zones (those
// of locked localities too) as locks, metres as the cut cost, nothing closed, no stay cost.
Outcome optimise_as_before(const PlanState& state) {
    PartitionRequest request;
    request.graph = &state.graph();
    request.k = static_cast<int>(state.locality_count());
    request.balance = state.layers();
    request.locks.assign(state.zone_count(), -1);
    for (std::uint32_t z = 0; z < state.zone_count(); ++z)
        if (state.zone_fixed(z)) request.locks[z] = state.locality_of(z);
    request.start = state.assignment();
    Outcome outcome;
    outcome.result = partition(request);
    outcome.moved = viewer::zones_moved(state.assignment(), outcome.result.assignment);
    return outcome;
}

// The locked locality's exact zone set and every locked zone survive the result.
void require_locks_held(const PlanState& state, int locked_locality, const std::vector<int>& result) {
    CHECK(zones_of(result, locked_locality) == zones_of(state.assignment(), locked_locality));
    for (std::uint32_t z = 0; z < state.zone_count(); ++z)
        if (state.zone_locked(z)) CHECK(result[z] == state.locality_of(z));
    CHECK(viewer::broken_locks(state, result).empty());
}

Dataset load_council(const std::string& code, std::vector<std::string> tables) {
    DatasetOptions options;
    options.zones = test::council_from_gpkg(code);
    options.demand_paths = std::move(tables);
    return load_dataset(options);
}

} // namespace

TEST_CASE("optimise request: locked localities closed, locked zones locked, the plan as start", "[edit][optimise]") {
    const ContiguityGraph graph = test::grid_graph(6, 4);
    std::vector<int> assignment(graph.size());
    for (std::uint32_t z = 0; z < graph.size(); ++z) assignment[z] = static_cast<int>(z % 6) / 2; // three 4x2 columns
    PlanState state = plan_state(graph, {{"people", std::vector<double>(graph.size(), 10.0), 0.1}}, assignment,
                                 {"West", "Middle", "East"});
    CHECK(viewer::locks_summary(state) == "nothing locked");

    std::vector<std::string> ids;
    for (std::uint32_t z = 0; z < graph.size(); ++z) ids.push_back("z" + std::to_string(z));
    RunRules rules;
    rules.balance = {{"people", 0.1}};
    rules.partitioner.seed = 7;
    rules.partitioner.cut_cost = "length";
    auto request = touch_up_options(rules, state, ids, {});
    CHECK(request.closed.empty());
    CHECK(request.start == assignment);
    CHECK(request.stay_cost < 0); // the partitioner's default: twice the median border price
    CHECK(request.seed == 7);     // the plan's rules
    CHECK(request.cut_cost == CutCostKind::length);
    CHECK(request.k == 3);
    CHECK(request.names == std::vector<std::string>{"West", "Middle", "East"});
    CHECK(std::count(request.locks.begin(), request.locks.end(), -1) == static_cast<long>(graph.size()));

    // A locality's hub stays in it; a hub painted into another locality is free.
    state.locality(0).hub_zone = "z6";
    state.locality(2).hub_zone = "z0";
    request = touch_up_options(rules, state, ids, {});
    CHECK(request.locks[6] == 0);
    CHECK(request.locks[0] == -1);
    state.locality(0).hub_zone.clear();
    state.locality(2).hub_zone.clear();

    state.locality(1).locked = true;
    state.set_zone_locked(0, true);
    state.set_zone_locked(5, true);
    CHECK(viewer::locks_summary(state) == "1 locality and 2 zones locked");
    request = touch_up_options(rules, state, ids, {});
    CHECK(request.closed == std::vector<char>{0, 1, 0});
    for (std::uint32_t z = 0; z < graph.size(); ++z) {
        const bool fixed = assignment[z] == 1 || z == 0 || z == 5;
        CHECK(request.locks[z] == (fixed ? assignment[z] : -1));
    }

    // An unassigned zone: no start plan (the partitioner builds one), locks still hold.
    state.move_zone(3, -1);
    state.refresh();
    request = touch_up_options(rules, state, ids, {});
    CHECK(request.start.empty());
    CHECK(request.closed == std::vector<char>{0, 1, 0});

    // A locked locality with no zones could never get one; every locality locked: nothing to do.
    PlanState empty = plan_state(graph, state.layers(), std::vector<int>(graph.size(), 0), {"All", "New"});
    empty.locality(1).locked = true;
    CHECK_THROWS_WITH(touch_up_options(rules, empty, ids, {}),
                      "locality New is locked but has no zones: unlock it or paint zones into it first");
    PlanState both = plan_state(graph, state.layers(), std::vector<int>(graph.size(), 0), {"All", "New"});
    both.move_zone(23, 1);
    both.refresh();
    both.locality(0).locked = true;
    both.locality(1).locked = true;
    CHECK_THROWS_WITH(touch_up_options(rules, both, ids, {}), "every locality is locked: there is nothing to optimise");
    CHECK(viewer::locks_summary(both) == "2 localities locked");

    CHECK(viewer::moved_summary(7, 312) == "optimise moved 7 of 312 zones; Ctrl+Z undoes");
    CHECK(viewer::zones_moved({0, 1, 2}, {0, 2, 2}) == 1);
}

TEST_CASE("broken_locks names a locked locality that changed and locked zones that moved", "[edit][optimise]") {
    const ContiguityGraph graph = test::grid_graph(4, 2);
    const std::vector<int> assignment = {0, 0, 1, 1, 0, 0, 1, 1};
    PlanState state = plan_state(graph, {{"people", std::vector<double>(8, 1.0), 0.1}}, assignment, {"West", "East"});
    state.locality(0).locked = true;
    state.set_zone_locked(3, true);
    CHECK(viewer::broken_locks(state, assignment).empty());
    const auto broken = viewer::broken_locks(state, {0, 0, 0, 0, 0, 0, 1, 1});
    REQUIRE(broken.size() == 2);
    CHECK(broken[0] == "locked locality West gained 2 and lost 0 zones");
    CHECK(broken[1] == "1 locked zones moved");
}

TEST_CASE("optimise around locks on a grid: the locked locality keeps its zones, a touch-up moves few",
          "[edit][optimise]") {
    std::vector<double> people(120);
    for (std::size_t z = 0; z < people.size(); ++z) people[z] = 80.0 + static_cast<double>((z * 37) % 41);
    const Dataset data = grid_data(10, 12, people);
    const ContiguityGraph& graph = data.graph;
    RunRules rules;
    rules.balance = {{"people", 0.05}};
    PartitionRequest first_request;
    first_request.graph = &graph;
    first_request.k = 3;
    first_request.balance = {{"people", people, 0.05}};
    const auto first = partition(first_request);
    REQUIRE(first.within_tolerance);
    PlanState state = plan_state(graph, first_request.balance, first.assignment, {"A", "B", "C"});

    // The planner paints a few zones of A into C (A now light, C heavy), locks B and one zone of C.
    const auto painted = border_zones(state, 0, 2, 4);
    REQUIRE(painted.size() >= 2);
    for (std::uint32_t z : painted) state.move_zone(z, 2);
    state.refresh();
    state.locality(1).locked = true;
    const std::uint32_t locked_zone = state.members(2).front();
    state.set_zone_locked(locked_zone, true);

    const auto touched = optimise(data, state, rules);
    require_locks_held(state, 1, touched.result.assignment);
    CHECK(touched.result.contiguous);
    CHECK(touched.result.within_tolerance);
    CHECK(touched.moved < graph.size() / 10);

    const auto free_run = optimise(data, state, rules, false);
    require_locks_held(state, 1, free_run.result.assignment);
    CHECK(touched.moved <= free_run.moved);
    std::printf("grid 12x10, 3 localities, %zu zones painted: optimise moved %zu zones (stay cost off: %zu)\n",
                painted.size(), touched.moved, free_run.moved);
}

TEST_CASE("optimise around locks on Glasgow and Highland: locked locality exact, few zones moved",
          "[edit][optimise][real]") {
    struct Case {
        const char* code;
        const char* name;
        int k;
        double tolerance;
        bool settlements;
    };
    const std::vector<std::string> tables = {LP_SHARED_DATA "/demand/dz2011_population_2020.csv",
                                             LP_SHARED_DATA "/demand/dz2011_access_rurality.csv",
                                             LP_SHARED_DATA "/demand/dz2011_lookup.csv"};
    for (const Case& c : {Case{"S12000049", "Glasgow", 3, 0.05, false}, Case{"S12000017", "Highland", 9, 0.25, true}}) {
        INFO(c.name);
        const Dataset data = load_council(c.code, tables);
        // The plan as `boundaries generate` makes it (people cut cost; Highland with settlements).
        LocalityRunOptions options;
        options.k = c.k;
        options.balance = {{"pop2020_total", c.tolerance}};
        options.keep_whole_tables = tables;
        if (c.settlements) options.settlements = "urban_rural_6fold_2016:1-4";
        const LocalityRun run = run_localities(data, options);
        REQUIRE(run.result.within_tolerance);
        PlanState state = plan_state(data.graph, run.balance, run.result.assignment, run.names);

        // The plan's own rules, as generate records them: the people cut cost, settlements.
        const RunRules& rules = run.rules;
        CHECK(rules.settlements == (c.settlements ? "urban_rural_6fold_2016:1-4" : ""));
        {
            const LocalityRunOptions touch_up = touch_up_options(rules, state, data.zones.ids, tables);
            LocalityRun found;
            std::vector<std::string> notes;
            const PartitionRequest request = locality_request(data, touch_up, found, notes);
            CHECK(found.cut_cost == "people");
            CHECK(request.edge_cost == people_cut_cost(data.graph, data.demand.column("pop2020_total")));
            CHECK(request.groupings.size() == (c.settlements ? 1u : 0u));
        }

        // Lock the locality of the largest town (Inverness in Highland), as in the issue.
        int locked = 0;
        if (run.settlements) {
            const auto largest = std::max_element(run.settlements->people.begin(), run.settlements->people.end()) -
                                 run.settlements->people.begin();
            for (int j = 0; j < c.k; ++j)
                if (run.result.stats.localities[static_cast<std::size_t>(j)].main_settlement == largest) locked = j;
        }
        state.locality(static_cast<std::size_t>(locked)).locked = true;

        // Straight after generating: a touch-up has (almost) nothing to do.
        const auto same = optimise(data, state, rules);
        const auto same_before = optimise_as_before(state);
        require_locks_held(state, locked, same.result.assignment);
        CHECK(same.result.within_tolerance);
        CHECK(same.moved < state.zone_count() / 10);

        // After the planner paints zones across a boundary between two other localities
        // until the one painted into is outside its band: the optimiser must move some.
        int a = -1, b = -1;
        PlanState edited = state;
        std::vector<std::uint32_t> painted;
        for (int x = 0; x < c.k && a < 0; ++x)
            for (int y = 0; y < c.k && a < 0; ++y) {
                if (x == y || x == locked || y == locked) continue;
                edited = state;
                painted.clear();
                while (edited.within_tolerance(static_cast<std::size_t>(y), 0) && painted.size() < 60) {
                    const auto next = border_zones(edited, x, y, 1);
                    if (next.empty()) break;
                    edited.move_zone(next.front(), y);
                    edited.refresh();
                    painted.push_back(next.front());
                }
                if (!edited.within_tolerance(static_cast<std::size_t>(y), 0)) {
                    a = x;
                    b = y;
                }
            }
        REQUIRE(a >= 0);
        const auto touched = optimise(data, edited, rules);
        const auto free_run = optimise(data, edited, rules, false);
        const auto before = optimise_as_before(edited);
        require_locks_held(edited, locked, touched.result.assignment);
        require_locks_held(edited, locked, free_run.result.assignment);
        CHECK(touched.result.contiguous);
        CHECK(touched.result.within_tolerance);
        CHECK(touched.moved > 0);
        CHECK(touched.moved < edited.zone_count() / 10);
        CHECK(touched.moved <= free_run.moved);
        const auto locked_zones = zones_of(state.assignment(), locked).size();
        const auto before_locked_after = zones_of(before.result.assignment, locked).size();
        std::printf("%s (%zu zones, %d localities, %s locked with %zu zones): optimise straight after generate moved "
                    "%zu zones (previous request: %zu, locked locality %zu -> %zu zones); after painting %zu zones "
                    "from %s into %s (out of its band): %zu (stay cost off: %zu; previous request: %zu, locked locality %zu -> %zu)\n",
                    c.name, state.zone_count(), c.k, state.localities()[static_cast<std::size_t>(locked)].name.c_str(),
                    locked_zones, same.moved, same_before.moved, locked_zones,
                    zones_of(same_before.result.assignment, locked).size(), painted.size(),
                    state.localities()[static_cast<std::size_t>(a)].name.c_str(),
                    state.localities()[static_cast<std::size_t>(b)].name.c_str(), touched.moved, free_run.moved,
                    before.moved, locked_zones, before_locked_after);
    }
}
