// `boundaries tradeoff` end to end on Orkney: every band's GeoJSON, lookup and plan file,
// tradeoff.csv and tradeoff.html, the table on stdout, the chart in the plan report, and
// the refusals (a bad band, a band twice, an output that is an input).
#include "../cli_run.hpp"
#include "../scratch_folder.hpp"
#include "../test_data.hpp"

#include "exit_codes.hpp"

#include <lp/io/csv_table.hpp>
#include <lp/plan/plan_file.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string orkney(const std::string& extra) {
    using lp::test::data;
    return "--zones " + lp::test::scotland_gpkg() + " --layer datazones --id-field dz11_code --filter-field ca_code "
           "--filter S12000023 --demand " + data("demand/dz2011_population_2020.csv") + " --demand " +
           data("demand/dz2011_access_rurality.csv") + " --demand " + data("demand/dz2011_lookup.csv") +
           " --settlements urban_rural_6fold_2016:1-4 -k 3 --balance pop2020_total:5% " + extra;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

int code(lp::app::ExitCode c) { return lp::app::exit_status(c); }

} // namespace

TEST_CASE("tradeoff on Orkney writes every band and the chart", "[cli][tradeoff][real]") {
    const std::string tmp = lp::test::scratch_folder("tradeoff_cli");
    const std::string out = tmp + "/out";
    const auto run = lp::test::boundaries("tradeoff " + orkney("--bands 5%,25%,soft --out-dir " + out), tmp);
    INFO(run.output);
    REQUIRE(run.status == 0);

    for (const char* stem : {"band_5pct", "band_25pct", "band_soft"})
        for (const char* suffix : {".geojson", "_assignment.csv", ".plan.json"})
            CHECK(fs::is_regular_file(fs::path(out) / (std::string(stem) + suffix)));
    CHECK(fs::is_regular_file(fs::path(out) / "tradeoff.csv"));
    CHECK(fs::is_regular_file(fs::path(out) / "tradeoff.html"));

    const lp::CsvTable table = lp::read_csv_file(out + "/tradeoff.csv");
    REQUIRE(table.rows.size() == 3);
    const std::size_t band = *table.column("band"), towns = *table.column("towns_split");
    CHECK(table.rows[0][band] == "5%");
    CHECK(table.rows[1][band] == "25%");
    CHECK(table.rows[2][band] == "soft");
    CHECK(table.rows[2][towns] == "0"); // settlements move whole under a soft band
    CHECK(table.rows[0][*table.column("zones_changed")].empty());

    // Each plan reads back with the engine's reader: three localities over every zone.
    for (const char* stem : {"band_5pct", "band_25pct", "band_soft"}) {
        const lp::LocalityPlan plan = lp::read_plan(out + "/" + stem + ".plan.json");
        CHECK(plan.localities.size() == 3);
        CHECK(plan.partnership_code == "S37000022"); // the lookup's hscp_code
        CHECK(plan.sources.at("settlements") == "urban_rural_6fold_2016:1-4");
        CHECK_FALSE(plan.arrangements.empty());
        std::ifstream geojson_file(out + "/" + stem + ".geojson");
        const auto geojson = nlohmann::json::parse(geojson_file);
        CHECK(geojson["features"].size() == 3);
        CHECK(plan.assignment.size() == lp::read_csv_file(out + "/" + stem + "_assignment.csv").rows.size());
    }
    CHECK(lp::read_plan(out + "/band_25pct.plan.json").balance.front().tolerance == Approx(0.25));

    const std::string html = lp::test::read_text(out + "/tradeoff.html");
    CHECK(html.find("<h1>Trade-off: Orkney Islands</h1>") != std::string::npos);
    CHECK(count(html, "class=\"mark\"") == 9); // three panels of three bands

    // stdout: progress per band, then the table, aligned, one row per band.
    CHECK(run.output.find("band 1/3 5%:") != std::string::npos);
    CHECK(run.output.find("band 3/3 soft:") != std::string::npos);
    const auto header = run.output.find("band  towns split  people on a boundary");
    REQUIRE(header != std::string::npos);
    const std::string header_line = run.output.substr(header, run.output.find('\n', header) - header);
    std::size_t at = run.output.find('\n', header) + 1;
    for (const char* label : {"5%  ", "25% ", "soft"}) {
        const std::string line = run.output.substr(at, run.output.find('\n', at) - at);
        CHECK(line.rfind(label, 0) == 0);
        CHECK(line.size() == header_line.size()); // numbers right-aligned under their headings
        at = run.output.find('\n', at) + 1;
    }

    // The plan report draws the same chart from tradeoff.csv.
    const auto report = lp::test::boundaries("report --plan " + out + "/band_soft.plan.json --tradeoff " + out +
                                                 "/tradeoff.csv --out " + tmp + "/report",
                                             tmp);
    INFO(report.output);
    REQUIRE(report.status == 0);
    const std::string report_html = lp::test::read_text(tmp + "/report/report.html");
    CHECK(report_html.find("<h2>Trade-off: what each band costs</h2>") != std::string::npos);
    CHECK(count(report_html, "class=\"mark\"") == 9);
    // A report may not overwrite the table it reads.
    CHECK(lp::test::boundaries("report --plan " + out + "/band_soft.plan.json --tradeoff " + tmp + "/report/check.csv" +
                                   " --out " + tmp + "/report",
                               tmp)
              .status == code(lp::app::ExitCode::output_is_input));
}

TEST_CASE("tradeoff refuses a bad band, a band given twice and an output that is an input", "[cli][tradeoff]") {
    const std::string tmp = lp::test::scratch_folder("tradeoff_cli_refusals");
    const std::string out = tmp + "/out";

    auto bad = lp::test::boundaries("tradeoff " + orkney("--bands 5%,lots --out-dir " + out), tmp);
    CHECK(bad.status == code(lp::app::ExitCode::usage));
    CHECK(bad.output.find("--bands 5%,lots: 'lots' is not a band") != std::string::npos);

    auto twice = lp::test::boundaries("tradeoff " + orkney("--bands 5%,5% --out-dir " + out), tmp);
    CHECK(twice.status == code(lp::app::ExitCode::usage));
    CHECK(twice.output.find("'5%' is given twice") != std::string::npos);

    auto no_folder = lp::test::boundaries("tradeoff " + orkney("--bands 5%"), tmp);
    CHECK(no_folder.status == code(lp::app::ExitCode::usage));

    // A hubs file where tradeoff.csv would go: refused before any work, nothing written.
    fs::create_directories(out);
    std::ofstream(out + "/tradeoff.csv") << "zone\nS01011386\n";
    auto clash = lp::test::boundaries("tradeoff " + orkney("--hubs " + out + "/tradeoff.csv --out-dir " + out),
                                      tmp);
    CHECK(clash.status == code(lp::app::ExitCode::output_is_input));
    CHECK(clash.output.find("--hubs") != std::string::npos);
    CHECK_FALSE(fs::exists(fs::path(out) / "band_5pct.geojson"));
    CHECK(lp::test::read_text(out + "/tradeoff.csv") == "zone\nS01011386\n");
}
