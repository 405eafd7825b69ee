// --out into a GeoPackage that exists (issue 22, "data loss"): generate, dissolve and export
// add their layer (--layer-name, named after what they write by default) and keep the
// file's other layers and their layer_styles rows; a second run refuses (exit 15, naming
// the file, the layer, --overwrite and --layer-name) and leaves the file byte for byte;
// --overwrite replaces that layer only.
#include "../cli_run.hpp"
#include "../gpkg_fixture.hpp"
#include "../test_files.hpp"

#include "exit_codes.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace {

using lp::app::exit_status;
using lp::app::ExitCode;
using lp::test::gpkg_layers;
using lp::test::gpkg_styles_of;
using lp::test::Run;
using Layers = std::map<std::string, long long>;

using lp::test::bytes;

// A fresh folder (one per process) with the three-zone fixture, its demand table and the
// team's corporate.gpkg (wards 2, sites 3, a layer_styles row for wards).
fs::path scratch(const std::string& name) {
    const fs::path dir = lp::test::temp_folder("lp_gpkg_cli_" + name);
    fs::copy_file(std::string(LP_SOURCE_DIR) + "/tests/fixtures/three_zones.geojson", dir / "z.geojson");
    fs::copy_file(std::string(LP_SOURCE_DIR) + "/tests/fixtures/demand_ok.csv", dir / "d.csv");
    lp::test::make_corporate_gpkg((dir / "corporate.gpkg").string());
    return dir;
}

std::string data_options(const fs::path& dir) {
    return "--zones " + (dir / "z.geojson").string() + " --id-field zone --demand " + (dir / "d.csv").string();
}

Run generate(const fs::path& dir, int k, const std::string& extra) {
    return lp::test::boundaries("generate " + data_options(dir) + " --localities " + std::to_string(k) +
                                    " --balance pop:60% --out " + (dir / "corporate.gpkg").string() + extra,
                                dir.string());
}

// The team's layers and style as make_corporate_gpkg made them, beside `ours`.
void check_corporate_kept(const std::string& path, const Layers& ours, std::size_t own_style_rows) {
    Layers expected{{"wards", 2}, {"sites", 3}, {"layer_styles", 1 + static_cast<long long>(own_style_rows)}};
    expected.insert(ours.begin(), ours.end());
    CHECK(gpkg_layers(path) == expected);
    const auto wards = gpkg_styles_of(path, "wards");
    REQUIRE(wards.size() == 1);
    CHECK(std::get<1>(wards[0]) == "corporate wards");
    CHECK(std::get<2>(wards[0]) == lp::test::corporate_wards_qml);
}

void check_refused(const Run& run, const std::string& path, const std::string& layer) {
    INFO(run.output);
    CHECK(run.status == exit_status(ExitCode::output_is_input));
    CHECK_THAT(run.output, Catch::Contains(path + ": has a layer '" + layer + "' already; nothing was written") &&
                               Catch::Contains("--overwrite") && Catch::Contains("--layer-name"));
}

} // namespace

TEST_CASE("generate --out an existing GeoPackage adds a localities layer and keeps the others", "[cli][gpkg]") {
    const fs::path dir = scratch("generate");
    const std::string path = (dir / "corporate.gpkg").string();

    const Run first = generate(dir, 2, "");
    INFO(first.output);
    REQUIRE(first.status == 0);
    CHECK_THAT(first.output, Catch::Contains("wrote " + path + " (layer localities)"));
    check_corporate_kept(path, {{"localities", 2}}, 1);
    CHECK(gpkg_styles_of(path, "localities").size() == 1);

    // Again without --overwrite: refused before any work, the file as it was.
    const std::string before = bytes(dir / "corporate.gpkg");
    const Run again = generate(dir, 3, "");
    check_refused(again, path, "localities");
    CHECK_THAT(again.output, !Catch::Contains("zones into")); // refused before partitioning
    CHECK(bytes(dir / "corporate.gpkg") == before);

    // --overwrite replaces that layer (now 3 localities) and its style row, nothing else.
    const Run replaced = generate(dir, 3, " --overwrite");
    INFO(replaced.output);
    REQUIRE(replaced.status == 0);
    check_corporate_kept(path, {{"localities", 3}}, 1);
    CHECK(gpkg_styles_of(path, "localities").size() == 1);

    // --layer-name writes another plan beside it.
    const Run named = generate(dir, 2, " --layer-name plan_b");
    INFO(named.output);
    REQUIRE(named.status == 0);
    check_corporate_kept(path, {{"localities", 3}, {"plan_b", 2}}, 2);
    CHECK(lp::test::temporaries(dir).empty());
    fs::remove_all(dir);
}

TEST_CASE("dissolve --out an existing GeoPackage adds a dissolved layer and keeps the others", "[cli][gpkg]") {
    const fs::path dir = scratch("dissolve");
    const std::string path = (dir / "corporate.gpkg").string();
    const std::string command = "dissolve " + data_options(dir) + " --by ward --out " + path;

    const Run first = lp::test::boundaries(command, dir.string());
    INFO(first.output);
    REQUIRE(first.status == 0);
    CHECK_THAT(first.output, Catch::Contains("wrote 2 feature(s) to " + path + " (layer dissolved)"));
    check_corporate_kept(path, {{"dissolved", 2}}, 1);

    const std::string before = bytes(dir / "corporate.gpkg");
    check_refused(lp::test::boundaries(command, dir.string()), path, "dissolved");
    // The team's own layer, by a name in another case (SQLite's table names ignore case).
    check_refused(lp::test::boundaries(command + " --layer-name WARDS", dir.string()), path, "wards");
    const Run reserved = lp::test::boundaries(command + " --layer-name layer_styles", dir.string());
    CHECK(reserved.status == exit_status(ExitCode::usage));
    CHECK_THAT(reserved.output, Catch::Contains("--layer-name layer_styles: ") && Catch::Contains(path));
    CHECK(bytes(dir / "corporate.gpkg") == before);

    const Run all = lp::test::boundaries("dissolve " + data_options(dir) + " --out " + path + " --overwrite", dir.string());
    INFO(all.output);
    REQUIRE(all.status == 0);
    check_corporate_kept(path, {{"dissolved", 1}}, 1);
    CHECK(lp::test::temporaries(dir).empty());
    fs::remove_all(dir);
}

TEST_CASE("export into a folder whose GeoPackages hold other layers adds the plan's layers and keeps them", "[cli][gpkg]") {
    const fs::path dir = scratch("export");
    const Run generated = lp::test::boundaries("generate " + data_options(dir) + " --localities 2 --balance pop --out " +
                                                   (dir / "plan.geojson").string() + " --assignment " +
                                                   (dir / "plan.csv").string(),
                                               dir.string());
    REQUIRE(generated.status == 0);
    const Run imported = lp::test::boundaries("plan import " + data_options(dir) + " --assignment " +
                                                  (dir / "plan.csv").string() + " --out " + (dir / "plan.plan.json").string(),
                                              dir.string());
    INFO(imported.output);
    REQUIRE(imported.status == 0);
    const fs::path out = dir / "qgis";
    fs::create_directories(out);
    lp::test::make_corporate_gpkg((out / "localities.gpkg").string());
    lp::test::make_corporate_gpkg((out / "zones.gpkg").string());
    const std::string command = "export --plan " + (dir / "plan.plan.json").string() + " --out " + out.string();

    const Run first = lp::test::boundaries(command, dir.string());
    INFO(first.output);
    REQUIRE(first.status == 0);
    check_corporate_kept((out / "localities.gpkg").string(), {{"localities", 2}}, 1);
    check_corporate_kept((out / "zones.gpkg").string(), {{"zones", 3}}, 1);

    const std::string localities = bytes(out / "localities.gpkg"), zones = bytes(out / "zones.gpkg");
    const std::string project = bytes(out / "plan.qgz");
    check_refused(lp::test::boundaries(command, dir.string()), (out / "localities.gpkg").string(), "localities");
    CHECK(bytes(out / "localities.gpkg") == localities);
    CHECK(bytes(out / "zones.gpkg") == zones);
    CHECK(bytes(out / "plan.qgz") == project);

    const Run replaced = lp::test::boundaries(command + " --overwrite", dir.string());
    INFO(replaced.output);
    REQUIRE(replaced.status == 0);
    check_corporate_kept((out / "localities.gpkg").string(), {{"localities", 2}}, 1);
    check_corporate_kept((out / "zones.gpkg").string(), {{"zones", 3}}, 1);

    // --layer-name: the plan's layer in both files, beside the first plan's; the project names it.
    const Run named = lp::test::boundaries(command + " --layer-name plan_b", dir.string());
    INFO(named.output);
    REQUIRE(named.status == 0);
    CHECK_THAT(named.output, Catch::Contains("localities.gpkg (layer plan_b)") && Catch::Contains("zones.gpkg (layer plan_b)"));
    check_corporate_kept((out / "localities.gpkg").string(), {{"localities", 2}, {"plan_b", 2}}, 2);
    check_corporate_kept((out / "zones.gpkg").string(), {{"zones", 3}, {"plan_b", 3}}, 2);
    const std::string qgs = lp::test::qgs_in_qgz(out / "plan.qgz", "plan.qgs", dir);
    for (const char* source : {"./localities.gpkg|layername=plan_b", "./zones.gpkg|layername=plan_b"})
        CHECK(qgs.find(std::string("<datasource>") + source + "</datasource>") != std::string::npos);
    CHECK(lp::test::temporaries(out).empty());
    fs::remove_all(dir);
}

// --lco (issue 22 item 2): GDAL layer creation options reach the layer as ogr2ogr's -lco do;
// one the driver does not list, a bad choice, OVERWRITE or any option for GeoJSON is refused
// before any work (exit 2, naming --lco, the option and the driver), the file untouched.
TEST_CASE("layer creation options (--lco) pass to GDAL, and those the format lacks are refused", "[cli][gpkg][lco]") {
    const fs::path dir = scratch("lco");
    const std::string path = (dir / "corporate.gpkg").string();
    const std::string command = "dissolve " + data_options(dir) + " --by ward --out " + path;

    const Run named = lp::test::boundaries(command + " --lco GEOMETRY_NAME=shape_col --lco FID=ward_fid", dir.string());
    INFO(named.output);
    REQUIRE(named.status == 0);
    check_corporate_kept(path, {{"dissolved", 2}}, 1);
    const Run info = lp::test::shell("ogrinfo -so " + path + " dissolved");
    INFO(info.output);
    CHECK_THAT(info.output, Catch::Contains("Geometry Column = shape_col") && Catch::Contains("FID Column = ward_fid"));

    const std::string before = bytes(dir / "corporate.gpkg");
    struct Refusal {
        std::string options, says;
    };
    for (const auto& refusal : {
             Refusal{"--lco NO_SUCH_OPTION=1", "--lco NO_SUCH_OPTION=1: GDAL's GPKG driver (output " + path +
                                                   ") has no option NO_SUCH_OPTION; it takes "},
             Refusal{"--lco SPATIAL_INDEX=maybe", "--lco SPATIAL_INDEX=maybe: SPATIAL_INDEX takes YES, NO"},
             Refusal{"--lco GEOMETRY_NAME", "--lco GEOMETRY_NAME: not KEY=VALUE"},
             Refusal{"--lco OVERWRITE=YES", "--lco OVERWRITE=YES: whether a layer of that name is replaced"},
         }) {
        const Run run = lp::test::boundaries(command + " --layer-name other " + refusal.options, dir.string());
        INFO(run.output);
        CHECK(run.status == exit_status(ExitCode::usage));
        CHECK_THAT(run.output, Catch::Contains(refusal.says));
        CHECK(bytes(dir / "corporate.gpkg") == before);
    }
    const std::string geojson = (dir / "wards.geojson").string();
    const Run json = lp::test::boundaries("dissolve " + data_options(dir) + " --by ward --out " + geojson +
                                              " --lco COORDINATE_PRECISION=3",
                                          dir.string());
    INFO(json.output);
    CHECK(json.status == exit_status(ExitCode::usage));
    CHECK_THAT(json.output, Catch::Contains("--lco COORDINATE_PRECISION=3: " + geojson + " is GeoJSON"));
    CHECK(!fs::exists(geojson));

    // A Shapefile takes its own (SPATIAL_INDEX: its .qix is one more file of the set), and the
    // generate command the same options.
    const std::string shp = (dir / "localities.shp").string();
    const Run shapefile = lp::test::boundaries("generate " + data_options(dir) + " --localities 2 --balance pop:60% --out " +
                                                   shp + " --lco SPATIAL_INDEX=YES",
                                               dir.string());
    INFO(shapefile.output);
    REQUIRE(shapefile.status == 0);
    CHECK(fs::file_size(dir / "localities.qix") > 0);
    const Run plain = lp::test::boundaries("generate " + data_options(dir) + " --localities 2 --balance pop:60% --out " + shp,
                                           dir.string());
    REQUIRE(plain.status == 0);
    CHECK(!fs::exists(dir / "localities.qix")); // an index of the older set would be wrong
    CHECK(lp::test::temporaries(dir).empty());
    fs::remove_all(dir);
}

// --out PG:... (issue 22 item 2) with no database to reach: refused before any work (13),
// naming the output with its password hidden; a dissolve's other outputs are not written.
// The writes themselves are checked against a real PostGIS (tests/postgis, label postgis).
TEST_CASE("an output to PG: that cannot be reached is refused before any work, its password hidden", "[cli][postgis]") {
    const fs::path dir = scratch("pg_unreachable");
    const std::string connection = "PG:host=" + (dir / "no_socket_here").string() +
                                   " port=1 dbname=gis user=planner password=s3cret";
    const Run run = lp::test::boundaries("generate " + data_options(dir) + " --localities 2 --balance pop:60% --out '" +
                                             connection + "' --assignment " + (dir / "a.csv").string(),
                                         dir.string());
    INFO(run.output);
    CHECK(run.status == exit_status(ExitCode::write_failed));
    CHECK_THAT(run.output, Catch::Contains("cannot open the database") && Catch::Contains("password=***") &&
                               !Catch::Contains("s3cret") && !Catch::Contains("zones into"));
    CHECK(!fs::exists(dir / "a.csv"));
    fs::remove_all(dir);
}
