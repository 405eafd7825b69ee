// Carrying a plan onto another zone layer, on re-tessellations of the sample council
// whose right answer is known: every zone split in two down its middle.
#include <catch2/catch.hpp>

#include <lp/data/dataset.hpp>
#include <lp/geometry/zone_overlaps.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/plan_check.hpp>
#include <lp/plan/plan_rebase.hpp>

#include "plan_fixtures.hpp"

#include <cmath>
#include <numeric>

using namespace lp;

namespace {

DatasetOptions sample_options() {
    DatasetOptions o;
    const std::string folder = std::string(LP_SOURCE_DIR) + "/samples/sample_council/";
    o.zones.path = folder + "zones.geojson";
    o.zones.id_field = "zone_code";
    o.demand_paths = {folder + "demand.csv"};
    o.crossings_csv = folder + "crossings.csv";
    return o;
}

const Dataset& sample() {
    static const Dataset data = load_dataset(sample_options());
    return data;
}

// The part of a ring on one side of the vertical line x = at (Sutherland-Hodgman; a brick
// crosses its middle line twice, so each side is one simple ring).
Ring clip(const Ring& ring, double at, bool left) {
    const auto inside = [&](const Point& p) { return left ? p.x <= at : p.x >= at; };
    Ring out;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const Point& a = ring[i];
        const Point& b = ring[i + 1];
        if (inside(a)) out.push_back(a);
        if (inside(a) != inside(b)) {
            const double t = (at - a.x) / (b.x - a.x);
            out.push_back({at, a.y + t * (b.y - a.y)});
        }
    }
    if (!out.empty()) out.push_back(out.front());
    return out;
}

// Every zone cut in two down the middle of its box: "<id>a" west, "<id>b" east.
ZoneLayer halves(const ZoneLayer& zones, std::vector<std::size_t>& parent) {
    ZoneLayer out;
    out.source = "halves of " + zones.source;
    out.id_field = zones.id_field;
    out.source_crs = out.working_crs = zones.working_crs;
    for (std::size_t z = 0; z < zones.size(); ++z) {
        const double middle = (zones.boxes[z].min_x + zones.boxes[z].max_x) / 2;
        for (const bool left : {true, false}) {
            MultiPolygon half;
            for (const Polygon& p : zones.shapes[z]) {
                Ring ring = clip(p.exterior, middle, left);
                if (ring.size() >= 4) half.push_back({std::move(ring), {}});
            }
            REQUIRE(!half.empty());
            out.ids.push_back(zones.ids[z] + (left ? "a" : "b"));
            out.names.push_back(out.ids.back());
            out.areas.push_back(area(half));
            out.boxes.push_back(bounds(half));
            out.shapes.push_back(std::move(half));
            parent.push_back(z);
        }
    }
    out.rebuild_index();
    return out;
}

// The sample's recorded ferry, between the west halves of the zones it joins.
std::vector<UserCrossing> halves_crossings() {
    std::vector<UserCrossing> halves;
    for (auto c : read_crossings_csv(std::string(LP_SOURCE_DIR) + "/samples/sample_council/crossings.csv")) {
        c.zone_a += "a";
        c.zone_b += "a";
        halves.push_back(std::move(c));
    }
    return halves;
}

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

} // namespace

TEST_CASE("rebase onto every zone split in two: each half goes to its zone's locality", "[plan][rebase]") {
    const Dataset& data = sample();
    const auto catalogue = read_catalogue(default_catalogue_path());
    const LocalityPlan plan = test::grown_plan(data, sample_options(), 4, catalogue);
    std::vector<std::size_t> parent;
    const ZoneLayer split = halves(data.zones, parent);
    const ContiguityGraph graph = build_contiguity_graph(split, {}, halves_crossings());

    RebaseInput input;
    input.old_zone_ids = data.zones.ids;
    input.old_population = data.demand.column("pop2020_total");
    input.new_zone_ids = split.ids;
    input.overlaps = zone_overlaps(split, data.zones);
    input.new_graph = &graph;
    input.carried_names = {"pop2020_total", "pop2020_75plus"};
    for (const auto& name : input.carried_names) input.carried_old.push_back(data.demand.column(name));
    const RebaseResult result = rebase_plan(plan, input);

    CHECK(result.population_weighted);
    CHECK(result.straddling() == 0);
    CHECK(result.moves.empty());
    CHECK(result.uncovered_old.empty());
    std::size_t elsewhere = 0;
    for (std::size_t h = 0; h < split.size(); ++h)
        if (result.plan.assignment.at(split.ids[h]) != plan.assignment.at(data.zones.ids[parent[h]])) ++elsewhere;
    CHECK(elsewhere == 0);
    CHECK(sum(result.moved_out[0]) == 0);
    CHECK(result.plan.assignment.size() == 2 * data.zones.size());

    // People are conserved, in total, per locality and per zone (by area, as spread).
    const auto& people = data.demand.column("pop2020_total");
    CHECK(sum(result.carried_new[0]) == Approx(sum(people)).epsilon(1e-6));
    for (std::size_t l = 0; l < plan.localities.size(); ++l)
        CHECK(result.after[0][l] == Approx(result.before[0][l]).epsilon(1e-6));
    for (std::size_t h = 0; h < split.size(); h += 37)
        CHECK(result.carried_new[0][h] ==
              Approx(people[parent[h]] * split.areas[h] / data.zones.areas[parent[h]]).epsilon(1e-6));

    // What a planner set up is kept: names, colours, arrangements; the plan is valid on the new layer.
    CHECK(result.plan.localities == plan.localities);
    CHECK(result.plan.arrangements == plan.arrangements);
    CheckInput check_input;
    check_input.zone_ids = split.ids;
    check_input.graph = &graph;
    check_input.catalogue = &catalogue;
    const PlanCheck check = check_plan(result.plan, check_input);
    INFO(format_check(check, result.plan));
    CHECK(check.valid());
}

TEST_CASE("rebase of a plan on halves onto whole zones: the half with more people decides", "[plan][rebase]") {
    const Dataset& data = sample();
    const auto catalogue = read_catalogue(default_catalogue_path());
    const LocalityPlan whole_plan = test::grown_plan(data, sample_options(), 4, catalogue);
    std::vector<std::size_t> parent;
    const ZoneLayer split = halves(data.zones, parent);
    const auto& people = data.demand.column("pop2020_total");

    // The plan on the halves: each west half stays; the east half of a zone on a boundary goes
    // over to the neighbouring locality, and holds 70% of the zone's people.
    LocalityPlan plan = whole_plan;
    plan.assignment.clear();
    std::vector<std::string> east_locality(data.zones.size());
    std::size_t straddlers = 0;
    for (std::size_t z = 0; z < data.zones.size(); ++z) {
        const std::string own = whole_plan.assignment.at(data.zones.ids[z]);
        std::string east = own;
        for (const auto& adj : data.graph.neighbours(static_cast<std::uint32_t>(z))) {
            const std::string& other = whole_plan.assignment.at(data.zones.ids[adj.zone]);
            if (other != own && !data.graph.edges()[adj.edge].crossing) east = other;
        }
        plan.assignment[data.zones.ids[z] + "a"] = own;
        plan.assignment[data.zones.ids[z] + "b"] = east;
        east_locality[z] = east;
        if (east != own) ++straddlers;
    }
    REQUIRE(straddlers > 10);
    std::vector<double> half_people(split.size());
    for (std::size_t h = 0; h < split.size(); ++h) half_people[h] = people[parent[h]] * (h % 2 == 0 ? 0.3 : 0.7);

    RebaseInput input;
    input.old_zone_ids = split.ids;
    input.old_population = half_people;
    input.new_zone_ids = data.zones.ids;
    input.overlaps = zone_overlaps(data.zones, split);
    input.new_graph = &data.graph;
    input.carried_names = {"people"};
    input.carried_old = {half_people};

    SECTION("weighed by people") {
        const RebaseResult result = rebase_plan(plan, input);
        CHECK(result.population_weighted);
        CHECK(result.straddling() == straddlers);
        std::size_t wrong = 0;
        for (std::size_t z = 0; z < data.zones.size(); ++z) {
            const int expected = locality_index(plan, east_locality[z]);
            if (result.majority[z] != expected) ++wrong;
            if (result.shares[z].size() == 2) CHECK(result.shares[z].front().share == Approx(0.7).epsilon(1e-6));
        }
        CHECK(wrong == 0);
        // Only repairs differ from the majority, and afterwards every locality is one piece.
        std::size_t changed = 0;
        for (std::size_t z = 0; z < data.zones.size(); ++z)
            if (result.locality_of_new_zone[z] != result.majority[z]) ++changed;
        CHECK(changed <= result.moves.size());
        CheckInput check_input;
        check_input.zone_ids = data.zones.ids;
        check_input.graph = &data.graph;
        const PlanCheck check = check_plan(result.plan, check_input);
        INFO(format_check(check, result.plan));
        CHECK(check.count(CheckProblem::locality_disconnected) == 0);
        CHECK(check.valid());
        CHECK(sum(result.carried_new[0]) == Approx(sum(half_people)).epsilon(1e-6));
        CHECK(sum(result.after[0]) == Approx(sum(result.before[0])).epsilon(1e-6));
        // People who left each locality: the halves of zones that went elsewhere.
        std::vector<double> left(plan.localities.size(), 0.0);
        for (std::size_t z = 0; z < data.zones.size(); ++z) {
            const int now = result.locality_of_new_zone[z];
            const int west = locality_index(plan, plan.assignment.at(data.zones.ids[z] + "a"));
            const int east = locality_index(plan, east_locality[z]);
            if (now != west) left[static_cast<std::size_t>(west)] += half_people[2 * z];
            if (now != east) left[static_cast<std::size_t>(east)] += half_people[2 * z + 1];
        }
        for (std::size_t l = 0; l < plan.localities.size(); ++l)
            CHECK(result.moved_out[0][l] == Approx(left[l]).epsilon(1e-6).margin(1e-6));
        CHECK(sum(result.moved_in[0]) == Approx(sum(result.moved_out[0])).epsilon(1e-9));
        // The impact table lists each straddling zone's shares and reads back.
        const std::string csv = rebase_impact_csv(result, data.zones.ids);
        CHECK(csv.starts_with("record,zone,locality,locality_name,measure,before,after,change,left,joined,share,note\n"));
        CHECK(csv.find("\nstraddle,") != std::string::npos);
    }
    SECTION("weighed by area when the old layer gives no population") {
        input.old_population.clear();
        const RebaseResult result = rebase_plan(plan, input);
        CHECK_FALSE(result.population_weighted);
        for (std::size_t z = 0; z < data.zones.size(); ++z) {
            if (result.shares[z].size() != 2) continue;
            const double larger = std::max(split.areas[2 * z], split.areas[2 * z + 1]);
            CHECK(result.shares[z].front().share == Approx(larger / data.zones.areas[z]).epsilon(1e-6));
        }
        // Counts are still spread by area and conserved.
        CHECK(sum(result.carried_new[0]) == Approx(sum(half_people)).epsilon(1e-6));
    }
}

TEST_CASE("rebase keeps every locality: one that holds most of no new zone keeps the zone it holds most of",
          "[plan][rebase]") {
    // Old layer: four cells of a row, localities A (cells 0-2) and B (cell 3, small);
    // new layer: two zones, the second holding cell 3 and most of cell 2.
    LocalityPlan plan;
    plan.localities = {{"A", "Aye", "#111111"}, {"B", "Bee", "#222222"}};
    plan.assignment = {{"c0", "A"}, {"c1", "A"}, {"c2", "A"}, {"c3", "B"}};
    RebaseInput input;
    input.old_zone_ids = {"c0", "c1", "c2", "c3"};
    input.new_zone_ids = {"n0", "n1"};
    input.overlaps = {{{0, 1.0}, {1, 1.0}}, {{2, 1.0}, {3, 0.5}}};
    const ContiguityGraph graph(2, {{0, 1, 100.0, false}});
    input.new_graph = &graph;
    const RebaseResult result = rebase_plan(plan, input);
    CHECK(result.majority == std::vector<int>{0, 0});
    CHECK(result.locality_of_new_zone == std::vector<int>{0, 1});
    REQUIRE(result.moves.size() == 1);
    CHECK(result.moves[0].zone == 1);
    CHECK(result.plan.assignment.at("n1") == "B");
}

TEST_CASE("rebase repairs a cut-off piece towards the locality it shares the longest border with", "[plan][rebase]") {
    // A row of five new zones; old localities put zone 2 in B between A's, zone 4 in C.
    // After the majority, A has two pieces (0-1 and 3); 3 borders B (40 m) and C (10 m).
    LocalityPlan plan;
    plan.localities = {{"A", "Aye", "#111111"}, {"B", "Bee", "#222222"}, {"C", "Cee", "#333333"}};
    plan.assignment = {{"o0", "A"}, {"o1", "A"}, {"o2", "B"}, {"o3", "A"}, {"o4", "C"}};
    RebaseInput input;
    input.old_zone_ids = {"o0", "o1", "o2", "o3", "o4"};
    input.new_zone_ids = {"n0", "n1", "n2", "n3", "n4"};
    input.overlaps = {{{0, 1.0}}, {{1, 1.0}}, {{2, 1.0}}, {{3, 1.0}}, {{4, 1.0}}};
    const ContiguityGraph graph(5, {{0, 1, 50, false}, {1, 2, 50, false}, {2, 3, 40, false}, {3, 4, 10, false}});
    input.new_graph = &graph;
    const RebaseResult result = rebase_plan(plan, input);
    CHECK(result.locality_of_new_zone == std::vector<int>{0, 0, 1, 1, 2});
    REQUIRE(result.moves.size() == 1);
    CHECK(result.moves[0].why.find("cut off from the main piece of Aye") != std::string::npos);
}
