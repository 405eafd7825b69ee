#include "../test_data.hpp"

#include <lp/data/dataset.hpp>

#include <catch2/catch.hpp>

#include <numeric>

using namespace lp;

TEST_CASE("demand tables join by zone code and points count per zone", "[io][real]") {
    DatasetOptions o;
    o.zones = test::council_from_gpkg("S12000017"); // Highland
    o.demand_paths = {test::data("demand/dz2011_population_2020.csv"), test::data("demand/dz2011_simd2020.csv")};
    o.point_paths = {test::data("points/gp_practices_2021.geojson"), test::data("points/nhs_hospitals_2024.geojson")};
    o.build_graph = false;
    const Dataset ds = load_dataset(o);
    REQUIRE(ds.zones.size() == 312);
    const auto& pop = ds.demand.column("pop2020_total");
    const double total = std::accumulate(pop.begin(), pop.end(), 0.0);
    CHECK(total > 230000);
    CHECK(total < 240000);
    CHECK(ds.demand.has("simd2020_quintile"));
    CHECK_FALSE(ds.demand.has("dz11_name"));
    const auto& gp = ds.demand.column("gp_practices_2021");
    const double practices = std::accumulate(gp.begin(), gp.end(), 0.0);
    // Highland has a bit under a tenth of Scotland's 911 practices; every counted one lies in a zone.
    CHECK(practices > 50);
    CHECK(practices < 120);
    std::size_t placed = 0;
    for (long z : ds.points[0].zone) placed += z >= 0;
    CHECK(static_cast<double>(placed) == practices);
    CHECK_THROWS_WITH(ds.demand.column("pop_total"), Catch::Contains("no demand column 'pop_total'"));
}
