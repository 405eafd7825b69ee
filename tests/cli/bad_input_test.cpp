// Bad input through the command line: one clear message naming the file, row or
// feature, a distinct exit code, and nothing half-written left behind.
#include "../cli_run.hpp"
#include "../scratch_folder.hpp"
#include "../test_data.hpp"

#include "exit_codes.hpp"

#include <lp/core/error.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace fs = std::filesystem;

namespace {

using lp::test::boundaries;
using lp::test::Run;

std::string fixture(const std::string& name) { return std::string(LP_SOURCE_DIR) + "/tests/fixtures/" + name; }

using lp::app::exit_status;
using lp::app::ExitCode;

} // namespace

TEST_CASE("bad input gives a clear message and a distinct exit code", "[cli][io]") {
    const std::string zones = "--zones " + fixture("three_zones.geojson") + " --id-field zone ";

    SECTION("missing file") {
        auto r = boundaries("inspect --zones /nonexistent/zones.gpkg --id-field dz11_code");
        CHECK(r.status == exit_status(ExitCode::file_not_found));
        CHECK_THAT(r.output, Catch::Contains("/nonexistent/zones.gpkg: file not found"));
    }
    SECTION("unknown layer") {
        auto r = boundaries("inspect --zones " + lp::test::scotland_gpkg() + " --layer councils --id-field dz11_code");
        CHECK(r.status == exit_status(ExitCode::layer_not_found));
        CHECK_THAT(r.output, Catch::Contains("no layer named 'councils'") && Catch::Contains("datazones"));
    }
    SECTION("unknown field") {
        auto r = boundaries("inspect --zones " + fixture("three_zones.geojson") + " --id-field dz11_code");
        CHECK(r.status == exit_status(ExitCode::field_not_found));
        CHECK_THAT(r.output, Catch::Contains("no id field 'dz11_code'") && Catch::Contains("zone, name, ward"));
    }
    SECTION("no CRS") {
        const fs::path dir = lp::test::scratch_folder("no_crs");
        for (const char* ext : {".shp", ".shx", ".dbf"}) // the .prj stays behind
            fs::copy_file(lp::test::data(std::string("shapefiles/orkney_islands/dz2011_orkney_islands") + ext),
                          dir / (std::string("orkney") + ext));
        auto r = boundaries("inspect --zones " + (dir / "orkney.shp").string() + " --id-field dz11_code");
        CHECK(r.status == exit_status(ExitCode::crs_problem));
        CHECK_THAT(r.output, Catch::Contains("orkney.shp") && Catch::Contains("no coordinate reference system"));
        fs::remove_all(dir);
    }
    SECTION("a table given as the zone layer") {
        auto r = boundaries("inspect --zones " + fixture("demand_ok.csv") + " --id-field zone");
        CHECK(r.status == exit_status(ExitCode::bad_geometry));
        CHECK_THAT(r.output, Catch::Contains("demand_ok.csv: layer 'demand_ok' is a table without geometry"));
    }
    SECTION("duplicate zone ids") {
        auto r = boundaries("inspect --zones " + fixture("duplicate_ids.geojson") + " --id-field zone");
        CHECK(r.status == exit_status(ExitCode::duplicate_id));
        CHECK_THAT(r.output, Catch::Contains("feature 3: duplicate zone 'A' (first at feature 1)"));
    }
    SECTION("non-numeric demand value") {
        auto r = boundaries("inspect " + zones + "--demand " + fixture("demand_not_numeric.csv"));
        CHECK(r.status == exit_status(ExitCode::bad_value));
        CHECK_THAT(r.output, Catch::Contains("demand_not_numeric.csv line 3") && Catch::Contains("'two hundred' is not a number"));
    }
    SECTION("a filter that matches nothing") {
        auto r = boundaries("inspect --zones " + lp::test::scotland_gpkg() + " --id-field dz11_code --filter-field ca_code --filter S12999999");
        CHECK(r.status == exit_status(ExitCode::filter_matches_nothing));
        CHECK_THAT(r.output, Catch::Contains("no feature has ca_code in {S12999999}"));
    }
    SECTION("demand rows for unknown zones") {
        auto r = boundaries("inspect " + zones + "--demand " + fixture("demand_unknown_zone.csv"));
        CHECK(r.status == exit_status(ExitCode::unknown_zone));
        CHECK_THAT(r.output, Catch::Contains("demand_unknown_zone.csv line 4: zone 'Z' is not a zone of") &&
                                 Catch::Contains("1 zone(s) of the layer have no row"));
    }
    SECTION("a wider table (a row for every zone and more) joins like a national table to one council") {
        auto r = boundaries("inspect " + zones + "--demand " + fixture("demand_wider_area.csv"));
        CHECK(r.status == 0);
        CHECK_THAT(r.output, Catch::Contains("demand:      pop"));
    }
    SECTION("a filtered layer knows every zone of its file: an unknown code is an error") {
        const std::string csv = lp::test::scratch_folder("unknown_national") + "/unknown_national.csv";
        std::ofstream(csv) << "dz11_code,x\nS01011816,1\nS01999999,2\n";
        auto r = boundaries("inspect --zones " + lp::test::scotland_gpkg() +
                     " --id-field dz11_code --filter-field ca_code --filter S12000023 --demand " + csv);
        CHECK(r.status == exit_status(ExitCode::unknown_zone));
        CHECK_THAT(r.output, Catch::Contains("unknown_national.csv line 3: dz11_code 'S01999999' is not a zone"));
    }
    SECTION("zones with no demand row") {
        auto r = boundaries("inspect " + zones + "--demand " + fixture("demand_missing_zone.csv"));
        CHECK(r.status == exit_status(ExitCode::missing_row));
        CHECK_THAT(r.output, Catch::Contains("demand_missing_zone.csv: no row for zone B"));
    }
    SECTION("an output that cannot be written leaves nothing behind") {
        const fs::path dir = lp::test::scratch_folder("unwritable");
        auto r = boundaries("dissolve " + zones + "--out " + (dir / "missing_folder" / "out.geojson").string());
        CHECK(r.status == exit_status(ExitCode::write_failed));
        CHECK(fs::is_empty(dir));
        fs::remove_all(dir);
    }
    SECTION("an output the command cannot write is refused before any work") {
        auto r = boundaries("generate " + zones + "--demand " + fixture("demand_ok.csv") +
                     " --localities 2 --balance pop --out " + lp::test::scratch_folder("unknown_format") +
                     "/localities.txt");
        CHECK(r.status == exit_status(ExitCode::usage));
        CHECK_THAT(r.output, Catch::Contains("localities.txt: unknown output format '.txt'"));
        CHECK_THAT(r.output, !Catch::Contains("localities into")); // refused before partitioning
    }
    SECTION("good input works") {
        auto r = boundaries("inspect " + zones + "--demand " + fixture("demand_ok.csv"));
        CHECK(r.status == 0);
        CHECK_THAT(r.output, Catch::Contains("zones:       3") && Catch::Contains("edges:       2 (2 land, 0 crossings)"));
    }
}

namespace {

// A fresh folder for one case's inputs and outputs; `left()` lists what is in it.
struct Scratch {
    fs::path dir;
    explicit Scratch(const std::string& name) : dir(lp::test::scratch_folder("bad_input_" + name)) {}
    ~Scratch() { fs::remove_all(dir); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
        return (dir / name).string();
    }
    std::string path(const std::string& name) const { return (dir / name).string(); }
    std::set<std::string> left() const {
        std::set<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
        return names;
    }
};

} // namespace

TEST_CASE("ordinary bad input is a named error, never exit 1 (issue 15 items 5-7)", "[cli][io]") {
    const std::string zones = "--zones " + fixture("three_zones.geojson") + " --id-field zone ";
    const std::string demand = "--demand " + fixture("demand_ok.csv") + " ";

    SECTION("item 5: a plan number out of double range names the file and line") {
        Scratch s("plan_range");
        const std::string plan = s.write("plan.json", "{\n  \"schema_version\": 1,\n  \"partnership\": 1e309\n}\n");
        auto r = boundaries("check --plan " + plan);
        CHECK(r.status == exit_status(ExitCode::bad_plan));
        CHECK_THAT(r.output, Catch::Contains("plan.json: line 3") && Catch::Contains("out of range"));
        CHECK(s.left() == std::set<std::string>{"plan.json"});
    }
    SECTION("item 5: lock CSVs in Windows-1252 and UTF-8 with a BOM are read; a byte neither allows names the line") {
        Scratch s("encodings");
        const std::string cp1252 = s.write("lock1252.csv", "zone,locality\nA,\xCCle\n");
        auto r = boundaries("generate " + zones + demand + "--localities 2 --balance pop:50% --lock " + cp1252 + " --out " +
                     s.path("out.geojson") + " --assignment " + s.path("out.csv"));
        CHECK(r.status != exit_status(ExitCode::unexpected));
        CHECK((r.status == 0 || r.status == exit_status(ExitCode::tolerance_not_met)));
        std::ifstream in(s.path("out.csv"));
        const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK_THAT(written, Catch::Contains("\xC3\x8Cle")); // written as UTF-8
        const std::string bom = s.write("lockbom.csv", "\xEF\xBB\xBFzone,locality\nA,\xC3\x8Cle\n");
        r = boundaries("generate " + zones + demand + "--localities 2 --balance pop:50% --lock " + bom + " --out " +
                s.path("bom.geojson"));
        CHECK((r.status == 0 || r.status == exit_status(ExitCode::tolerance_not_met)));
        const std::string bad = s.write("lockbad.csv", "zone,locality\nA,x\nB,\x81\n");
        const auto before = s.left();
        r = boundaries("generate " + zones + demand + "--localities 2 --balance pop:50% --lock " + bad + " --out " +
                s.path("bad.geojson"));
        CHECK(r.status == exit_status(ExitCode::bad_value));
        CHECK_THAT(r.output, Catch::Contains("lockbad.csv: line 3: byte 0x81"));
        CHECK(s.left() == before);
    }
    SECTION("item 5: an --out-dir that is a file and an unwritable .gpkg are named errors") {
        Scratch s("out_dir_file");
        const std::string file = s.write("not_a_folder", "x");
        auto r = boundaries("generate " + zones + demand + "--all --group-field ward --localities 2 --balance pop:50% --out-dir " + file);
        CHECK(r.status != exit_status(ExitCode::unexpected));
        CHECK((r.status == exit_status(ExitCode::output_not_regular) || r.status == exit_status(ExitCode::write_failed)));
        CHECK_THAT(r.output, Catch::Contains("not_a_folder"));
        r = boundaries("dissolve " + zones + "--out " + s.path("missing/out.gpkg"));
        CHECK(r.status == exit_status(ExitCode::write_failed));
        CHECK_THAT(r.output, Catch::Contains("out.gpkg"));
        CHECK(s.left() == std::set<std::string>{"not_a_folder"});
    }
    SECTION("item 6: out-of-range options are refused before reading, exit 2") {
        Scratch s("options");
        const std::string out = " --out " + s.path("out.geojson");
        auto r = boundaries("generate " + zones + demand + "--localities 2 --balance pop:-5%" + out);
        CHECK(r.status == exit_status(ExitCode::usage));
        CHECK_THAT(r.output, Catch::Contains("--balance pop:-5%") && Catch::Contains("expected COLUMN[:TOLERANCE"));
        CHECK_THAT(r.output, !Catch::Contains("localities ("));
        r = boundaries("generate " + zones + demand + "--localities 2 --balance pop:5%:firm" + out);
        CHECK(r.status == exit_status(ExitCode::usage));
        r = boundaries("generate " + zones + demand + "--localities 2 --balance pop --snap -10" + out);
        CHECK(r.status == exit_status(ExitCode::usage));
        CHECK_THAT(r.output, Catch::Contains("--snap -10"));
        r = boundaries("generate " + zones + demand + "--localities 2 --balance pop --snap nan" + out);
        CHECK(r.status == exit_status(ExitCode::usage));
        r = boundaries("generate " + zones + demand + "--localities 2 --balance pop --effort -1" + out);
        CHECK(r.status == exit_status(ExitCode::usage));
        CHECK_THAT(r.output, Catch::Contains("--effort -1"));
        r = boundaries("generate " + zones + demand + "--localities 0 --balance pop" + out);
        CHECK(r.status == exit_status(ExitCode::usage));
        CHECK_THAT(r.output, Catch::Contains("--localities 0"));
        CHECK(s.left().empty());
    }
    SECTION("item 6: a demand value of 1e308 names file, line and zone") {
        Scratch s("huge_demand");
        const std::string csv = s.write("huge.csv", "zone,pop\nA,100\nB,1e308\nC,300\n");
        auto r = boundaries("generate " + zones + "--demand " + csv + " --localities 2 --balance pop --out " + s.path("out.geojson"));
        CHECK(r.status == exit_status(ExitCode::bad_value));
        CHECK_THAT(r.output, Catch::Contains("huge.csv line 3, column pop") && Catch::Contains("zone B"));
        CHECK(s.left() == std::set<std::string>{"huge.csv"});
    }
    SECTION("item 7: a gap or \"1,234\" in the first row does not drop the column") {
        Scratch s("first_row");
        const std::string commas = s.write("commas.csv", "zone,pop\nA,\"1,000\"\nB,200\nC,300\n");
        auto r = boundaries("inspect " + zones + "--demand " + commas);
        CHECK(r.status == 0);
        CHECK_THAT(r.output, Catch::Contains("demand:      pop"));
        const std::string gap = s.write("gap.csv", "zone,pop\nA,\nB,200\nC,300\n");
        r = boundaries("generate " + zones + "--demand " + gap + " --localities 2 --balance pop --out " + s.path("out.geojson"));
        CHECK(r.status == exit_status(ExitCode::bad_value));
        CHECK_THAT(r.output, Catch::Contains("gap.csv line 2, column pop: no value (zone A)"));
        const std::string words = s.write("words.csv", "zone,pop\nA,n/a\nB,200\nC,300\n");
        r = boundaries("inspect " + zones + "--demand " + words);
        CHECK(r.status == exit_status(ExitCode::bad_value));
        CHECK_THAT(r.output, Catch::Contains("words.csv line 2, column pop: 'n/a' is not a number (zone A)"));
        CHECK(s.left() == std::set<std::string>{"commas.csv", "gap.csv", "words.csv"});
    }
    SECTION("item 7: a non-finite coordinate names the file and feature") {
        Scratch s("nan_coordinate");
        std::ifstream in(fixture("three_zones.geojson"));
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto at = text.find("[-3.18,55.90],[-3.17,55.90]");
        REQUIRE(at != std::string::npos);
        text.replace(at, 13, "[-3.18,1e999]");
        const std::string layer = s.write("nan.geojson", text);
        auto r = boundaries("inspect --zones " + layer + " --id-field zone");
        CHECK(r.status == exit_status(ExitCode::bad_geometry));
        CHECK_THAT(r.output, Catch::Contains("nan.geojson: feature 3") && Catch::Contains("not a finite number"));
    }
    SECTION("item 7: a key given twice in a plan is refused naming the key") {
        Scratch s("duplicate_key");
        const std::string plan =
            s.write("dup.json", "{\"schema_version\": 1, \"assignment\": {\"A\": 1, \"B\": 2, \"A\": 2}, \"assignment\": {}}\n");
        auto r = boundaries("check --plan " + plan);
        CHECK(r.status == exit_status(ExitCode::bad_plan));
        CHECK_THAT(r.output, Catch::Contains("dup.json") && Catch::Contains("/assignment: key \"A\" appears twice"));
        CHECK(s.left() == std::set<std::string>{"dup.json"});
    }
}
