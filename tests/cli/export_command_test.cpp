// boundaries export --format qgis on the sample council: the project folder is written as one
// set (project, localities, zones, point layers), the project names its layers by relative
// path, the GeoPackages carry their default styles; a bad format or an --out that is a file
// is refused before any work.
#include "../cli_run.hpp"
#include "../scratch_folder.hpp"
#include "../test_files.hpp"
#include "exit_codes.hpp"
#include <lp/core/error.hpp>

#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

using lp::test::boundaries;
using lp::test::Run;

const std::string sample = std::string(LP_SOURCE_DIR) + "/samples/sample_council";
const std::string sample_data = "--zones " + sample + "/zones.geojson --id-field zone_code --demand " + sample +
                                "/demand.csv --points " + sample + "/gp_practices.geojson --points " + sample +
                                "/hospitals.geojson --crossings " + sample + "/crossings.csv";

} // namespace

TEST_CASE("export --format qgis: a project folder with styled localities, zones and point layers", "[cli]") {
    const fs::path dir = lp::test::scratch_folder("export_qgis");
    const Run generated = boundaries("generate " + sample_data + " --localities 3 --balance pop2020_total:5% --seed 1 --out " +
                                     (dir / "sample.geojson").string() + " --assignment " + (dir / "sample.csv").string());
    REQUIRE(generated.status == 0);
    const Run imported = boundaries("plan import " + sample_data + " --assignment " + (dir / "sample.csv").string() +
                                    " --name \"Sample Council\" --out " + (dir / "sample.plan.json").string());
    REQUIRE(imported.status == 0);
    const fs::path out = dir / "qgis";
    const Run exported = boundaries("export --plan " + (dir / "sample.plan.json").string() + " --format qgis --out " + out.string());
    INFO(exported.output);
    REQUIRE(exported.status == 0);
    for (const char* name : {"sample.qgz", "localities.gpkg", "zones.gpkg", "gp_practices.geojson", "hospitals.geojson"})
        CHECK(fs::is_regular_file(out / name));
    for (const auto& e : fs::directory_iterator(out)) CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);

    // The project: read back through GDAL's zip reader.
    const std::string qgs = lp::test::qgs_in_qgz(out / "sample.qgz", "sample.qgs", dir);
    CHECK(qgs.find("<title>Sample Council localities</title>") != std::string::npos);
    for (const char* source : {"./localities.gpkg|layername=localities", "./zones.gpkg|layername=zones",
                               "./gp_practices.geojson", "./hospitals.geojson"})
        CHECK(qgs.find(std::string("<datasource>") + source + "</datasource>") != std::string::npos);
    CHECK(qgs.find("<id>locality_planner_zones</id>") != std::string::npos);
    CHECK(qgs.find("type=\"categorizedSymbol\" attr=\"locality_id\"") != std::string::npos);

    GDALAllRegister();
    for (const char* name : {"localities", "zones"}) {
        const std::string path = (out / (std::string(name) + ".gpkg")).string();
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayerByName(name);
        REQUIRE(layer);
        CHECK(layer->GetFeatureCount() == (std::string(name) == "zones" ? 346 : 3));
        OGRLayer* styles = ds->GetLayerByName("layer_styles");
        REQUIRE(styles);
        auto row = OGRFeatureUniquePtr(styles->GetNextFeature());
        REQUIRE(row);
        CHECK(std::string(row->GetFieldAsString("f_table_name")) == name);
        CHECK(std::string(row->GetFieldAsString("styleQML")).find("attr=\"locality_id\"") != std::string::npos);
    }
}

TEST_CASE("export: an unknown format or an --out that is a file is refused", "[cli]") {
    const fs::path dir = lp::test::scratch_folder("export_refused");
    std::ofstream(dir / "plan.json") << "{}";
    const Run format = boundaries("export --plan " + (dir / "plan.json").string() + " --format shapefile --out " +
                                  (dir / "out").string());
    CHECK(format.status == lp::app::exit_status(lp::app::ExitCode::usage));
    CHECK_THAT(format.output, Catch::Contains("--format shapefile"));
    std::ofstream(dir / "file") << "keep";
    const Run file = boundaries("export --plan " + (dir / "plan.json").string() + " --out " + (dir / "file").string());
    CHECK(file.status == lp::app::exit_status(lp::app::ExitCode::output_not_regular));
    CHECK(lp::test::read_text((dir / "file").string()) == "keep");
    CHECK_FALSE(fs::exists(dir / "out"));
}
