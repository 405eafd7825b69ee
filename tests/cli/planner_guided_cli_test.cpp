// `boundaries generate` guided by a planner, end to end on Highland: hubs named by place
// through a gazetteer, one locality per hub, a soft band whose excess is explained and
// exits 0, a band above 100%, and a misspelt place refused with the closest names.
#include <catch2/catch.hpp>

#include "../cli_run.hpp"

#include "exit_codes.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

const std::string data = LP_SHARED_DATA;

std::string highland(const std::string& extra) {
    return "generate --zones " + data + "/dz2011_scotland_bng.gpkg --layer datazones --id-field dz11_code "
           "--filter-field ca_code --filter S12000017 --demand " + data + "/demand/dz2011_population_2020.csv "
           "--demand " + data + "/demand/dz2011_access_rurality.csv --demand " + data + "/demand/dz2011_lookup.csv "
           "--settlements urban_rural_6fold_2016:1-4 --places " + data + "/places/geonames_places_scotland.geojson " +
           extra;
}

struct Scratch {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("lp_planner_guided_" + std::to_string(::getpid()));
    Scratch() { std::filesystem::create_directories(dir); }
    ~Scratch() { std::filesystem::remove_all(dir); }
    std::string path(const std::string& name) const { return (dir / name).string(); }
};

} // namespace

TEST_CASE("generate with hubs named by place and a soft band on Highland", "[cli][hubs]") {
    using lp::app::ExitCode;
    using lp::app::exit_status;
    const Scratch s;
    std::ofstream(s.path("hubs.csv")) << "place,name\nInverness,\nWick,\nDornoch,\nAlness,\nDingwall,\n"
                                         "Portree,Skye and Lochalsh\nFort William,Lochaber\nAviemore,\nNairn,\n";
    SECTION("one locality per hub, Inverness whole and beyond the band with its reason, exit 0") {
        const auto run = lp::test::boundaries(
            highland("--hubs " + s.path("hubs.csv") + " --balance pop2020_total:25%:soft --out " + s.path("h.geojson")),
            s.dir.string());
        INFO(run.output);
        REQUIRE(run.status == exit_status(ExitCode::ok));
        CHECK_THAT(run.output, Catch::Contains("312 zones into 9 localities"));
        CHECK_THAT(run.output, Catch::Contains("hub 6: Portree (town, zone "));
        CHECK_THAT(run.output, Catch::Contains("beyond the soft band: Inverness: ") &&
                                   Catch::Contains(": the settlement Inverness is kept whole"));
        CHECK_THAT(run.output, Catch::Contains("0 of 11 settlements split"));
        std::ifstream in(s.path("h.geojson"));
        const auto json = nlohmann::json::parse(in);
        REQUIRE(json["features"].size() == 9);
        CHECK(json["features"][0]["properties"]["locality_name"] == "Inverness");
        CHECK(json["features"][5]["properties"]["locality_name"] == "Skye and Lochalsh");
        CHECK(json["features"][6]["properties"]["locality_name"] == "Lochaber");
        CHECK_THAT(json["features"][0]["properties"]["balance_note"].get<std::string>(),
                   Catch::StartsWith("pop2020_total +") && Catch::EndsWith("the settlement Inverness is kept whole"));
        CHECK(json["features"][0]["properties"]["within_bands"] == true);
    }
    SECTION("a band above 100% is accepted") {
        const auto run = lp::test::boundaries(
            highland("--hubs " + s.path("hubs.csv") + " --balance pop2020_total:150% --out " + s.path("w.geojson")),
            s.dir.string());
        INFO(run.output);
        CHECK(run.status == exit_status(ExitCode::ok));
    }
    SECTION("a misspelt place is refused with the closest names, nothing written") {
        std::ofstream(s.path("typo.csv")) << "place\nInverness\nPortre\n";
        const auto run = lp::test::boundaries(
            highland("--hubs " + s.path("typo.csv") + " --balance pop2020_total:25%:soft --out " + s.path("t.geojson")),
            s.dir.string());
        CHECK(run.status == exit_status(ExitCode::unknown_zone));
        CHECK_THAT(run.output, Catch::Contains("typo.csv line 3: 'Portre' is not a zone, settlement") &&
                                   Catch::Contains("closest: Portree"));
        CHECK_FALSE(std::filesystem::exists(s.path("t.geojson")));
    }
    SECTION("more hubs than localities is a usage error before reading") {
        const auto run = lp::test::boundaries(
            highland("--hubs " + s.path("hubs.csv") + " --localities 3 --balance pop2020_total:25% --out " +
                     s.path("m.geojson")),
            s.dir.string());
        CHECK(run.status == exit_status(ExitCode::usage));
        CHECK_THAT(run.output, Catch::Contains("9 hubs for 3 localities"));
    }
}
