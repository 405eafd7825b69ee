// What each point of balance costs (lp/generate/tradeoff.hpp): bands parsed from a list,
// zones changed counted after matching localities, one run per band on a real council.
#include <catch2/catch.hpp>

#include "../test_data.hpp"

#include <lp/core/error.hpp>
#include <lp/generate/tradeoff.hpp>

using namespace lp;

TEST_CASE("a list of bands varies the first balance rule", "[generate][tradeoff]") {
    const BalanceSpec first{"pop2020_total", 0.25, false};
    const auto bands = parse_tradeoff_bands("5%, 10%,0.5,25%:soft,soft", first);
    REQUIRE(bands.size() == 5);
    CHECK(bands[0].label == "5%");
    CHECK(bands[0].first.column == "pop2020_total");
    CHECK(bands[0].first.tolerance == Approx(0.05));
    CHECK(bands[2].first.tolerance == Approx(0.5));
    CHECK(bands[3].first.soft);
    CHECK(bands[4].label == "soft");
    CHECK(bands[4].first.soft);
    CHECK(bands[4].first.tolerance == Approx(0.25)); // the rule's own band
    CHECK_THROWS_WITH(parse_tradeoff_bands("5%,lots", first), Catch::Contains("'lots' is not a band"));
    CHECK_THROWS_WITH(parse_tradeoff_bands("5%,,10%", first), Catch::Contains("an empty band"));
}

TEST_CASE("zones changed count moves, not renumbering", "[generate][tradeoff]") {
    // The same plan with its localities numbered the other way round changes nothing.
    CHECK(zones_changed({0, 0, 1, 1, 2, 2}, {2, 2, 0, 0, 1, 1}, 3) == 0);
    // One zone moved from the first locality to the second.
    CHECK(zones_changed({0, 0, 0, 1, 1, 2}, {1, 1, 0, 0, 0, 2}, 3) == 1);
    CHECK(zones_changed({0, 1}, {0, 1}, 2) == 0);
}

TEST_CASE("a trade-off on Orkney: looser bands split fewer towns", "[generate][tradeoff]") {
    DatasetOptions options;
    options.zones = test::council_from_gpkg("S12000023");
    options.demand_paths = {test::data("demand/dz2011_population_2020.csv"), test::data("demand/dz2011_access_rurality.csv"),
                            test::data("demand/dz2011_lookup.csv")};
    const Dataset data = load_dataset(options);
    LocalityRunOptions run;
    run.k = 3;
    run.balance = {{"pop2020_total", 0.05, false}};
    run.settlements = "urban_rural_6fold_2016:1-4";
    run.keep_whole_tables = options.demand_paths;
    const auto bands = parse_tradeoff_bands("5%,25%,soft", run.balance.front());
    std::size_t calls = 0;
    const Tradeoff t = run_tradeoff(data, run, bands, [&](std::size_t done, std::size_t total) {
        ++calls;
        CHECK(total == 3);
        CHECK(done == calls);
        return true;
    });
    REQUIRE(t.rows.size() == 3);
    CHECK(calls == 3);
    CHECK(t.rows[0].zones_changed == -1);
    CHECK(t.rows[1].zones_changed >= 0);
    // Kirkwall is larger than a 5% locality, so it is split there; never under the soft band.
    CHECK(t.rows[0].towns_split >= 1);
    CHECK(t.rows[2].towns_split == 0);
    CHECK(t.rows[2].within_tolerance);
    CHECK(t.rows[0].largest_deviation <= t.rows[2].largest_deviation + 1e-9);
    const std::string csv = tradeoff_csv(t.rows);
    CHECK_THAT(csv, Catch::StartsWith("band,towns_split,people_on_boundary,"));
    CHECK_THAT(csv, Catch::Contains("\nsoft,0,"));
    // Stopping after the first band returns its row only.
    const Tradeoff stopped = run_tradeoff(data, run, bands, [](std::size_t, std::size_t) { return false; });
    CHECK(stopped.rows.size() == 1);
}
