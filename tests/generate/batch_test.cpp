#include "../scratch_folder.hpp"
#include "../test_data.hpp"

#include <lp/generate/batch.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/plan/shipped_tables.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace lp;
namespace fs = std::filesystem;

namespace {

BatchOptions scotland_batch(const std::string& out_dir) {
    BatchOptions o;
    o.data.zones.path = test::scotland_gpkg();
    o.data.zones.layer = "datazones";
    o.data.zones.id_field = "dz11_code";
    o.data.demand_paths = {test::data("demand/dz2011_population_2020.csv")};
    o.group_field = "hscp_code";
    o.group_lookup = test::data("demand/dz2011_lookup.csv");
    o.run.balance = {{"pop2020_total", 0.01}};
    o.run.keep_whole = "iz11_code";
    o.out_dir = out_dir;
    return o;
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST_CASE("batch: each partnership from a lookup gets its own k and its own files and a failure spares the rest",
          "[generate][real]") {
    const fs::path out = test::scratch_folder("batch_test");
    const fs::path k_csv = test::scratch_file("batch_test_k.csv");
    // Orkney (29 zones) asked for 40 localities fails; the other two are written.
    std::ofstream(k_csv) << "group,k,name\nS37000005,3,Clackmannanshire and Stirling\nS37000018,2,Midlothian\n"
                            "S37000022,40,Orkney Islands\n";
    BatchOptions o = scotland_batch(out.string());
    o.k_csv = k_csv.string();
    std::size_t calls = 0;
    const auto rows = run_batch(o, [&](const BatchProgress& p) {
        ++calls;
        CHECK(p.done == calls);
        CHECK(p.total == 3);
    });
    REQUIRE(rows.size() == 3);
    CHECK(calls == 3);
    CHECK(rows[0].group == "S37000005");
    CHECK(rows[0].zones == 193);
    CHECK(rows[0].k == 3);
    CHECK(rows[0].error.empty());
    CHECK(rows[0].contiguous);
    CHECK(rows[0].within_tolerance);
    CHECK(rows[0].max_deviation[0] <= 0.01);
    CHECK(rows[1].group == "S37000018");
    CHECK(rows[1].error.empty());
    CHECK(rows[2].group == "S37000022");
    CHECK_THAT(rows[2].error, Catch::Contains("cannot make 40 localities from the 29 zones"));

    for (const char* g : {"S37000005", "S37000018"}) {
        CHECK(fs::exists(out / (std::string(g) + ".geojson")));
        CHECK(fs::exists(out / (std::string(g) + "_assignment.csv")));
        const LocalityPlan plan = read_plan((out / (std::string(g) + ".plan.json")).string());
        CHECK(plan.partnership_code == g);
        CHECK(!plan.arrangements.empty());
    }
    CHECK_FALSE(fs::exists(out / "S37000022.geojson"));
    // The plan can reload exactly its partnership: a filter on ca_code selecting both councils.
    const LocalityPlan clacks = read_plan((out / "S37000005.plan.json").string());
    CHECK(clacks.sources.at("filter_field") == "ca_code");
    CHECK(clacks.sources.at("filter.1") == "S12000005");
    CHECK(clacks.sources.at("filter.2") == "S12000030");
    CHECK(clacks.assignment.size() == 193);
    // The run's balance rules travel with the plan (check, report and the viewer read them).
    REQUIRE(clacks.balance.size() == o.run.balance.size());
    CHECK(clacks.balance[0].column == o.run.balance[0].column);
    CHECK(clacks.balance[0].tolerance == o.run.balance[0].tolerance);

    const std::string summary = read_text(out / "summary.csv");
    CHECK_THAT(summary, Catch::StartsWith("partnership,name,k,zones,max_deviation_pct_pop2020_total,cut_length_km"));
    CHECK_THAT(summary, Catch::Contains("S37000022,Orkney Islands,40,29,"));
    CHECK_THAT(summary, Catch::Contains("cannot make 40 localities"));
    for (const auto& entry : fs::directory_iterator(out))
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("batch: the shipped table gives the 31 partnerships their 125 localities", "[generate]") {
    const auto table = read_k_csv(default_k_csv_path());
    CHECK(table.size() == 31);
    int total = 0;
    for (const auto& [group, entry] : table) total += entry.first;
    CHECK(total == 125);
    CHECK(table.at("S37000016").first == 9); // Highland
    CHECK(table.at("S37000034").second == "Glasgow City");
    // Compiled in from the repository's file, byte for byte.
    std::ifstream file(std::string(LP_SOURCE_DIR) + "/engine/data/localities_per_partnership.csv", std::ios::binary);
    REQUIRE(file);
    std::ostringstream text;
    text << file.rdbuf();
    CHECK(text.str() == std::string(shipped_localities_csv()));
}

TEST_CASE("batch: a bad k table names the line", "[generate]") {
    const fs::path k_csv = test::scratch_file("batch_bad_k.csv");
    std::ofstream(k_csv) << "group,k\nS37000005,3\nS37000018,one\n";
    CHECK_THROWS_WITH(read_k_csv(k_csv.string()), Catch::Contains("batch_bad_k.csv line 3: k 'one'"));
}
