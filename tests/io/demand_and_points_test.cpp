#include "../scratch_folder.hpp"
#include "../test_data.hpp"

#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/io/demand_table.hpp>
#include <lp/io/zone_layer.hpp>

#include <catch2/catch.hpp>

#include <fstream>
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

namespace {

// Writes a demand CSV in the scratch folder and joins it onto the three-zone fixture.
DemandColumns join_text(const std::string& name, const std::string& csv, std::vector<std::string> columns = {}) {
    const std::string path = test::scratch_file(name);
    std::ofstream(path) << csv;
    ZoneReadOptions zo;
    zo.path = std::string(LP_SOURCE_DIR) + "/tests/fixtures/three_zones.geojson";
    zo.id_field = "zone";
    const ZoneLayer zones = read_zones(zo);
    DemandReadOptions o;
    o.path = path;
    o.columns = std::move(columns);
    DemandColumns into;
    join_demand(zones, o, into);
    return into;
}

} // namespace

TEST_CASE("demand columns are numeric by every row, not the first", "[io]") {
    SECTION("thousands separators and a first row with words elsewhere") {
        const auto d = join_text("dc_commas.csv", "zone,pop,name\nA,\"1,234\",Alpha\nB,\"12,345,678\",Bravo\nC,5,Charlie\n");
        REQUIRE(d.has("pop"));
        CHECK(d.column("pop") == std::vector<double>{1234, 12345678, 5});
        CHECK_FALSE(d.has("name"));
    }
    SECTION("a missing value in the first row keeps the column, and asking for it names the line and zone") {
        const auto d = join_text("dc_gap.csv", "zone,pop,other\nA,,1\nB,200,2\nC,300,3\n");
        CHECK(d.has("other"));
        CHECK_FALSE(d.has("pop"));
        try {
            d.column("pop");
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::bad_value);
            CHECK_THAT(std::string(e.what()), Catch::Contains("dc_gap.csv line 2") && Catch::Contains("column pop") &&
                                                  Catch::Contains("no value (zone A)"));
        }
        // Named, the gap is an error at once.
        CHECK_THROWS_WITH(join_text("dc_gap.csv", "zone,pop\nA,,1\nB,200\nC,300\n", {"pop"}),
                          Catch::Contains("dc_gap.csv line 2, column pop: no value (zone A)"));
    }
    SECTION("a word among numbers names the line, a column of words with a number is reported when asked for") {
        CHECK_THROWS_WITH(join_text("dc_word.csv", "zone,pop\nA,n/a\nB,200\nC,300\n"),
                          Catch::Contains("dc_word.csv line 2, column pop: 'n/a' is not a number (zone A)"));
        const auto d = join_text("dc_words.csv", "zone,label\nA,one\nB,two\nC,3\n");
        CHECK_FALSE(d.has("label"));
        CHECK_THROWS_WITH(d.column("label"), Catch::Contains("dc_words.csv line 2, column label: 'one' is not a number"));
    }
    SECTION("absurd and non-finite values are refused naming file, line and zone") {
        CHECK_THROWS_WITH(join_text("dc_huge.csv", "zone,pop\nA,1\nB,1e308\nC,3\n"),
                          Catch::Contains("dc_huge.csv line 3, column pop: '1e308' is out of range") && Catch::Contains("zone B"));
        CHECK_THROWS_WITH(join_text("dc_inf.csv", "zone,pop\nA,1\nB,2\nC,1e999\n", {"pop"}),
                          Catch::Contains("dc_inf.csv line 4, column pop: '1e999' is out of range"));
    }
}
