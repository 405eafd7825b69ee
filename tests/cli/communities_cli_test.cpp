// `boundaries generate` with the community options, end to end on Fife: settlements by
// class and by field, wards as soft and hard building blocks, hubs, the cut cost, and
// the refusals of malformed options.
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

struct Run {
    int code = -1;
    std::string output; // stdout and stderr
};

Run generate(const std::string& arguments, const std::string& folder) {
    const std::string log = folder + "/log.txt";
    const std::string command = std::string(LP_BINARY_DIR "/bin/boundaries generate ") + arguments + " > " + log + " 2>&1";
    const int status = std::system(command.c_str());
    Run run;
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    run.output = text.str();
    return run;
}

std::string fife(const std::string& extra) {
    return "--zones " + data + "/dz2011_scotland_bng.gpkg --layer datazones --id-field dz11_code --filter-field ca_code "
           "--filter S12000047 --demand " + data + "/demand/dz2011_population_2020.csv --demand " + data +
           "/demand/dz2011_access_rurality.csv --demand " + data + "/demand/dz2011_lookup.csv --localities 7 "
           "--balance pop2020_total:25% " + extra;
}

nlohmann::json read_json(const std::string& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

} // namespace

TEST_CASE("generate with settlements, wards and hubs on Fife", "[cli][communities]") {
    const std::string dir = lp::test::scratch_folder("communities");
    const std::string wards = data + "/wards2022_scotland.gpkg:wards:ward22_code";

    SECTION("settlements by class and wards as soft blocks: towns whole, localities named after them") {
        const auto run = generate(fife("--settlements urban_rural_6fold_2016:1-4 --building-blocks " + wards +
                                       " --out " + dir + "/fife.geojson --assignment " + dir + "/fife.csv"), dir);
        INFO(run.output);
        REQUIRE(run.code == 0);
        CHECK(run.output.find("(cut cost: people)") != std::string::npos);
        CHECK(run.output.find("0 of ") != std::string::npos); // "0 of N settlements split"
        CHECK(run.output.find("building blocks split") != std::string::npos);
        const auto geojson = read_json(dir + "/fife.geojson");
        std::set<std::string> names;
        for (const auto& feature : geojson["features"]) {
            const auto& p = feature["properties"];
            names.insert(p["locality_name"].get<std::string>());
            CHECK(p["main_settlement"].get<std::string>() != "");
            CHECK(p["settlements_split"].get<std::string>() == "");
            CHECK(p["people_on_boundary_pct"].get<double>() < 60);
        }
        CHECK(names.size() == 7);
        for (const char* town : {"Dunfermline", "Kirkcaldy", "Glenrothes"}) CHECK(names.count(town) == 1);

        // The plan records how settlements were found; the report names main towns from it.
        const std::string data_options = "--zones " + data + "/dz2011_scotland_bng.gpkg --layer datazones "
                                         "--id-field dz11_code --filter-field ca_code --filter S12000047 --demand " +
                                         data + "/demand/dz2011_population_2020.csv --demand " + data +
                                         "/demand/dz2011_access_rurality.csv --demand " + data +
                                         "/demand/dz2011_lookup.csv ";
        const std::string boundaries = LP_BINARY_DIR "/bin/boundaries ";
        REQUIRE(std::system((boundaries + "plan import --assignment " + dir + "/fife.csv " + data_options +
                             "--settlements urban_rural_6fold_2016:1-4 --out " + dir + "/fife.plan.json > /dev/null")
                                .c_str()) == 0);
        CHECK(read_json(dir + "/fife.plan.json")["sources"]["settlements"] == "urban_rural_6fold_2016:1-4");
        REQUIRE(std::system((boundaries + "report --plan " + dir + "/fife.plan.json --out " + dir + "/report > /dev/null")
                                .c_str()) == 0);
        std::ifstream html_file(dir + "/report/report.html");
        std::stringstream html;
        html << html_file.rdbuf();
        CHECK(html.str().find("Main town</th>") != std::string::npos);
        CHECK(html.str().find("<td class=\"text\">Dunfermline</td>") != std::string::npos);
        CHECK(html.str().find("Settlements split between localities: none.") != std::string::npos);
        CHECK(html.str().find("On a boundary: ") != std::string::npos);
    }
    SECTION("settlements named by a field, and the length cut cost") {
        const auto run = generate(fife("--settlements iz11_name --cut-cost length --out " + dir + "/iz.geojson"), dir);
        INFO(run.output);
        REQUIRE(run.code == 0);
        CHECK(run.output.find("(cut cost: length)") != std::string::npos);
        CHECK(run.output.find("0 of ") != std::string::npos); // every Intermediate Zone whole
    }
    SECTION("hard blocks: only whole wards move") {
        const auto run = generate(fife("--building-blocks " + wards + " --blocks hard --out " + dir +
                                       "/hard.geojson --assignment " + dir + "/hard.csv"), dir);
        INFO(run.output);
        REQUIRE((run.code == 0 || run.code == 21)); // 21: a band missed with whole wards (reported)
        CHECK(run.output.find("0 of ") != std::string::npos); // no ward split
    }
    SECTION("hubs start localities at the named zones") {
        std::ofstream(dir + "/hubs.csv") << "zone\nS01009298\nS01009471\n";
        const auto run = generate(fife("--hubs " + dir + "/hubs.csv --out " + dir + "/hubs.geojson"), dir);
        INFO(run.output);
        CHECK(run.code == 0);
        std::ofstream(dir + "/bad_hubs.csv") << "zone\nS01999999\n";
        CHECK(generate(fife("--hubs " + dir + "/bad_hubs.csv --out " + dir + "/x.geojson"), dir).code == 10);
    }
    SECTION("malformed community options are refused before reading") {
        CHECK(generate(fife("--settlements urban_rural_6fold_2016:3-1 --out " + dir + "/x.geojson"), dir).code == 2);
        CHECK(generate(fife("--cut-cost metres --out " + dir + "/x.geojson"), dir).code == 2);
        CHECK(generate(fife("--blocks firm --out " + dir + "/x.geojson"), dir).code == 2);
        CHECK(generate(fife("--building-blocks " + data + "/wards2022_scotland.gpkg --out " + dir + "/x.geojson"), dir)
                  .code == 2);
        const auto missing = generate(fife("--settlements no_such_column:1-3 --out " + dir + "/x.geojson"), dir);
        CHECK(missing.code == 5);
        CHECK(missing.output.find("no_such_column") != std::string::npos);
    }
    std::system(("rm -rf " + dir).c_str());
}
