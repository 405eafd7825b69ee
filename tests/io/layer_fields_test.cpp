#include "../test_data.hpp"

#include <lp/core/error.hpp>
#include <lp/io/layer_fields.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace lp;

namespace {
bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}
} // namespace

TEST_CASE("the national GeoPackage lists its layer and the fields a planner picks from", "[io][real][layer-fields]") {
    const LayerFields described = describe_layer(test::scotland_gpkg());
    CHECK(has(described.layers, "datazones"));
    CHECK(described.layer == described.layers.front());
    const LayerFields zones = describe_layer(test::scotland_gpkg(), "datazones");
    CHECK(zones.layer == "datazones");
    CHECK(has(zones.fields, "dz11_code"));
    CHECK(has(zones.fields, "ca_code"));
}

TEST_CASE("describing a missing file or layer names it", "[io][layer-fields]") {
    try {
        describe_layer(test::scotland_gpkg(), "no_such_layer");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::layer_not_found);
        CHECK(std::string(e.what()).find("no_such_layer") != std::string::npos);
    }
    CHECK_THROWS_AS(describe_layer("/nonexistent/zones.gpkg"), Error);
}
