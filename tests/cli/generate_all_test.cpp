// `boundaries generate --all` from a TOML config: one file reproduces a run.
#include "../scratch_folder.hpp"
#include "../test_data.hpp"

#include "exit_codes.hpp"

#include <lp/core/error.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

int run_boundaries(const std::string& args, std::string& output) {
    const std::string command = std::string(LP_BINARY_DIR) + "/bin/boundaries " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buf{};
    while (std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) output.append(buf.data(), n);
    const int status = pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

TEST_CASE("generate --all from a TOML config file", "[cli][generate][real]") {
    const fs::path dir = lp::test::scratch_folder("generate_all_config");
    const fs::path out = dir / "out";
    const fs::path config = dir / "lothians.toml";
    std::ofstream(config) << "# the two Lothian partnerships\n"
                          << "all = true\n"
                          << "zones = \"" << lp::test::scotland_gpkg() << "\"\n"
                          << "layer = \"datazones\"\nid-field = \"dz11_code\"\ngroup-field = \"hscp_code\"\n"
                          << "group-lookup = \"" << lp::test::data("demand/dz2011_lookup.csv") << "\"\n"
                          << "demand = [\"" << lp::test::data("demand/dz2011_population_2020.csv") << "\"]\n"
                          << "balance = [\"pop2020_total:1%\", \"pop2020_75plus:5%\"]\n"
                          << "keep-whole = \"iz11_code\"\nonly = [\"S37000018\", \"S37000010\"]\nseed = 7\n"
                          << "out-dir = \"" << out.string() << "\"\n";
    std::string output;
    const int code = run_boundaries("generate --config " + config.string(), output);
    INFO(output);
    CHECK(code == 0);
    CHECK_THAT(output, Catch::Contains("2 partnerships in") && Catch::Contains("2 within every tolerance, 0 failed"));
    // Not a terminal: plain progress lines, one per partnership.
    CHECK_THAT(output, Catch::Contains("/2 S37000018 Midlothian (2 localities, 115 zones)"));
    std::ifstream summary(out / "summary.csv");
    std::stringstream text;
    text << summary.rdbuf();
    CHECK_THAT(text.str(), Catch::Contains("S37000010,East Lothian,2,132,"));
    CHECK_THAT(text.str(), Catch::Contains("S37000018,Midlothian,2,115,"));

    std::string missing;
    CHECK(run_boundaries("generate --config /nonexistent/run.toml", missing) == lp::app::exit_status(lp::app::ExitCode::file_not_found));
    CHECK_THAT(missing, Catch::Contains("/nonexistent/run.toml: config file not found"));
}

TEST_CASE("a config file is read by every command, its keys with '_' or '-'", "[cli][config]") {
    const fs::path dir = lp::test::scratch_folder("config_any_command");
    const fs::path config = dir / "orkney.toml";
    std::ofstream(config) << "zones = \"" << lp::test::scotland_gpkg() << "\"\nlayer = \"datazones\"\n"
                          << "id_field = \"dz11_code\"\nfilter_field = \"ca_code\"\nfilter = [\"S12000023\"]\n";
    std::string output;
    CHECK(run_boundaries("inspect --config " + config.string(), output) == 0);
    CHECK_THAT(output, Catch::Contains("zones:       29"));
    CHECK(run_boundaries("dissolve --config " + config.string() + " --out " + (dir / "orkney.geojson").string(), output) == 0);
    CHECK(fs::exists(dir / "orkney.geojson"));
}

TEST_CASE("the command line overrides a config file's single values and adds to its lists", "[cli][config]") {
    const fs::path dir = lp::test::scratch_folder("config_override");
    const fs::path config = dir / "orkney.toml";
    std::ofstream(config) << "zones = \"" << lp::test::scotland_gpkg() << "\"\nlayer = \"datazones\"\n"
                          << "id_field = \"dz11_code\"\nfilter_field = \"ca_code\"\nfilter = [\"S12000023\"]\n"
                          << "demand = [\"" << lp::test::data("demand/dz2011_population_2020.csv") << "\"]\n"
                          << "localities = 2\nseed = 3\nbalance = [\"pop2020_total:30%\"]\n";
    std::string output;
    // --localities and --seed given again replace the file's; --balance adds a second band.
    REQUIRE(run_boundaries("generate --config " + config.string() + " --localities 3 --seed 4 --balance " +
                               "pop2020_75plus:60% --out " + (dir / "o.geojson").string(),
                           output) == 0);
    CHECK_THAT(output, Catch::Contains("29 zones into 3 localities") && Catch::Contains("seed 4)"));
    CHECK_THAT(output, Catch::Contains("pop2020_total") && Catch::Contains("pop2020_75plus"));
    // Without them, the file's values stand.
    REQUIRE(run_boundaries("generate --config " + config.string() + " --out " + (dir / "p.geojson").string(), output) == 0);
    CHECK_THAT(output, Catch::Contains("29 zones into 2 localities") && Catch::Contains("seed 3)"));
}

TEST_CASE("generate --all twice gives summary.csv byte for byte, the times in timing.csv", "[cli][generate][real]") {
    // Three island partnerships (the smallest), on two workers so they finish in any order.
    const fs::path dir = lp::test::scratch_folder("generate_all_twice");
    const std::string options = "generate --all --zones " + lp::test::scotland_gpkg() +
                                " --layer datazones --id-field dz11_code --group-field hscp_code --group-lookup " +
                                lp::test::data("demand/dz2011_lookup.csv") + " --demand " +
                                lp::test::data("demand/dz2011_population_2020.csv") +
                                " --balance pop2020_total:30% --only S37000022 S37000026 S37000031 --jobs 2 --seed 3";
    auto read = [](const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    };
    std::string first_output, second_output;
    REQUIRE(run_boundaries(options + " --out-dir " + (dir / "first").string(), first_output) == 0);
    REQUIRE(run_boundaries(options + " --out-dir " + (dir / "second").string(), second_output) == 0);
    const std::string first = read(dir / "first" / "summary.csv");
    const std::string second = read(dir / "second" / "summary.csv");
    INFO(first);
    CHECK_THAT(first, Catch::StartsWith("partnership,name,k,zones,max_deviation_pct_pop2020_total,cut_length_km,"
                                        "split_groups,crossings,contiguous,within_tolerance,error\n"));
    CHECK_THAT(first, Catch::Contains("S37000022,Orkney Islands,") && Catch::Contains("S37000026,Shetland Islands,") &&
                          Catch::Contains("S37000031,Na h-Eileanan Siar,"));
    CHECK(first == second);
    // The times are apart, one row a partnership in summary.csv's order.
    for (const char* run : {"first", "second"}) {
        const std::string timing = read(dir / run / "timing.csv");
        INFO(timing);
        CHECK_THAT(timing, Catch::Matches("partnership,name,seconds\n"
                                          "S37000022,Orkney Islands,[0-9]+\\.[0-9]{3}\n"
                                          "S37000026,Shetland Islands,[0-9]+\\.[0-9]{3}\n"
                                          "S37000031,Na h-Eileanan Siar,[0-9]+\\.[0-9]{3}\n"));
    }
}
