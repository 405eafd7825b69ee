// A generated plan records the rules it was made by (issue 21): `generate --plan`
// writes the partitioner's rules, the building blocks and settlements beside the bands,
// and the engine makes the same plan again from that record alone (lp::rules_of_plan,
// lp::run_options), as the viewer's generate and optimise do.
#include <catch2/catch.hpp>

#include "../cli_run.hpp"
#include "../scratch_folder.hpp"

#include <lp/data/dataset.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/generate/run_rules.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/plan/plan_sources.hpp>

#include <filesystem>
#include <string>

namespace {

const std::string data = LP_SHARED_DATA;

} // namespace

TEST_CASE("generate --plan records its rules, and the plan's rules make the same plan again", "[cli][rules]") {
    const std::filesystem::path dir = lp::test::scratch_folder("plan_rules");
    const std::string wards = data + "/wards2022_scotland.gpkg:wards:ward22_code";
    const std::string command =
        "generate --zones " + data + "/dz2011_scotland_bng.gpkg --layer datazones --id-field dz11_code "
        "--filter-field ca_code --filter S12000047 --demand " + data + "/demand/dz2011_population_2020.csv "
        "--demand " + data + "/demand/dz2011_access_rurality.csv --demand " + data + "/demand/dz2011_lookup.csv "
        "--localities 4 --balance pop2020_total:20% --settlements urban_rural_6fold_2016:1-4 --split-settlements "
        "when-forced --building-blocks " + wards + " --blocks hard --keep-whole iz11_code --split-cost 40 "
        "--seed 5 --effort 0.5 --out " + (dir / "fife.geojson").string() + " --plan " + (dir / "fife.json").string();
    const auto run = lp::test::boundaries(command, dir.string());
    INFO(run.output);
    REQUIRE(run.status == 0);

    const lp::LocalityPlan plan = lp::read_plan((dir / "fife.json").string());
    REQUIRE(plan.partitioner);
    const lp::PartitionerRules& r = *plan.partitioner;
    CHECK(r.cut_cost.empty()); // automatic: people, since a population is balanced
    CHECK(r.split_settlements == "when-forced");
    CHECK(r.keep_whole == "iz11_code");
    CHECK(r.split_cost == 40);
    CHECK(r.blocks == "hard");
    CHECK(r.block_split_cost < 0);
    CHECK(r.seed == 5);
    CHECK(r.effort == 0.5);
    CHECK(plan.sources.at("building_blocks") ==
          std::filesystem::path(data + "/wards2022_scotland.gpkg").lexically_normal().string() + ":wards:ward22_code");
    CHECK(plan.sources.at("settlements") == "urban_rural_6fold_2016:1-4");
    REQUIRE(plan.balance.size() == 1);
    CHECK(plan.balance[0].tolerance == 0.2);

    // The record alone is enough to make the plan again.
    const lp::RunRules rules = lp::rules_of_plan(plan, (dir / "fife.json").string());
    const lp::DatasetOptions sources = lp::dataset_options_from_plan(plan, (dir / "fife.json").string());
    lp::LocalityRunOptions options = lp::run_options(rules, sources.demand_paths);
    options.k = static_cast<int>(plan.localities.size());
    const lp::Dataset dataset = lp::load_dataset(sources);
    const lp::LocalityRun again = lp::run_localities(dataset, options);
    CHECK(again.rules == rules);
    std::size_t same = 0;
    for (std::size_t z = 0; z < dataset.zones.size(); ++z)
        same += plan.assignment.at(dataset.zones.ids[z]) == "L" + std::to_string(again.result.assignment[z] + 1);
    CHECK(same == dataset.zones.size());

    // A plan whose building blocks are a remote file is refused before anything opens it.
    lp::LocalityPlan remote = plan;
    remote.sources["building_blocks"] = "/vsicurl/http://example.org/wards.gpkg:wards:ward22_code";
    CHECK_THROWS_WITH(lp::rules_of_plan(remote, "p.json"),
                      Catch::Contains("p.json: /sources/building_blocks: \"/vsicurl/http://example.org/wards.gpkg\""));
}
