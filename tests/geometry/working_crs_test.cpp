// The working CRS measures areas and lengths (lp/geometry/crs.hpp): projected, in metres
// and not a Mercator that stretches Scotland 3.5 times; anything else is a named error about
// the setting, never PROJ's own text and never blamed on the data.
#include <catch2/catch.hpp>

#include "../cli_run.hpp"
#include "../test_data.hpp"

#include "exit_codes.hpp"

#include <lp/core/error.hpp>
#include <lp/geometry/crs.hpp>

using namespace lp;

namespace {

std::string refusal(const std::string& crs) {
    try {
        check_working_crs(crs);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::bad_setting);
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("a working CRS must keep areas and lengths in metres", "[geometry][crs]") {
    CHECK(refusal("EPSG:27700").empty());
    CHECK(refusal("EPSG:32630").empty()); // UTM 30N
    CHECK(refusal("EPSG:3035").empty());  // ETRS89 LAEA: equal area
    CHECK_THAT(refusal("EPSG:3857"), Catch::StartsWith("working CRS EPSG:3857: Popular Visualisation Pseudo Mercator "
                                                       "does not keep areas or distances") &&
                                         Catch::Contains("EPSG:27700"));
    CHECK_THAT(refusal("EPSG:3395"), Catch::Contains("Mercator") && Catch::Contains("does not keep areas"));
    CHECK_THAT(refusal("EPSG:4326"), Catch::StartsWith("working CRS EPSG:4326: geographic (degrees)"));
    CHECK_THAT(refusal("EPSG:2263"), Catch::Contains("its unit is US survey foot"));
    CHECK_THAT(refusal("EPSG:999999"), Catch::StartsWith("working CRS EPSG:999999: not a coordinate reference system PROJ knows"));
    CHECK_THAT(refusal("foo"), Catch::StartsWith("working CRS foo: not a coordinate reference system PROJ knows"));
}

TEST_CASE("the working CRS option refuses EPSG:3857 before reading, naming the option", "[geometry][crs][cli]") {
    const std::string zones = "inspect --zones " + test::scotland_gpkg() +
                              " --layer datazones --id-field dz11_code --filter-field ca_code --filter S12000023";
    for (const std::string crs : {"EPSG:3857", "EPSG:4326", "foo", "EPSG:999999"}) {
        const auto run = test::boundaries(zones + " --crs " + crs);
        INFO(run.output);
        CHECK(run.status == app::exit_status(app::ExitCode::usage));
        CHECK_THAT(run.output, Catch::Contains("--crs " + crs + ": "));
        CHECK_THAT(run.output, !Catch::Contains("proj_create") && !Catch::Contains("Unknown error"));
    }
    CHECK(test::boundaries(zones + " --crs EPSG:32630").status == 0);
}
