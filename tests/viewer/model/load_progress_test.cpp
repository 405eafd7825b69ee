// The loading screen's progress (viewer/model/load_progress.cpp): what the engine says of a
// read, as a bar that only moves forward and a line a planner reads; and on real data, that
// opening a council is heard through every stage.
#include "model/load_progress.hpp"
#include "model/open_data.hpp"
#include "../../test_data.hpp"

#include <catch2/catch.hpp>

using namespace lp;
using namespace lp::viewer;

TEST_CASE("load progress shows each stage in words and a bar that moves forward", "[viewer][loading]") {
    LoadProgress progress;
    CHECK(progress.shown().fraction < 0);  // nothing heard: the bar sweeps
    progress.hear({ReadStage::reading_features, 3000, 6976, 3000});
    const auto reading = progress.shown();
    CHECK(reading.text == "reading zones: 3,000 of 6,976");
    CHECK(reading.fraction > 0.05f);
    CHECK(reading.fraction < 0.25f);
    progress.hear({ReadStage::reading_features, 6976, 6976, 29});
    CHECK(progress.shown().text == "reading zones: 6,976 of 6,976 (29 kept)");
    progress.hear({ReadStage::preparing_zones, 10, 29});
    const float preparing = progress.shown().fraction;
    CHECK(preparing > 0.25f);
    // A reading event heard late (another thread) does not move the bar back.
    progress.hear({ReadStage::reading_features, 100, 6976, 100});
    CHECK(progress.shown().fraction == preparing);
    progress.hear({ReadStage::building_graph, 1, 4});
    CHECK(progress.shown().text == "building the contiguity graph: step 2 of 4");
    progress.hear({ReadStage::finished, 29, 29, 0, 2, 70});
    CHECK(progress.shown().text == "29 zones read (2 repaired), 70 neighbours");
    progress.triangulating(0, 29);
    CHECK(progress.shown().text == "triangulating the map: 0 of 29 zones");
    CHECK(progress.shown().fraction > preparing);
    progress.triangulating(29, 29);
    CHECK(progress.shown().fraction == 1.0f);
}

TEST_CASE("opening Orkney is heard through reading, the graph and triangulating", "[viewer][loading][real-data]") {
    LoadProgress progress;
    const OpenData::Loaded loaded = OpenData::load(test::council_with_population("S12000023"), {}, &progress);
    REQUIRE(loaded.data);
    for (const ReadStage stage : {ReadStage::reading_features, ReadStage::preparing_zones, ReadStage::building_graph,
                                  ReadStage::finished})
        CHECK((progress.stages_heard() & (1u << static_cast<unsigned>(stage))) != 0);
    CHECK(progress.shown().text == "triangulating the map: 29 of 29 zones");  // the last stage, after the engine's
    CHECK(loaded.mesh.zone_count() == loaded.data->zones.size());
}
