// Bad input through the command line: one clear message naming the file, row or
// feature, a distinct exit code, and nothing half-written left behind.
#include "../test_data.hpp"

#include <lp/core/error.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct Run {
    int code;
    std::string output;
};

Run run(const std::string& args) {
    const std::string command = std::string(LP_BINARY_DIR) + "/bin/boundaries " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    std::array<char, 4096> buf{};
    while (std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string fixture(const std::string& name) { return std::string(LP_SOURCE_DIR) + "/tests/fixtures/" + name; }

int code(lp::ExitCode c) { return static_cast<int>(c); }

} // namespace

TEST_CASE("bad input gives a clear message and a distinct exit code", "[cli][io]") {
    const std::string zones = "--zones " + fixture("three_zones.geojson") + " --id-field zone ";

    SECTION("missing file") {
        auto r = run("inspect --zones /nonexistent/zones.gpkg --id-field dz11_code");
        CHECK(r.code == code(lp::ExitCode::file_not_found));
        CHECK_THAT(r.output, Catch::Contains("/nonexistent/zones.gpkg: file not found"));
    }
    SECTION("unknown layer") {
        auto r = run("inspect --zones " + lp::test::scotland_gpkg() + " --layer councils --id-field dz11_code");
        CHECK(r.code == code(lp::ExitCode::layer_not_found));
        CHECK_THAT(r.output, Catch::Contains("no layer named 'councils'") && Catch::Contains("datazones"));
    }
    SECTION("unknown field") {
        auto r = run("inspect --zones " + fixture("three_zones.geojson") + " --id-field dz11_code");
        CHECK(r.code == code(lp::ExitCode::field_not_found));
        CHECK_THAT(r.output, Catch::Contains("no id field 'dz11_code'") && Catch::Contains("zone, name, ward"));
    }
    SECTION("no CRS") {
        const fs::path dir = fs::temp_directory_path() / "lp_no_crs";
        fs::remove_all(dir);
        fs::create_directories(dir);
        for (const char* ext : {".shp", ".shx", ".dbf"}) // the .prj stays behind
            fs::copy_file(lp::test::data(std::string("shapefiles/orkney_islands/dz2011_orkney_islands") + ext),
                          dir / (std::string("orkney") + ext));
        auto r = run("inspect --zones " + (dir / "orkney.shp").string() + " --id-field dz11_code");
        CHECK(r.code == code(lp::ExitCode::crs_problem));
        CHECK_THAT(r.output, Catch::Contains("orkney.shp") && Catch::Contains("no coordinate reference system"));
        fs::remove_all(dir);
    }
    SECTION("a table given as the zone layer") {
        auto r = run("inspect --zones " + fixture("demand_ok.csv") + " --id-field zone");
        CHECK(r.code == code(lp::ExitCode::bad_geometry));
        CHECK_THAT(r.output, Catch::Contains("demand_ok.csv: layer 'demand_ok' is a table without geometry"));
    }
    SECTION("duplicate zone ids") {
        auto r = run("inspect --zones " + fixture("duplicate_ids.geojson") + " --id-field zone");
        CHECK(r.code == code(lp::ExitCode::duplicate_id));
        CHECK_THAT(r.output, Catch::Contains("feature 3: duplicate zone 'A' (first at feature 1)"));
    }
    SECTION("non-numeric demand value") {
        auto r = run("inspect " + zones + "--demand " + fixture("demand_not_numeric.csv"));
        CHECK(r.code == code(lp::ExitCode::bad_value));
        CHECK_THAT(r.output, Catch::Contains("demand_not_numeric.csv line 3") && Catch::Contains("'two hundred' is not a number"));
    }
    SECTION("a filter that matches nothing") {
        auto r = run("inspect --zones " + lp::test::scotland_gpkg() + " --id-field dz11_code --filter-field ca_code --filter S12999999");
        CHECK(r.code == code(lp::ExitCode::filter_matches_nothing));
        CHECK_THAT(r.output, Catch::Contains("no feature has ca_code in {S12999999}"));
    }
    SECTION("demand rows for unknown zones") {
        auto r = run("inspect " + zones + "--demand " + fixture("demand_unknown_zone.csv"));
        CHECK(r.code == code(lp::ExitCode::unknown_zone));
        CHECK_THAT(r.output, Catch::Contains("demand_unknown_zone.csv line 4: zone 'Z' is not a zone of") &&
                                 Catch::Contains("1 zone(s) of the layer have no row"));
    }
    SECTION("a wider table (a row for every zone and more) joins like a national table to one council") {
        auto r = run("inspect " + zones + "--demand " + fixture("demand_wider_area.csv"));
        CHECK(r.code == 0);
        CHECK_THAT(r.output, Catch::Contains("demand:      pop"));
    }
    SECTION("a filtered layer knows every zone of its file: an unknown code is an error") {
        const std::string csv = std::string(LP_BINARY_DIR) + "/unknown_national.csv";
        std::ofstream(csv) << "dz11_code,x\nS01011816,1\nS01999999,2\n";
        auto r = run("inspect --zones " + lp::test::scotland_gpkg() +
                     " --id-field dz11_code --filter-field ca_code --filter S12000023 --demand " + csv);
        CHECK(r.code == code(lp::ExitCode::unknown_zone));
        CHECK_THAT(r.output, Catch::Contains("unknown_national.csv line 3: dz11_code 'S01999999' is not a zone"));
    }
    SECTION("zones with no demand row") {
        auto r = run("inspect " + zones + "--demand " + fixture("demand_missing_zone.csv"));
        CHECK(r.code == code(lp::ExitCode::missing_row));
        CHECK_THAT(r.output, Catch::Contains("demand_missing_zone.csv: no row for zone B"));
    }
    SECTION("an output that cannot be written leaves nothing behind") {
        const fs::path dir = fs::temp_directory_path() / "lp_unwritable";
        fs::remove_all(dir);
        fs::create_directories(dir);
        auto r = run("dissolve " + zones + "--out " + (dir / "missing_folder" / "out.geojson").string());
        CHECK(r.code == code(lp::ExitCode::write_failed));
        CHECK(fs::is_empty(dir));
        fs::remove_all(dir);
    }
    SECTION("an output the command cannot write is refused before any work") {
        auto r = run("generate " + zones + "--demand " + fixture("demand_ok.csv") +
                     " --localities 2 --balance pop --out " + std::string(LP_BINARY_DIR) + "/localities.txt");
        CHECK(r.code == code(lp::ExitCode::usage));
        CHECK_THAT(r.output, Catch::Contains("localities.txt: unknown output format '.txt'"));
        CHECK_THAT(r.output, !Catch::Contains("localities into")); // refused before partitioning
    }
    SECTION("good input works") {
        auto r = run("inspect " + zones + "--demand " + fixture("demand_ok.csv"));
        CHECK(r.code == 0);
        CHECK_THAT(r.output, Catch::Contains("zones:       3") && Catch::Contains("edges:       2 (2 land, 0 crossings)"));
    }
}
