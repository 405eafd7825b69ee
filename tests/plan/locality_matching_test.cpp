#include <catch2/catch.hpp>

#include <lp/plan/locality_matching.hpp>
#include <lp/plan/plan_diff.hpp>

#include "plan_fixtures.hpp"

#include <algorithm>
#include <map>
#include <set>

using namespace lp;

namespace {

// The plan's localities renumbered (L1 -> L17, L2 -> L16...: no id kept), renamed and in reverse order:
// the same localities as another plan would list them.
LocalityPlan renumbered_and_renamed(const LocalityPlan& plan) {
    LocalityPlan other = plan;
    const std::size_t k = plan.localities.size();
    std::map<std::string, std::string> id;
    for (std::size_t i = 0; i < k; ++i) id[plan.localities[i].id] = "L" + std::to_string(k + 10 - i);
    for (Locality& l : other.localities) {
        l.id = id[l.id];
        l.name = "Renamed " + l.name;
    }
    std::reverse(other.localities.begin(), other.localities.end());
    for (auto& [zone, locality] : other.assignment) locality = id[locality];
    other.arrangements.clear();
    return other;
}

} // namespace

TEST_CASE("Compare by overlap: the same localities under other ids and names differ in no zone", "[plan]") {
    const auto& data = test::council_dataset("S12000017");
    const auto catalogue = read_catalogue(default_catalogue_path());
    const LocalityPlan plan = test::grown_plan(data, test::council_options("S12000017"), 7, catalogue);
    const LocalityPlan other = renumbered_and_renamed(plan);
    const std::vector<double>& people = data.demand.column("pop2020_total");

    // Matched by id, every zone looks moved (no id is shared).
    CHECK(diff_plans(other, plan).moved.size() == plan.assignment.size());

    const std::vector<LocalityPair> pairs = match_localities(other, plan, data.zones.ids, people);
    REQUIRE(pairs.size() == 7);
    for (const LocalityPair& p : pairs) {
        INFO(p.a_id << " -> " << p.b_id);
        const std::size_t k = std::stoul(p.a_id.substr(1));
        CHECK(p.b_id == "L" + std::to_string(7 + 10 - k + 1));
        CHECK(p.shared == Approx(p.a_total));
        CHECK(p.shared > 0);
    }
    const PlanDiff diff = diff_plans(renumbered_as(other, pairs, plan), plan);
    CHECK(diff.moved.empty());
    CHECK(diff.renamed.size() == 7);  // the names differ, the localities do not
}

TEST_CASE("Compare by overlap: three zones moved are exactly the three that differ", "[plan]") {
    const auto& data = test::council_dataset("S12000017");
    const auto catalogue = read_catalogue(default_catalogue_path());
    const LocalityPlan plan = test::grown_plan(data, test::council_options("S12000017"), 7, catalogue);
    LocalityPlan other = renumbered_and_renamed(plan);
    // Three zones of the other plan's first locality put in its second.
    std::set<std::string> moved;
    const std::string from = other.localities[0].id, to = other.localities[1].id;
    for (auto& [zone, locality] : other.assignment) {
        if (locality == from && moved.size() < 3) {
            locality = to;
            moved.insert(zone);
        }
    }
    REQUIRE(moved.size() == 3);
    const std::vector<LocalityPair> pairs = match_localities(other, plan, data.zones.ids, data.demand.column("pop2020_total"));
    const PlanDiff diff = diff_plans(renumbered_as(other, pairs, plan), plan);
    std::set<std::string> differ;
    for (const ZoneMove& m : diff.moved) differ.insert(m.zone);
    CHECK(differ == moved);
    // Without a population the zones shared decide, with the same pairs.
    const std::vector<LocalityPair> by_zones = match_localities(other, plan, {}, {});
    REQUIRE(by_zones.size() == pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) CHECK(by_zones[i].b_id == pairs[i].b_id);
}

TEST_CASE("Compare by overlap: a locality of one plan the other lacks is left unmatched under an unused id", "[plan]") {
    LocalityPlan a, b;
    a.localities = {numbered_locality(0, "North"), numbered_locality(1, "South"), numbered_locality(2, "Isles")};
    b.localities = {numbered_locality(0, "South"), numbered_locality(1, "North")};
    a.assignment = {{"z1", "L1"}, {"z2", "L1"}, {"z3", "L2"}, {"z4", "L2"}, {"z5", "L3"}};
    b.assignment = {{"z1", "L2"}, {"z2", "L2"}, {"z3", "L1"}, {"z4", "L1"}, {"z5", "L1"}};
    const std::vector<LocalityPair> pairs = match_localities(a, b, {"z1", "z2", "z5"}, {10, 20, 1});
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].a_id == "L1");
    CHECK(pairs[0].b_id == "L2");
    CHECK(pairs[0].shared == 30);
    CHECK(pairs[1].a_id == "L2");
    CHECK(pairs[1].b_id == "L1");
    CHECK(pairs[1].shared == 2);  // z3 and z4 have no weight given: one each
    const LocalityPlan renumbered = renumbered_as(a, pairs, b);
    CHECK(renumbered.localities[2].id == "L3");
    CHECK(renumbered.assignment.at("z5") == "L3");
    const PlanDiff diff = diff_plans(renumbered, b);
    REQUIRE(diff.moved.size() == 1);
    CHECK(diff.moved[0].zone == "z5");
}
