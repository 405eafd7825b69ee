// The viewer's Session without a window (viewer/model/): the open data, the plan document,
// the plan's figures and the view state, driven as the panels drive them, on Orkney's real
// zones. The figures follow edits, undos and rule changes without being told.
#include "model/session.hpp"
#include "../../scratch_folder.hpp"
#include "../../test_data.hpp"

#include <lp/edit/edit_commands.hpp>
#include <lp/plan/plan_file.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <numeric>

using namespace lp;
using namespace lp::viewer;

namespace {

DatasetOptions orkney() {
    DatasetOptions options = test::council_with_population("S12000023");
    options.demand_paths.push_back(test::data("demand/dz2011_access_rurality.csv"));
    return options;
}

// Orkney's zones in two localities: the first `split` zones of the layer, and the rest.
std::string write_two_locality_plan(const Dataset& data, std::size_t split, const std::string& folder) {
    LocalityPlan plan;
    plan.localities = {{"A", "West Mainland"}, {"B", "The rest"}};
    for (std::size_t z = 0; z < data.zones.size(); ++z) plan.assignment[data.zones.ids[z]] = z < split ? "A" : "B";
    const std::string path = folder + "/orkney.plan.json";
    write_plan(path, plan);
    return path;
}

double population_of(Session& session, int locality) {
    const std::vector<double>& people = *session.figures.population();
    const auto& members = session.document.state().members(static_cast<std::size_t>(locality));
    double total = 0;
    for (auto z : members) total += people[z];
    return total;
}

} // namespace

TEST_CASE("the session's parts follow a plan through edits, undo and rule changes", "[viewer][session][real-data]") {
    const std::string folder = test::scratch_folder("viewer_session");
    Session session;
    session.open_dataset(orkney());
    REQUIRE(session.data.is_open());
    const Dataset& data = session.data.dataset();
    REQUIRE(data.zones.size() > 20);
    CHECK(session.data.mesh().centres.size() == data.zones.size());

    // Other data opened: an empty, clean plan balancing the population by default.
    REQUIRE(session.document.has_plan());
    CHECK(session.document.state().locality_count() == 0);
    CHECK_FALSE(session.document.dirty());
    CHECK(session.view.active_locality == -1);
    REQUIRE(session.document.balance_specs().size() == 1);
    CHECK(session.figures.population_column() == "pop2020_total");
    CHECK(session.figures.cut_cost().size() == data.graph.edges().size());

    const std::size_t half = data.zones.size() / 2;
    const std::string path = write_two_locality_plan(data, half, folder);
    session.open_plan(path);
    session.update();
    CHECK(session.document.plan_path() == path);
    CHECK(session.document.window_title() == "orkney.plan.json - Locality Planner");
    CHECK(session.view.active_locality == 0);
    REQUIRE(session.document.state().locality_count() == 2);
    CHECK(session.figures.check().localities == 2);
    CHECK(session.figures.check().count(CheckProblem::zone_unassigned) == 0);
    REQUIRE(session.figures.label_points().size() == 2);
    const auto shares_before = session.figures.demand_shares();
    REQUIRE_FALSE(shares_before.empty());
    const double people_a = population_of(session, 0);
    const std::size_t revision = session.document.revision();

    // Paint a zone of B into A, as the brush does: the figures follow the revision.
    const std::uint32_t moved = session.document.state().members(1).front();
    session.document.editor().set_split_policy(SplitPolicy::warn);
    const EditResult painted = session.document.editor().paint({moved}, 0);
    session.report(painted);
    session.update();
    REQUIRE(painted.applied);
    CHECK(session.document.revision() != revision);
    CHECK(session.document.dirty());
    CHECK(session.document.window_title() == "orkney.plan.json * - Locality Planner");
    CHECK(session.view.status.rfind("done: ", 0) == 0);
    CHECK(population_of(session, 0) == Approx(people_a + (*session.figures.population())[moved]));
    CHECK(session.document.current_plan().assignment.at(data.zones.ids[moved]) == "A");
    bool shares_moved = false;
    for (std::size_t f = 0; f < shares_before.size(); ++f) {
        if (shares_before[f].available && shares_before[f].share != session.figures.demand_shares()[f].share) shares_moved = true;
    }
    CHECK(shares_moved);

    // Undo: back to the saved plan, and the figures with it, without a word to them.
    REQUIRE(session.document.editor().undo());
    session.update();
    CHECK_FALSE(session.document.dirty());
    CHECK(population_of(session, 0) == Approx(people_a));
    CHECK(session.document.current_plan().assignment.at(data.zones.ids[moved]) == "B");
    for (std::size_t f = 0; f < shares_before.size(); ++f) CHECK(session.figures.demand_shares()[f].share == shares_before[f].share);

    // A balance rule is an undoable edit; the population and cut prices follow its columns.
    const std::vector<double> everyone_cut_cost = session.figures.cut_cost();
    session.edit_balance({{"pop2020_65plus", 0.2, false}}, "balance older people");
    CHECK(session.figures.population_column() == "pop2020_65plus");  // the only people counted
    CHECK(session.figures.cut_cost().size() == data.graph.edges().size());
    CHECK(session.figures.cut_cost() != everyone_cut_cost);
    CHECK(session.document.current_plan().balance.at(0).column == "pop2020_65plus");
    REQUIRE(session.document.editor().undo());
    CHECK(session.figures.population_column() == "pop2020_total");
    CHECK(session.figures.cut_cost() == everyone_cut_cost);

    // Settlements: found for the spec, a spec the data cannot meet reported once.
    session.set_settlements("urban_rural_6fold_2016:1-4");
    REQUIRE(session.figures.settlements() != nullptr);
    CHECK_FALSE(session.figures.settlements()->zones.empty());
    CHECK(session.document.current_plan().sources.at("settlements") == "urban_rural_6fold_2016:1-4");
    CHECK(session.figures.community_statistics().localities.size() == 2);
    const std::size_t errors = session.view.errors.pending().size();
    session.set_settlements("no_such_column:1-3");
    CHECK(session.figures.settlements() == nullptr);
    CHECK(session.figures.settlements() == nullptr);
    REQUIRE(session.view.errors.pending().size() == errors + 1);
    CHECK(session.view.errors.pending().back().title == "Settlements not found");
    session.set_settlements("");

    // Saving under another name: the status line says so, the file holds the plan's rules.
    const std::string copy = folder + "/saved.plan.json";
    session.save_plan(copy);
    CHECK(session.view.status == "saved " + copy);
    CHECK(session.document.plan_path() == copy);
    const LocalityPlan saved = read_plan(copy);
    REQUIRE(saved.balance.size() == 1);
    CHECK(saved.balance[0].column == "pop2020_total");
    CHECK(saved.localities.size() == 2);

    // A new plan starts on no locality; the active locality stays within the plan.
    session.view.active_locality = 1;
    session.new_empty_plan();
    CHECK(session.view.active_locality == -1);
    CHECK(session.figures.check().localities == 0);
}
