// The viewer's figures after an edit, read from the editor's integer assignment (issue 21
// item 4): the statutory check on the PlanState (lp::check_state) says exactly what the
// check of the saved plan says, and the demand shares kept up to date zone by zone
// (lp::DemandShareTable) equal a fresh count, on Fife with painted, unassigned and
// cut-off zones, a missing arrangement and a locality with no zones.
#include "../test_data.hpp"

#include <lp/edit/edit_commands.hpp>
#include <lp/edit/plan_conversion.hpp>
#include <lp/edit/plan_editor.hpp>
#include <lp/edit/state_check.hpp>
#include <lp/plan/demand_share_table.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/plan/plan_check.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>

using namespace lp;

namespace {

void require_same(const PlanCheck& a, const PlanCheck& b) {
    REQUIRE(a.failures.size() == b.failures.size());
    for (std::size_t i = 0; i < a.failures.size(); ++i) {
        CHECK(a.failures[i].problem == b.failures[i].problem);
        CHECK(a.failures[i].zone == b.failures[i].zone);
        CHECK(a.failures[i].locality == b.failures[i].locality);
        CHECK(a.failures[i].function == b.failures[i].function);
        CHECK(a.failures[i].message == b.failures[i].message);
    }
    CHECK(a.warnings == b.warnings);
    REQUIRE(a.crossings_used.size() == b.crossings_used.size());
    for (std::size_t i = 0; i < a.crossings_used.size(); ++i) {
        CHECK(a.crossings_used[i].locality == b.crossings_used[i].locality);
        CHECK(a.crossings_used[i].zone_a == b.crossings_used[i].zone_a);
        CHECK(a.crossings_used[i].note == b.crossings_used[i].note);
    }
    CHECK(a.zones_in_area == b.zones_in_area);
    CHECK(a.localities == b.localities);
}

void require_same(const std::vector<FunctionDemandShare>& a, const std::vector<FunctionDemandShare>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t f = 0; f < a.size(); ++f) {
        INFO(a[f].code);
        CHECK(a[f].code == b[f].code);
        CHECK(a[f].available == b[f].available);
        CHECK(a[f].why_unavailable == b[f].why_unavailable);
        REQUIRE(a[f].share.size() == b[f].share.size());
        for (std::size_t l = 0; l < a[f].share.size(); ++l) CHECK(std::abs(a[f].share[l] - b[f].share[l]) < 1e-12);
    }
}

} // namespace

TEST_CASE("figures from the assignment: the check of the editor's state and the kept demand shares equal the plan's",
          "[edit][check][real]") {
    DatasetOptions options;
    options.zones = test::council_from_gpkg("S12000047");
    options.demand_paths = {test::data("demand/dz2011_population_2020.csv"), test::data("demand/dz2011_simd2020.csv"),
                            test::data("demand/dz2011_access_rurality.csv")};
    const Dataset data = load_dataset(options);
    const FunctionCatalogue catalogue = read_catalogue(default_catalogue_path());
    const DemandColumns drivers = driver_columns(data);

    // Four bands of zones west to east, every function arranged by default.
    LocalityPlan plan;
    for (int l = 0; l < 4; ++l) plan.localities.push_back(numbered_locality(static_cast<std::size_t>(l), "Band " + std::to_string(l + 1)));
    double west = 1e18, east = -1e18;
    for (const auto& box : data.zones.boxes) {
        west = std::min(west, box.min_x);
        east = std::max(east, box.max_x);
    }
    for (std::size_t z = 0; z < data.zones.size(); ++z) {
        const double x = (data.zones.boxes[z].min_x + data.zones.boxes[z].max_x) / 2;
        const int band = std::min(3, static_cast<int>(4 * (x - west) / (east - west)));
        plan.assignment[data.zones.ids[z]] = plan.localities[static_cast<std::size_t>(band)].id;
    }
    add_default_arrangements(plan, catalogue);
    plan.crossings.push_back({data.zones.ids[0], data.zones.ids[1], "a recorded ferry"});

    const std::vector<BalanceLayer> layers = {{"pop2020_total", data.demand.column("pop2020_total"), 0.1}};
    PlanEditor editor(state_from_plan(plan, data.zones.ids, data.graph, layers));
    editor.set_split_policy(SplitPolicy::warn);
    CheckInput input;
    input.zone_ids = data.zones.ids;
    input.graph = &data.graph;
    input.catalogue = &catalogue;
    DemandShareTable table(catalogue, drivers);

    // Each comparison also checks how many zones the table counted as moved: those whose
    // locality differs from the last update's, or every assigned zone when it starts again.
    std::vector<int> last(data.zones.size(), -1);
    const auto compare = [&](bool start_again = false) {
        const auto& now = editor.state().assignment();
        std::size_t expected_moved = 0;
        for (std::size_t z = 0; z < now.size(); ++z)
            expected_moved += start_again ? now[z] >= 0 : now[z] != last[z];
        last = now;
        const LocalityPlan saved = plan_from_state(editor.state(), data.zones.ids, plan);
        const PlanCheck from_file = check_plan(saved, input);
        require_same(check_state(editor.state(), plan.crossings, input), from_file);
        table.update(editor.state().assignment(), editor.state().locality_count());
        CHECK(table.last_moved() == expected_moved);
        require_same(table.shares(), function_demand_shares(saved, catalogue, drivers, data.zones.ids));
        return from_file;
    };
    const PlanCheck first = compare(true);
    CHECK(first.valid() == (first.count(CheckProblem::locality_disconnected) == 0));

    // A planner's edits: zones painted across a boundary, one unassigned, one cut off, a
    // missing arrangement, a new locality with no zones.
    std::size_t painted = 0;
    for (const GraphEdge& e : data.graph.edges()) {
        const int a = editor.state().locality_of(e.a), b = editor.state().locality_of(e.b);
        if (painted < 12 && a >= 0 && b >= 0 && a != b && editor.paint({e.a}, b).applied) ++painted;
    }
    REQUIRE(painted == 12);
    compare();
    REQUIRE(editor.paint({5}, -1).applied);
    const PlanCheck unassigned = compare();
    CHECK(unassigned.count(CheckProblem::zone_unassigned) == 1);
    // Cut a zone off: give one zone of band 1 to band 4 far away.
    std::uint32_t far = 0;
    for (std::uint32_t z = 0; z < data.zones.size(); ++z)
        if (editor.state().locality_of(z) == 0) far = z;
    REQUIRE(editor.paint({far}, 3).applied);
    const PlanCheck cut = compare();
    CHECK(cut.count(CheckProblem::locality_disconnected) >= 1);
    editor.undo();
    compare();
    editor.redo();
    compare();
    // Edits that change no zone's locality cost the kept shares nothing.
    REQUIRE(editor.execute(std::make_unique<SetArrangement>("ASC-HC", "L2", std::nullopt)).applied);
    const PlanCheck missing = compare();
    CHECK(table.last_moved() == 0);
    CHECK(missing.count(CheckProblem::function_missing) == 1);
    REQUIRE(editor.execute(std::make_unique<AddLocality>(numbered_locality(4, "New"))).applied);
    const PlanCheck empty = compare(true); // a fifth locality: the sums start again
    CHECK(empty.count(CheckProblem::empty_locality) == 1);
}
