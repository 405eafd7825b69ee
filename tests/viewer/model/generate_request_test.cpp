// Generate localities without a window (viewer/model/generate_request.cpp, viewer/jobs/generate_job.cpp):
// the dialog's settings, the snapshot a background run owns, the run and the trade-off on
// another thread, Cancel, and the generated plan as one undoable edit.
#include "jobs/generate_job.hpp"
#include "model/generate_request.hpp"
#include "../../grid_dataset.hpp"

#include <lp/core/error.hpp>
#include <lp/edit/plan_editor.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <thread>

using namespace lp;
using namespace lp::viewer;

namespace {

std::shared_ptr<Dataset> grid_dataset() { return std::make_shared<Dataset>(test::grid_dataset()); }

GenerateSettings two_hubs() {
    GenerateSettings settings;
    settings.bands = {{"people", 0.25, false}};
    settings.hubs = {{"z0", "West", 0}, {"z23", "East", 23}};
    return settings;
}

GenerateOutcome wait_for(GenerateJob& job) {
    for (int i = 0; i < 6000; ++i) {
        if (auto outcome = job.take_finished()) return std::move(*outcome);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL("the run did not finish in a minute");
    return {};
}

} // namespace

TEST_CASE("generate settings start from the plan's rules and the urban-rural towns", "[viewer][generate]") {
    Dataset data = test::grid_dataset();
    const std::vector<BalanceSpec> balance = {{"people", 0.05, false}};
    GenerateSettings settings = default_generate_settings(data, balance, "");
    REQUIRE(settings.bands.size() == 1);
    CHECK(settings.bands[0].column == "people");
    CHECK(settings.bands[0].tolerance == Approx(0.05));
    CHECK(settings.settlements.empty());  // no urban-rural column
    CHECK(settings.k == 0);
    CHECK(settings.hubs.empty());

    data.demand.set("urban_rural_6fold_2016", std::vector<double>(24, 6.0), "access.csv");
    CHECK(default_generate_settings(data, balance, "").settlements == "urban_rural_6fold_2016:1-4");
    CHECK(default_generate_settings(data, balance, "town_name").settlements == "town_name");  // the session's

    // A band is set per column: replaced, or added after the others.
    set_band(settings, data, parse_balance("people:25%:soft"));
    REQUIRE(settings.bands.size() == 1);
    CHECK(settings.bands[0].soft);
    set_band(settings, data, parse_balance("urban_rural_6fold_2016:50%"));
    CHECK(settings.bands.size() == 2);
    CHECK_THROWS_AS(set_band(settings, data, parse_balance("nobody:5%")), Error);
    settings.hubs = {{"Inverness", "", 3}, {"Wick", "Caithness", -1}};
    CHECK(settings_text(settings) == "k 0; hubs Inverness, Wick = Caithness; bands people:25%:soft, "
                                     "urban_rural_6fold_2016:50%; settlements none; split settlements automatic; "
                                     "building blocks none; seed 1");
}

TEST_CASE("a generate snapshot owns its data and asks run_localities what the dialog says", "[viewer][generate]") {
    std::shared_ptr<const Dataset> session_data = grid_dataset();
    auto places = std::make_shared<const PointLayer>();
    GenerateSettings settings = two_hubs();
    settings.seed = 7;
    GenerateSnapshot snapshot = generate_snapshot(session_data, places, settings, {"a.csv"});
    const std::weak_ptr<const Dataset> watch = session_data;
    session_data.reset();  // the session opened other data
    CHECK_FALSE(watch.expired());
    const LocalityRunOptions& options = snapshot.options;
    CHECK(options.k == 0);
    CHECK(options.places == places.get());
    CHECK(options.seed == 7);
    CHECK(options.keep_whole_tables == std::vector<std::string>{"a.csv"});
    REQUIRE(options.hubs.size() == 2);
    CHECK(options.hubs[1].place == "z23");
    CHECK(options.hubs[1].name == "East");
    CHECK(options.hubs[1].where == "hub 2");

    SECTION("what cannot run is refused before a thread starts") {
        GenerateSettings none = settings;
        none.bands.clear();
        CHECK_THROWS_WITH(generate_snapshot(snapshot.data, places, none, {}), "balance: give a column to balance");
        GenerateSettings blocks = settings;
        blocks.building_blocks = "wards.gpkg";
        CHECK_THROWS_AS(generate_snapshot(snapshot.data, places, blocks, {}), Error);
        CHECK_THROWS_AS(tradeoff_bands(settings, "5%,lots"), Error);
        CHECK(tradeoff_bands(settings).size() == 5);
    }
}

TEST_CASE("a generated plan from the background lands as one undoable edit", "[viewer][generate]") {
    std::shared_ptr<const Dataset> data = grid_dataset();
    GenerateJob job;
    job.start_generate(generate_snapshot(data, nullptr, two_hubs(), {}));
    CHECK(job.running());
    CHECK(job.progress() <= 1.0); // -1 until the partitioner first says how far it is
    const GenerateOutcome outcome = wait_for(job);
    CHECK(job.progress() == 0.0);  // no job running
    CHECK_FALSE(job.running());
    REQUIRE(outcome.error.empty());
    REQUIRE(outcome.run);
    CHECK(outcome.data == data);
    const LocalityRun& run = *outcome.run;
    REQUIRE(run.k == 2);
    CHECK(run.names == std::vector<std::string>{"West", "East"});
    CHECK(run.result.assignment[0] == 0);
    CHECK(run.result.assignment[23] == 1);
    CHECK_THAT(generated_summary(run), Catch::StartsWith("2 localities (West ") && Catch::Contains(" zones, East "));

    const PlanContent content = generated_content(run);
    REQUIRE(content.localities.size() == 2);
    CHECK(content.localities[0] == numbered_locality(0, "West"));
    CHECK(content.localities[1].colour == default_locality_colour(1));
    CHECK(content.assignment == run.result.assignment);
    CHECK(content.arrangements.empty());
    CHECK(content.locked_zones.empty());

    PlanEditor editor(data->graph, {BalanceLayer{"people", data->demand.column("people"), 0.10}});
    const PlanContent empty = plan_content(editor.state());
    REQUIRE(editor.execute(std::make_unique<ReplacePlan>(content, "generate 2 localities")).applied);
    CHECK(plan_content(editor.state()) == content);
    REQUIRE(editor.undo());
    CHECK(plan_content(editor.state()) == empty);
    REQUIRE(editor.redo());
    CHECK(plan_content(editor.state()) == content);
}

TEST_CASE("the trade-off runs a plan per band in the background and reports its progress", "[viewer][generate]") {
    std::shared_ptr<const Dataset> data = grid_dataset();
    GenerateSettings settings = two_hubs();
    GenerateJob job;
    job.start_tradeoff(generate_snapshot(data, nullptr, settings, {}), tradeoff_bands(settings, "5%,50%,soft"));
    CHECK(job.kind() == GenerateOutcome::Kind::tradeoff);
    CHECK(job.progress() >= 0);
    const GenerateOutcome outcome = wait_for(job);
    REQUIRE(outcome.error.empty());
    REQUIRE(outcome.tradeoff);
    REQUIRE(outcome.tradeoff->rows.size() == 3);
    CHECK(outcome.tradeoff->runs.size() == 3);
    CHECK(outcome.tradeoff->rows[0].band == "5%");
    CHECK(outcome.tradeoff->bands[2].first.soft);
    CHECK(outcome.tradeoff->bands[2].first.tolerance == Approx(0.25));  // "soft": the rule's own band
}

TEST_CASE("Cancel frees the job at once and its plan never arrives", "[viewer][generate]") {
    std::shared_ptr<const Dataset> data = grid_dataset();
    GenerateJob job;
    job.start_generate(generate_snapshot(data, nullptr, two_hubs(), {}));
    job.cancel();
    CHECK_FALSE(job.running());
    data.reset();  // the worker still owns its dataset
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK_FALSE(job.take_finished());
    // A new run after a cancelled one gives its own plan.
    std::shared_ptr<const Dataset> again = grid_dataset();
    GenerateSettings settings = two_hubs();
    settings.hubs[0].name = "Left";
    job.start_generate(generate_snapshot(again, nullptr, settings, {}));
    const GenerateOutcome outcome = wait_for(job);
    REQUIRE(outcome.run);
    CHECK(outcome.run->names[0] == "Left");
    job.stop();
}

TEST_CASE("a run that fails says why", "[viewer][generate]") {
    std::shared_ptr<const Dataset> data = grid_dataset();
    GenerateSettings settings = two_hubs();
    settings.hubs[1].place = "nowhere";
    GenerateJob job;
    job.start_generate(generate_snapshot(data, nullptr, settings, {}));
    const GenerateOutcome outcome = wait_for(job);
    CHECK_FALSE(outcome.run);
    CHECK_THAT(outcome.error, Catch::Contains("hub 2: 'nowhere'"));
}
