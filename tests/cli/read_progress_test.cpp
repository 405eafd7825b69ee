// Progress on long reads (issue 24 item 9): lines on stderr only, forced with LP_PROGRESS,
// and stdout and the output files the same bytes with and without them.
#include "../cli_run.hpp"
#include "../scratch_folder.hpp"
#include "../test_data.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

std::string bytes(const fs::path& path) { return lp::test::read_text(path.string()); }

// Runs `arguments` in folder/NAME/ with the environment setting given (empty: LP_PROGRESS
// unset), stdout and stderr into files of their own there; returns the exit status.
int run_in(const fs::path& folder, const std::string& name, const std::string& setting, const std::string& arguments) {
    fs::create_directories(folder / name);
    const std::string environment = setting.empty() ? "env -u LP_PROGRESS " : "env LP_PROGRESS=" + setting + " ";
    const auto run = lp::test::shell("cd " + (folder / name).string() + " && " + environment +
                                     lp::test::boundaries_program() + " " + arguments + " >stdout.txt 2>stderr.txt");
    return run.status;
}

} // namespace

TEST_CASE("a read shows progress on stderr only, and stdout and outputs stay the same bytes", "[cli][progress]") {
    const fs::path dir = lp::test::scratch_folder("read_progress");
    // All of Scotland, with a demand table (the graph is built beside the join) and an output file.
    const std::string arguments = "dissolve --zones " + lp::test::scotland_gpkg() +
                                  " --layer datazones --id-field dz11_code --demand " +
                                  lp::test::data("demand/dz2011_population_2020.csv") +
                                  " --by ca_code --out councils.geojson";
    REQUIRE(run_in(dir, "forced", "now", arguments) == 0);
    REQUIRE(run_in(dir, "unset", "", arguments) == 0);
    REQUIRE(run_in(dir, "off", "0", arguments) == 0);

    const std::string forced = bytes(dir / "forced" / "stderr.txt");
    INFO(forced);
    // The features read of the driver's count, the zones checked, and a last line (dissolve
    // builds no graph).
    CHECK_THAT(forced, Catch::Contains("boundaries: reading dz2011_scotland_bng.gpkg: 64 of 6,976 features\n"));
    CHECK_THAT(forced, Catch::Contains("boundaries: checking zones: "));
    CHECK_THAT(forced, Catch::Contains(" of 6,976 reprojected, validated, repaired where invalid\n"));
    CHECK_THAT(forced, Catch::Matches("[\\s\\S]*\nboundaries: read 6,976 zones from dz2011_scotland_bng.gpkg in "
                                      "[0-9]+\\.[0-9] s\n"));
    CHECK(forced.find("contiguity graph") == std::string::npos);
    // stderr is no terminal here: plain lines, never a carriage return.
    CHECK(forced.find('\r') == std::string::npos);
    // Without LP_PROGRESS and no terminal, dissolve (which reports no progress of its own) is
    // silent, and so is LP_PROGRESS=0.
    for (const char* quiet : {"unset", "off"}) {
        const std::string err = bytes(dir / quiet / "stderr.txt");
        INFO(quiet << ": " << err);
        CHECK(err.find("boundaries: read") == std::string::npos);
        CHECK(err.find("boundaries: reading") == std::string::npos);
    }
    // Nothing of it in stdout or the output file.
    const std::string out = bytes(dir / "forced" / "stdout.txt");
    CHECK(out.find("reading") == std::string::npos);
    CHECK(out == bytes(dir / "unset" / "stdout.txt"));
    CHECK(out == bytes(dir / "off" / "stdout.txt"));
    const std::string geojson = bytes(dir / "forced" / "councils.geojson");
    CHECK(geojson.size() > 1000);
    CHECK(geojson == bytes(dir / "unset" / "councils.geojson"));
    CHECK(geojson == bytes(dir / "off" / "councils.geojson"));
}

TEST_CASE("a filtered read shows the features read, the zones kept and the graph, and inspect prints the same", "[cli][progress]") {
    const fs::path dir = lp::test::scratch_folder("read_progress_geojson");
    // A GeoJSON council filtered by Intermediate Zone: features read of 746, the few zones kept.
    const std::string arguments = "inspect --zones " + lp::test::data("councils/dz2011_glasgow_city_S12000049.geojson") +
                                  " --id-field dz11_code --filter-field iz11_code --filter S02001842 S02001843";
    REQUIRE(run_in(dir, "forced", "now", arguments) == 0);
    REQUIRE(run_in(dir, "unset", "", arguments) == 0);
    const std::string forced = bytes(dir / "forced" / "stderr.txt");
    INFO(forced);
    // Of the 746 features, the 10 zones of the two Intermediate Zones are kept; then the graph.
    CHECK_THAT(forced, Catch::Contains("boundaries: reading dz2011_glasgow_city_S12000049.geojson: 64 of 746 features, "));
    CHECK_THAT(forced, Catch::Contains(" zones kept\n"));
    CHECK_THAT(forced, Catch::Contains("boundaries: building the contiguity graph of 10 zones: outlines\n"));
    CHECK_THAT(forced, Catch::Matches("[\\s\\S]*\nboundaries: read 10 zones from dz2011_glasgow_city_S12000049.geojson in "
                                      "[0-9]+\\.[0-9] s \\(contiguity graph of [0-9]+ edges\\)\n"));
    const std::string out = bytes(dir / "forced" / "stdout.txt");
    CHECK(out.size() > 100);
    CHECK(out == bytes(dir / "unset" / "stdout.txt"));
    CHECK(bytes(dir / "unset" / "stderr.txt").find("boundaries: read") == std::string::npos);
}

TEST_CASE("LP_PROGRESS that is not 0, 1 or now is a usage error naming it", "[cli][progress]") {
    const fs::path dir = lp::test::scratch_folder("read_progress_bad");
    CHECK(run_in(dir, "bad", "yes", "inspect --zones " + lp::test::data("councils/dz2011_orkney_islands_S12000023.geojson") +
                                        " --id-field dz11_code") == 2);
    CHECK_THAT(bytes(dir / "bad" / "stderr.txt"), Catch::Contains("LP_PROGRESS=yes"));
    CHECK(bytes(dir / "bad" / "stdout.txt").empty());
}
