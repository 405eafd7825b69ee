#include <catch2/catch.hpp>

#include <lp/core/error.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/plan/plan_sources.hpp>

#include "plan_fixtures.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace lp;

namespace {

LocalityPlan small_plan() {
    LocalityPlan p;
    p.partnership_code = "S37000099";
    p.partnership_name = "Ness & \"Isles\"";
    p.sources = {{"zones", "/data/z.gpkg"}, {"id_field", "dz11_code"}, {"demand.1", "pop.csv"}};
    p.localities = {{"L1", "North / Ùig", "#1f78b4", true}, {"L2", "South", "#33a02c", false}};
    p.assignment = {{"S01000001", "L1"}, {"S01000002", "L2"}, {"S01000003", "L2"}};
    p.locked_zones = {"S01000002"};
    p.crossings = {{"S01000001", "S01000003", "ferry"}, {"S01000002", "S01000003", ""}};
    p.arrangements["ASC-HC"]["L1"] = {Delivery::local, "", ""};
    p.arrangements["ASC-HC"]["L2"] = {Delivery::hosted, "L1", "shared team\nsee minute 12"};
    p.arrangements["SA-AE"]["L1"] = {Delivery::acute, "", ""};
    p.arrangements["SA-AE"]["L2"] = {Delivery::partnership_wide, "", "via Raigmore"};
    p.notes = "Draft for the strategic planning group";
    return p;
}

std::string error_of(const std::string& text) {
    try {
        plan_from_json_text(text, "p.json");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::bad_plan);
        return e.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("Plan file: every field round-trips exactly", "[plan]") {
    const LocalityPlan p = small_plan();
    const std::string text = plan_to_json_text(p);
    const LocalityPlan back = plan_from_json_text(text, "p.json");
    CHECK(back == p);
    CHECK(plan_to_json_text(back) == text);
    CHECK(text.find("\"schema_version\": 1") != std::string::npos);
}

TEST_CASE("Plan file: a Glasgow plan saved and loaded round-trips", "[plan]") {
    const auto& data = test::council_dataset("S12000049");
    const auto catalogue = read_catalogue(default_catalogue_path());
    const LocalityPlan plan = test::grown_plan(data, test::council_options("S12000049"), 3, catalogue);
    REQUIRE(plan.assignment.size() == 746);
    REQUIRE(plan.arrangements.size() == 38);

    const std::string folder = test::scratch_folder("plan_roundtrip");
    const std::string path = folder + "/glasgow.json";
    write_plan(path, plan);
    const LocalityPlan back = read_plan(path);
    CHECK(back == plan);
    write_plan(folder + "/again.json", back);
    std::ifstream a(path), b(folder + "/again.json");
    std::stringstream ta, tb;
    ta << a.rdbuf();
    tb << b.rdbuf();
    CHECK(ta.str() == tb.str());
    // Only the plan file remains: the write went through a temporary and a rename.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++files;
    CHECK(files == 2);

    // The recorded sources reload the same zones.
    const DatasetOptions options = dataset_options_from_plan(back, path);
    CHECK(options.zones.filter_values == std::vector<std::string>{"S12000049"});
    CHECK(options.demand_paths.size() == 4);
    CHECK(options.point_paths.size() == 2);
}

TEST_CASE("Plan file: bad input names the file and JSON path", "[plan]") {
    const std::string good = plan_to_json_text(small_plan());
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string t = good;
        const auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        return t.replace(at, from.size(), to);
    };
    CHECK(error_of(replaced("\"#33a02c\"", "\"green\"")) ==
          "p.json: /localities/1/colour: expected \"#rrggbb\", found \"green\"");
    CHECK(error_of(replaced("\"delivery\": \"acute\"", "\"delivery\": \"hospital\"")) ==
          "p.json: /arrangements/SA-AE/L1/delivery: expected \"local\", \"hosted\", \"partnership-wide\" or \"acute\", "
          "found \"hospital\"");
    CHECK(error_of(replaced("\"S01000003\": \"L2\"", "\"S01000003\": 2")) ==
          "p.json: /assignment/S01000003: expected a string, found a number");
    CHECK(error_of(replaced("\"schema_version\": 1", "\"schema_version\": 7")) ==
          "p.json: /schema_version: schema version 7 is not one this build reads (1..1); a newer Locality Planner wrote it");
    CHECK(error_of(replaced("\"notes\": \"Draft", "\"note\": \"Draft")) ==
          "p.json: /note: unknown member (expected one of: schema_version, partnership, sources, balance, partitioner, "
          "localities, assignment, "
          "locked_zones, crossings, arrangements, notes)");
    CHECK(error_of(replaced("\"id\": \"L2\"", "\"id\": \"L1\"")) == "p.json: /localities/1/id: locality id \"L1\" is used twice");
    CHECK(error_of("{\n  \"schema_version\": 1,\n  \"localities\": [,]\n}") ==
          "p.json: line 3, column 18: not valid JSON (syntax error while parsing value - unexpected ','; expected '[', "
          "'{', or a literal)");
    CHECK(error_of("{\"type\": \"FeatureCollection\"}") ==
          "p.json: /: no \"schema_version\" member; is this a locality plan?");
    CHECK_THROWS_MATCHES(read_plan("/nonexistent/plan.json"), Error,
                         Catch::Matchers::Predicate<Error>([](const Error& e) { return e.kind() == ErrorKind::file_not_found; }));
}

TEST_CASE("Plan sources: relative paths resolve against the plan's folder", "[plan]") {
    LocalityPlan p;
    p.sources = {{"zones", "data/zones.gpkg"},       {"id_field", "dz11_code"},  {"demand.2", "/abs/b.csv"},
                 {"demand.10", "c.csv"},             {"demand.1", "../a.csv"},   {"filter.1", "S12000017"},
                 {"filter_field", "ca_code"},
                 {"snap", "7.5"},                    {"adjacency", "queen"},     {"functions", "fn.csv"}};
    const DatasetOptions o = dataset_options_from_plan(p, "/plans/highland/plan.json");
    CHECK(o.zones.path == "/plans/highland/data/zones.gpkg");
    CHECK(o.demand_paths == std::vector<std::string>{"/plans/a.csv", "/abs/b.csv", "/plans/highland/c.csv"});
    CHECK(o.zones.filter_values == std::vector<std::string>{"S12000017"});
    CHECK(o.graph.snap_tolerance == 7.5);
    CHECK(o.graph.adjacency == Adjacency::queen);
    CHECK(catalogue_path_from_plan(p, "/plans/highland/plan.json") == "/plans/highland/fn.csv");

    LocalityPlan recorded;
    record_sources(recorded, o, "/plans/fn.csv");
    CHECK(recorded.sources.at("demand.3") == "/plans/highland/c.csv");
    CHECK(recorded.sources.at("snap") == "7.5");
    CHECK(dataset_options_from_plan(recorded, "/elsewhere/p.json").demand_paths == o.demand_paths);

    p.sources.erase("zones");
    CHECK_THROWS_WITH(dataset_options_from_plan(p, "x.json"), Catch::Contains("x.json: /sources: the plan does not record"));
}

// Issue 24 item 2: a plan's sources named /vsicurl/http://... and check, report and export
// downloaded it. A plan records local files only: anything else names the plan and the key.
TEST_CASE("Plan sources: a remote or virtual path in a plan is refused naming the file and key", "[plan]") {
    auto refused = [](const std::string& key, const std::string& value) {
        LocalityPlan p;
        p.sources = {{"zones", "/data/zones.gpkg"}, {"id_field", "dz11_code"}};
        p.sources[key] = value;
        try {
            if (key == "functions") catalogue_path_from_plan(p, "/plans/p.json");
            else dataset_options_from_plan(p, "/plans/p.json");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::bad_plan);
            CHECK_THAT(std::string(e.what()), Catch::StartsWith("/plans/p.json: /sources/" + key + ": \"" + value + "\"") &&
                                                  Catch::Contains("not a local file"));
            return true;
        }
        return false;
    };
    CHECK(refused("demand.1", "/vsicurl/http://example.org/d.csv"));
    CHECK(refused("zones", "/vsis3/bucket/zones.gpkg"));
    CHECK(refused("zones", "PG:dbname=planning"));
    CHECK(refused("points.2", "WFS:https://example.org/wfs"));
    CHECK(refused("crossings", "https://example.org/crossings.csv"));
    CHECK(refused("functions", "ftp://example.org/f.csv"));
    CHECK(refused("demand.1", "../../../../vsicurl/http://example.org/d.csv")); // resolves to /vsicurl/...
    CHECK_FALSE(refused("demand.1", "data/pop:2020.csv")); // a colon inside a local name is fine
    CHECK_FALSE(refused("demand.1", "/data/demand.csv"));

    // A plan made from a source given on the command line records it as given, and names it.
    DatasetOptions from_postgis;
    from_postgis.zones.path = "PG:dbname=planning";
    from_postgis.zones.id_field = "dz11_code";
    LocalityPlan made;
    record_sources(made, from_postgis);
    CHECK(made.sources.at("zones") == "PG:dbname=planning");
    CHECK(refused("zones", made.sources.at("zones")));

    LocalityPlan p;
    p.sources = {{"zones", "/data/zones.gpkg"}, {"id_field", "dz11_code"}, {"filter.1", "S12000017"}};
    CHECK_THROWS_WITH(dataset_options_from_plan(p, "f.json"), Catch::Contains("f.json: /sources: filter values"));
}

TEST_CASE("Plan file: balance rules round-trip, none recorded writes no member", "[plan]") {
    LocalityPlan p = small_plan();
    const std::string without = plan_to_json_text(p);
    CHECK(without.find("\"balance\"") == std::string::npos); // old files stay as they were
    CHECK(plan_from_json_text(without, "p.json").balance.empty());
    p.balance = {{"pop2020_total", 0.25}, {"pop2020_75plus", 0.1}, {"gp_practices_2021", 0.035}};
    const std::string text = plan_to_json_text(p);
    CHECK(text.find("\"balance\": [\n    {\n      \"column\": \"pop2020_total\",\n      \"tolerance\": 0.25\n    },") !=
          std::string::npos);
    const LocalityPlan back = plan_from_json_text(text, "p.json");
    CHECK(back == p);
    CHECK(back.balance.size() == 3);
    CHECK(back.balance[2].tolerance == 0.035);
    CHECK(plan_to_json_text(back) == text);
}

TEST_CASE("Plan file: bad balance rules name the file and JSON path", "[plan]") {
    LocalityPlan p = small_plan();
    p.balance = {{"pop2020_total", 0.25}, {"pop2020_75plus", 0.1}};
    const std::string good = plan_to_json_text(p);
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string t = good;
        const auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        return t.replace(at, from.size(), to);
    };
    CHECK(error_of(replaced("\"tolerance\": 0.25", "\"tolerance\": -0.25")) ==
          "p.json: /balance/0/tolerance: expected a fraction >= 0 (0.1 is 10 %), found -0.25");
    CHECK(error_of(replaced("\"tolerance\": 0.1", "\"tolerance\": \"10%\"")) ==
          "p.json: /balance/1/tolerance: expected a number, found the string \"10%\"");
    CHECK(error_of(replaced("\"column\": \"pop2020_75plus\"", "\"column\": \"\"")) ==
          "p.json: /balance/1/column: empty column name");
    CHECK(error_of(replaced("\"column\": \"pop2020_75plus\"", "\"column\": \"pop2020_total\"")) ==
          "p.json: /balance/1/column: column \"pop2020_total\" is balanced twice");
    CHECK(error_of(replaced("\"column\": \"pop2020_75plus\",", "")) ==
          "p.json: /balance/1: a balance rule needs a \"column\" and a \"tolerance\"");
    CHECK(error_of(replaced("\"tolerance\": 0.1", "\"tolerance\": 0.1, \"band\": 2")) ==
          "p.json: /balance/1/band: unknown member (expected one of: column, tolerance, soft)");
    CHECK(error_of(replaced("\"balance\": [", "\"balance\": {\"x\": [")).find("p.json") == 0);
    CHECK(error_of(replaced("\"balance\": [", "\"balance\": 3, \"old\": [")).find("p.json: /") == 0);
}

TEST_CASE("Plan file: soft bands and hubs round-trip, and a bad hub names its path", "[plan][hubs]") {
    LocalityPlan p = small_plan();
    p.balance = {{"pop2020_total", 0.25, true}, {"pop2020_75plus", 1.5, false}};
    p.localities[0].hub_zone = "S01000001";
    p.localities[0].hub_place = "Portree";
    p.localities[1].hub_zone = "S01000003";
    const std::string text = plan_to_json_text(p);
    CHECK(text.find("\"tolerance\": 0.25,\n      \"soft\": true") != std::string::npos);
    CHECK(text.find("\"hub\": {\n        \"zone\": \"S01000001\",\n        \"place\": \"Portree\"\n      }") !=
          std::string::npos);
    const LocalityPlan back = plan_from_json_text(text, "p.json");
    CHECK(back == p);
    CHECK(back.balance[0].soft);
    CHECK_FALSE(back.balance[1].soft);
    CHECK(back.balance[1].tolerance == 1.5);
    CHECK(back.localities[1].hub_place.empty());
    CHECK(plan_to_json_text(back) == text);
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string t = text;
        const auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        return t.replace(at, from.size(), to);
    };
    CHECK(error_of(replaced("\"soft\": true", "\"soft\": \"yes\"")) ==
          "p.json: /balance/0/soft: expected true or false, found the string \"yes\"");
    CHECK(error_of(replaced("\"zone\": \"S01000003\"", "\"place\": \"Kirkwall\"")) ==
          "p.json: /localities/1/hub: a hub needs the \"zone\" it is in");
}

TEST_CASE("Plan file: the partitioner's rules round-trip, are read strictly, and old plans have none", "[plan][rules]") {
    LocalityPlan p = small_plan();
    CHECK(plan_to_json_text(p).find("\"partitioner\"") == std::string::npos); // drawn by hand: none recorded
    CHECK_FALSE(plan_from_json_text(plan_to_json_text(p), "p.json").partitioner);
    PartitionerRules rules;
    rules.cut_cost = "length";
    rules.population = "pop2020_total";
    rules.split_settlements = "never";
    rules.keep_whole = "iz11_code";
    rules.split_cost = 2500;
    rules.blocks = "hard";
    rules.block_split_cost = 0;
    rules.seed = 18446744073709551615ull; // every seed the command line takes
    rules.effort = 2.5;
    p.partitioner = rules;
    const std::string text = plan_to_json_text(p);
    CHECK(text.find("\"partitioner\": {\n    \"cut_cost\": \"length\",") != std::string::npos);
    const LocalityPlan back = plan_from_json_text(text, "p.json");
    REQUIRE(back.partitioner);
    CHECK(*back.partitioner == rules);
    CHECK(back == p);
    CHECK(plan_to_json_text(back) == text);

    // Defaults are left out, but seed, effort and the block mode are always said.
    p.partitioner = PartitionerRules{};
    const std::string plain = plan_to_json_text(p);
    CHECK(plain.find("\"partitioner\": {\n    \"blocks\": \"soft\",\n    \"seed\": 1,\n    \"effort\": 1.0\n  }") !=
          std::string::npos);
    CHECK(plan_from_json_text(plain, "p.json").partitioner == PartitionerRules{});

    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string t = text;
        const auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        return t.replace(at, from.size(), to);
    };
    CHECK(error_of(replaced("\"cut_cost\": \"length\"", "\"cut_cost\": \"metres\"")) ==
          "p.json: /partitioner/cut_cost: expected \"people\" or \"length\", found \"metres\"");
    CHECK(error_of(replaced("\"blocks\": \"hard\"", "\"blocks\": true")) ==
          "p.json: /partitioner/blocks: expected a string, found a boolean");
    CHECK(error_of(replaced("\"split_cost\": 2500", "\"split_cost\": -1")) ==
          "p.json: /partitioner/split_cost: expected a price, a number 0 or more, found -1.0");
    CHECK(error_of(replaced("\"seed\": 18446744073709551615", "\"seed\": -3")) ==
          "p.json: /partitioner/seed: expected a whole number 0 or more, found -3");
    CHECK(error_of(replaced("\"effort\": 2.5", "\"effort\": 0")) ==
          "p.json: /partitioner/effort: expected a number greater than 0, found 0");
    CHECK(error_of(replaced("\"keep_whole\": \"iz11_code\"", "\"keep_whole\": \"iz11_code\", \"restarts\": 3")) ==
          "p.json: /partitioner/restarts: unknown member (expected one of: cut_cost, population, split_settlements, "
          "keep_whole, split_cost, blocks, block_split_cost, seed, effort)");
    CHECK(error_of(replaced("\"split_settlements\": \"never\"", "\"split_settlements\": \"sometimes\"")) ==
          "p.json: /partitioner/split_settlements: expected \"never\" or \"when-forced\", found \"sometimes\"");
}
