// `boundaries ensemble` on the committed sample council: from a plan file and from the
// partitioner's plan, the four outputs are there and say what they should.
#include "../plan/plan_fixtures.hpp"

#include <lp/io/csv_table.hpp>

#include "../cli_run.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace {

using lp::test::boundaries;
using lp::test::Run;
using lp::test::read_text;

const std::string sample = std::string(LP_SOURCE_DIR) + "/samples/sample_council";
const std::string data = "--zones " + sample + "/zones.geojson --id-field zone_code --demand " + sample +
                         "/demand.csv --crossings " + sample + "/crossings.csv";

// The four outputs of a run into folder, checked for what every run must give.
nlohmann::json check_outputs(const std::string& folder, std::size_t zones) {
    const auto summary = nlohmann::json::parse(read_text(folder + "/summary.json"));
    REQUIRE(summary["samples"].get<std::size_t>() > 0);
    REQUIRE(summary["metrics"].size() >= 4);
    for (const auto& [name, metric] : summary["metrics"].items()) {
        INFO(name);
        const double percentile = metric["percentile"].get<double>();
        CHECK(percentile >= 0);
        CHECK(percentile <= 100);
        CHECK(metric["quantiles"]["5"].get<double>() <= metric["quantiles"]["50"].get<double>());
        CHECK(metric["quantiles"]["50"].get<double>() <= metric["quantiles"]["95"].get<double>());
    }

    const auto geojson = nlohmann::json::parse(read_text(folder + "/boundary_frequency.geojson"));
    REQUIRE(geojson["type"] == "FeatureCollection");
    REQUIRE(!geojson["features"].empty());
    bool some_sometimes = false;
    for (const auto& feature : geojson["features"]) {
        const std::string type = feature["geometry"]["type"];
        REQUIRE((type == "LineString" || type == "MultiLineString"));
        const double frequency = feature["properties"]["frequency"].get<double>();
        REQUIRE(frequency >= 0);
        REQUIRE(frequency <= 1);
        some_sometimes = some_sometimes || (frequency > 0 && frequency < 1);
        // WGS84: the sample council's longitudes and latitudes.
        const auto& first = type == "LineString" ? feature["geometry"]["coordinates"][0]
                                                 : feature["geometry"]["coordinates"][0][0];
        REQUIRE(std::abs(first[0].get<double>()) <= 180);
        REQUIRE(std::abs(first[1].get<double>()) <= 90);
    }
    CHECK(some_sometimes);

    const lp::CsvTable coassignment = lp::read_csv_file(folder + "/coassignment.csv");
    REQUIRE(coassignment.rows.size() == zones);
    const std::size_t share = *coassignment.column("share");
    for (const auto& row : coassignment.rows) {
        const double value = std::stod(row[share]);
        REQUIRE(value >= 0);
        REQUIRE(value <= 1);
    }

    const lp::CsvTable metrics = lp::read_csv_file(folder + "/metrics.csv");
    CHECK(metrics.rows.size() == summary["samples"].get<std::size_t>());
    CHECK(metrics.column("cut_length_m"));
    return summary;
}

} // namespace

TEST_CASE("CLI: boundaries ensemble on the sample council's plan and from the partitioner", "[ensemble][cli]") {
    const std::string folder = lp::test::scratch_folder("ensemble_cli");
    Run run = boundaries("generate " + data + " --localities 4 --balance pop2020_total:2% --seed 1 --out " + folder +
                             "/localities.geojson --assignment " + folder + "/assignment.csv",
                         folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    run = boundaries("plan import " + data + " --assignment " + folder + "/assignment.csv --code SMP01 --name Sample --out " +
                         folder + "/plan.json",
                     folder);
    REQUIRE(run.status == 0);

    run = boundaries("ensemble --plan " + folder + "/plan.json --balance pop2020_total:5% --steps 3000 --chains 2 --seed 5 --out " +
                         folder + "/from_plan",
                     folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    const std::size_t zones = lp::read_csv_file(folder + "/assignment.csv").rows.size();
    const auto summary = check_outputs(folder + "/from_plan", zones);
    CHECK(summary["plan_within_bands"] == true);
    CHECK(summary["interrupted"] == false);
    CHECK(summary["steps"] == 6000);
    CHECK(summary["metrics"].contains("max_deviation_pop2020_total"));
    CHECK(summary["metrics"]["max_deviation_pop2020_total"]["quantiles"]["95"].get<double>() <= 0.05 + 1e-9);

    // The same seed writes the same ensemble.
    run = boundaries("ensemble --plan " + folder + "/plan.json --balance pop2020_total:5% --steps 3000 --chains 2 --seed 5 --out " +
                         folder + "/again",
                     folder);
    REQUIRE(run.status == 0);
    CHECK(read_text(folder + "/again/metrics.csv") == read_text(folder + "/from_plan/metrics.csv"));

    run = boundaries("ensemble " + data + " --localities 3 --balance pop2020_total:5% --variant plain --steps 1000 --out " +
                         folder + "/from_partitioner",
                     folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    check_outputs(folder + "/from_partitioner", zones);

    // A plan without balance rules and no --balance: a usage error, nothing written.
    run = boundaries("ensemble --plan " + folder + "/plan.json --out " + folder + "/none", folder);
    CHECK(run.status == 2);
    CHECK(run.output.find("--balance") != std::string::npos);
}

TEST_CASE("CLI: boundaries ensemble says what its samples are worth and --target-ess runs until they are enough",
          "[ensemble][cli]") {
    const std::string folder = lp::test::scratch_folder("ensemble_target");
    Run run = boundaries("ensemble " + data + " --localities 3 --balance pop2020_total:10% --variant plain --steps 300 "
                         "--thin 1 --seed 2 --out " + folder + "/short",
                         folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    auto summary = nlohmann::json::parse(read_text(folder + "/short/summary.json"));
    bool all_reliable = true;
    for (const auto& [name, metric] : summary["metrics"].items()) {
        INFO(name);
        REQUIRE(metric["ess_per_chain"].size() == 2);
        const double total = metric["ess_per_chain"][0].get<double>() + metric["ess_per_chain"][1].get<double>();
        CHECK(metric["ess"].get<double>() == Approx(total).margin(0.11));
        CHECK(metric["percentile_90"][0].get<double>() <= metric["percentile"].get<double>() + 0.05);
        CHECK(metric["percentile_90"][1].get<double>() >= metric["percentile"].get<double>() - 0.05);
        const bool reliable = metric["ess"].get<double>() >= 100 && !metric["rhat"].is_null() && metric["rhat"].get<double>() <= 1.05;
        CHECK(metric["reliable"].get<bool>() == reliable);
        all_reliable = all_reliable && reliable;
    }
    CHECK(summary["reliable"].get<bool>() == all_reliable);
    CHECK(summary["warning"].is_null() == all_reliable);
    CHECK((run.output.find("too few independent samples") != std::string::npos) == !all_reliable);
    CHECK(summary["stopped_by"] == "steps");

    // Until every measure has 300 effective samples and R-hat <= 1.05.
    run = boundaries("ensemble " + data + " --localities 3 --balance pop2020_total:10% --variant plain --steps 300 "
                     "--seed 2 --target-ess 300 --out " + folder + "/target",
                     folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    CHECK(run.output.find("lowest ESS") != std::string::npos); // progress names the ESS so far
    summary = nlohmann::json::parse(read_text(folder + "/target/summary.json"));
    CHECK(summary["stopped_by"] == "target");
    CHECK(summary["reliable"] == true);
    CHECK(summary["warning"].is_null());
    CHECK(summary["steps"].get<std::uint64_t>() > 600);
    for (const auto& [name, metric] : summary["metrics"].items()) {
        INFO(name);
        CHECK(metric["ess"].get<double>() >= 300);
        CHECK(metric["rhat"].get<double>() <= 1.05);
    }
    const lp::CsvTable metrics = lp::read_csv_file(folder + "/target/metrics.csv");
    CHECK(metrics.rows.size() == summary["samples"].get<std::size_t>());

    // The same seed, the same run.
    run = boundaries("ensemble " + data + " --localities 3 --balance pop2020_total:10% --variant plain --steps 300 "
                     "--seed 2 --target-ess 300 --out " + folder + "/again",
                     folder);
    REQUIRE(run.status == 0);
    CHECK(read_text(folder + "/again/metrics.csv") == read_text(folder + "/target/metrics.csv"));

    // A target out of reach stops at the time cap, writes what it has and says so.
    run = boundaries("ensemble " + data + " --localities 3 --balance pop2020_total:10% --steps 300 --seed 2 "
                     "--target-ess 5000000 --max-seconds 1 --out " + folder + "/capped",
                     folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    summary = nlohmann::json::parse(read_text(folder + "/capped/summary.json"));
    CHECK(summary["stopped_by"] == "time cap");
    CHECK(summary["interrupted"] == false);
    CHECK(summary["timing"]["seconds"].get<double>() < 30);
    CHECK(run.output.find("--target-ess 5000000 not reached") != std::string::npos);
}
