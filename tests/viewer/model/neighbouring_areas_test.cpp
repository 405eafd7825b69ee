// Neighbouring areas without an outlines file (viewer/model/neighbouring_areas.cpp): the zone
// layer's other councils, each dissolved into one shape covering its zones.
#include "model/neighbouring_areas.hpp"
#include "../../test_data.hpp"

#include <lp/core/error.hpp>
#include <lp/core/geometry.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>

using namespace lp;
using namespace lp::viewer;

TEST_CASE("Neighbouring areas: Orkney's layer gives the other 31 councils, dissolved", "[viewer][context][real]") {
    const ZoneReadOptions orkney = test::council_from_gpkg("S12000023");
    const NeighbouringAreas areas = dissolve_neighbouring_areas(orkney, "EPSG:27700");
    REQUIRE(areas.ids.size() == 31);
    REQUIRE(areas.shapes.size() == 31);
    CHECK(std::find(areas.ids.begin(), areas.ids.end(), "S12000023") == areas.ids.end());
    CHECK(std::is_sorted(areas.ids.begin(), areas.ids.end()));

    // Each council's dissolved shape covers its zones: the same area within 1% (the dissolve
    // closes slivers and drops tiny holes, nothing more).
    ZoneReadOptions all = orkney;
    all.filter_field.clear();
    all.filter_values.clear();
    const ZoneLayer zones = read_zones(all);
    const auto ca = static_cast<std::size_t>(std::find(zones.field_names.begin(), zones.field_names.end(), "ca_code") - zones.field_names.begin());
    REQUIRE(ca < zones.field_names.size());
    std::map<std::string, double> zone_area;
    for (std::size_t z = 0; z < zones.size(); ++z) zone_area[zones.fields[ca][z]] += zones.areas[z];
    for (std::size_t i = 0; i < areas.ids.size(); ++i) {
        INFO(areas.ids[i]);
        CHECK(area(areas.shapes[i]) == Approx(zone_area[areas.ids[i]]).epsilon(0.01));
    }
}

TEST_CASE("Neighbouring areas: none for an unfiltered layer and a missing field is named", "[viewer][context][real]") {
    ZoneReadOptions whole = test::council_from_gpkg("S12000023");
    whole.filter_field.clear();
    whole.filter_values.clear();
    CHECK(dissolve_neighbouring_areas(whole, "EPSG:27700").ids.empty());

    ZoneReadOptions wrong = test::council_from_gpkg("S12000023");
    wrong.filter_field = "no_such_field";
    try {
        dissolve_neighbouring_areas(wrong, "EPSG:27700");
        FAIL("a filter field the layer lacks was accepted");
    } catch (const Error& e) {
        // read_zones refuses the filter first, or the dissolve does: either names the file.
        CHECK(e.kind() == ErrorKind::field_not_found);
        CHECK_THAT(e.what(), Catch::Contains("dz2011_scotland_bng.gpkg"));
    }
}
