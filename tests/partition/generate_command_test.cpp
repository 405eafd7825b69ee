// End to end: `boundaries generate` on Orkney, checked against the golden list of
// feature properties and for the invariants of the plan it writes.
#include "../scratch_folder.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace {

const std::string data = LP_SHARED_DATA;

int run(const std::string& arguments) {
    const std::string command = std::string(LP_BINARY_DIR "/bin/boundaries generate ") + arguments + " > /dev/null 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string orkney(const std::string& extra) {
    return "--zones " + data + "/dz2011_scotland_bng.gpkg --id-field dz11_code --filter-field ca_code --filter S12000023 "
           "--demand " + data + "/demand/dz2011_population_2020.csv " + extra;
}

} // namespace

TEST_CASE("boundaries generate on Orkney", "[partition][cli]") {
    const std::string dir = lp::test::scratch_folder("generate_orkney");
    const std::string out = dir + "/orkney.geojson";
    const std::string csv = dir + "/orkney.csv";
    const std::string lock = dir + "/lock.csv";
    std::ofstream(lock) << "zone,locality\nS01011804,West Mainland\nS01011830,3\n";

    const std::string request = orkney("--localities 3 --balance pop2020_total:2% --balance pop2020_75plus:25% "
                                       "--keep-whole iz11_code --lock " + lock + " --seed 5 --out " + out +
                                       " --assignment " + csv);
    REQUIRE(run(request) == 0);

    const auto geojson = nlohmann::ordered_json::parse(read_text(out));
    REQUIRE(geojson["features"].size() == 3);
    std::string golden = read_text(LP_SOURCE_DIR "/tests/partition/golden/generate_orkney_properties.txt");
    golden.erase(golden.find_last_not_of('\n') + 1);
    int zones = 0;
    std::set<std::string> names;
    for (const auto& feature : geojson["features"]) {
        const auto& p = feature["properties"];
        std::string keys;
        for (auto it = p.begin(); it != p.end(); ++it) keys += (keys.empty() ? "" : " ") + it.key();
        CHECK(keys == golden);
        CHECK(p["contiguous"] == true);
        CHECK(p["within_bands"] == true);
        CHECK(std::abs(p["pop2020_total_deviation_pct"].get<double>()) <= 2.0);
        CHECK(p["polsby_popper"].get<double>() > 0);
        CHECK(feature["geometry"]["type"] == "MultiPolygon");
        zones += p["zones"].get<int>();
        names.insert(p["locality_name"].get<std::string>());
    }
    CHECK(zones == 29);
    CHECK(names.count("West Mainland") == 1); // the named lock took locality 1
    CHECK(geojson["features"][0]["properties"]["locality_name"] == "West Mainland");

    const std::string assignment = read_text(csv);
    CHECK(assignment.rfind("zone,locality,locality_name\n", 0) == 0);
    CHECK(std::count(assignment.begin(), assignment.end(), '\n') == 30);
    CHECK(assignment.find("S01011804,1,West Mainland\n") != std::string::npos);
    CHECK(assignment.find("S01011830,3,") != std::string::npos);

    // Same inputs and seed: the same plan.
    const std::string csv2 = dir + "/again.csv";
    REQUIRE(run(request.substr(0, request.find("--assignment")) + "--assignment " + csv2) == 0);
    CHECK(read_text(csv2) == assignment);

    // The plan as a start: improved, not discarded, still valid.
    REQUIRE(run(orkney("--localities 3 --balance pop2020_total:2% --start " + csv + " --out " + dir +
                       "/improved.geojson")) == 0);

    // 1% cannot be met on Orkney: the best plan is written and the exit code says so.
    CHECK(run(orkney("--localities 3 --balance pop2020_total:1% --out " + dir + "/tight.geojson")) == 21);
    CHECK(std::ifstream(dir + "/tight.geojson").good());
    // More localities than zones.
    CHECK(run(orkney("--localities 30 --balance pop2020_total --out " + dir + "/none.geojson")) == 22);
    // A lock naming a zone Orkney does not have.
    std::ofstream(lock) << "S01999999,1\n";
    CHECK(run(orkney("--localities 3 --balance pop2020_total:2% --lock " + lock + " --out " + dir + "/x.geojson")) == 10);
    CHECK(run(orkney("--localities 3 --balance pop2020_total:two --out " + dir + "/x.geojson")) == 2);
    std::system(("rm -rf " + dir).c_str());
}
