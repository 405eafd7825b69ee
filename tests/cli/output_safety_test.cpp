// Outputs never destroy an input: an output that is an input (by any path) or that is
// a folder, device or FIFO is refused before any work with its own exit code, the input
// stays byte for byte, and no temporary file is left. A symlink is written through.
#include "../cli_run.hpp"
#include "../scratch_folder.hpp"
#include "../test_data.hpp"
#include "../test_files.hpp"

#include "exit_codes.hpp"

#include <lp/core/error.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using lp::test::Run;
using lp::test::shell;

const std::string boundaries = lp::test::boundaries_program() + " ";

Run run(const std::string& args) { return shell(boundaries + args); }

// The same, started in folder dir.
Run run_in(const fs::path& dir, const std::string& args) { return shell("cd " + dir.string() + " && " + boundaries + args); }

using lp::app::exit_status;
using lp::app::ExitCode;

using lp::test::bytes;
using lp::test::temporaries;

// A fresh folder holding the three-zone fixture (z.geojson) and its demand table (d.csv),
// in this process's scratch folder: two builds running this test at once must not remove
// each other's files.
fs::path scratch(const std::string& name) {
    const fs::path dir = lp::test::scratch_folder("safety_" + name);
    fs::copy_file(std::string(LP_SOURCE_DIR) + "/tests/fixtures/three_zones.geojson", dir / "z.geojson");
    fs::copy_file(std::string(LP_SOURCE_DIR) + "/tests/fixtures/demand_ok.csv", dir / "d.csv");
    return dir;
}

// generate on the scratch folder's files, run from inside it.
Run generate(const fs::path& dir, const std::string& outputs) {
    return run("generate --zones " + (dir / "z.geojson").string() + " --id-field zone --demand " + (dir / "d.csv").string() +
               " --localities 2 --balance pop " + outputs);
}

} // namespace

TEST_CASE("an output that is an input is refused before any work", "[cli][safety]") {
    const fs::path dir = scratch("output_is_input");
    const std::string zones = bytes(dir / "z.geojson");
    const std::string demand = bytes(dir / "d.csv");

    SECTION("--out is the zones file") {
        auto r = generate(dir, "--out " + (dir / "z.geojson").string());
        CHECK(r.status == exit_status(ExitCode::output_is_input));
        CHECK_THAT(r.output, Catch::Contains("--out " + (dir / "z.geojson").string()) &&
                                 Catch::Contains("same file as the input --zones"));
        CHECK_THAT(r.output, !Catch::Contains("localities")); // refused before partitioning
    }
    SECTION("--assignment is the demand table") {
        auto r = generate(dir, "--out " + (dir / "new.geojson").string() + " --assignment " + (dir / "d.csv").string());
        CHECK(r.status == exit_status(ExitCode::output_is_input));
        CHECK_THAT(r.output, Catch::Contains("--assignment " + (dir / "d.csv").string()) && Catch::Contains("--demand"));
        CHECK_FALSE(fs::exists(dir / "new.geojson")); // nothing of the set is written
    }
    SECTION("the same file through ./ and through a symlink") {
        auto dotted = run_in(dir, "generate --zones z.geojson --id-field zone --demand d.csv --localities 2 "
                                  "--balance pop --out ./z.geojson");
        CHECK(dotted.status == exit_status(ExitCode::output_is_input));
        CHECK_THAT(dotted.output, Catch::Contains("--out ./z.geojson") && Catch::Contains("--zones z.geojson"));

        fs::create_symlink("z.geojson", dir / "link.geojson");
        auto linked = generate(dir, "--out " + (dir / "link.geojson").string());
        CHECK(linked.status == exit_status(ExitCode::output_is_input));
        CHECK_THAT(linked.output, Catch::Contains("link.geojson (a symlink to") && Catch::Contains("--zones"));
        CHECK(fs::is_symlink(dir / "link.geojson"));

        fs::create_hard_link(dir / "d.csv", dir / "hard.csv");
        auto hard = generate(dir, "--out " + (dir / "new.geojson").string() + " --assignment " + (dir / "hard.csv").string());
        CHECK(hard.status == exit_status(ExitCode::output_is_input));
        CHECK_THAT(hard.output, Catch::Contains("hard.csv is the same file as the input --demand"));
    }
    SECTION("two outputs on one path") {
        auto r = generate(dir, "--out " + (dir / "new.geojson").string() + " --assignment " + (dir / "new.geojson").string());
        CHECK(r.status == exit_status(ExitCode::output_is_input));
        CHECK_THAT(r.output, Catch::Contains("--assignment") && Catch::Contains("is the same file as --out"));
    }
    SECTION("a report folder holding its own input, and a plan file as the report folder") {
        fs::create_directories(dir / "report");
        std::ofstream(dir / "report" / "localities.csv") << "zone,locality\nA,1\nB,1\nC,2\n";
        const std::string lookup = bytes(dir / "report" / "localities.csv");
        auto r = run("report --assignment " + (dir / "report" / "localities.csv").string() + " --zones " +
                     (dir / "z.geojson").string() + " --id-field zone --out " + (dir / "report").string());
        CHECK(r.status == exit_status(ExitCode::output_is_input));
        CHECK_THAT(r.output, Catch::Contains("--out " + (dir / "report" / "localities.csv").string()) &&
                                 Catch::Contains("--assignment"));
        CHECK(bytes(dir / "report" / "localities.csv") == lookup);
        CHECK(temporaries(dir / "report").empty());

        auto plan = run("report --plan " + (dir / "z.geojson").string() + " --out " + (dir / "z.geojson").string());
        CHECK(plan.status == exit_status(ExitCode::output_not_regular));
        CHECK_THAT(plan.output, Catch::Contains("z.geojson is a file, not a folder"));
    }
    SECTION("generate --all: an input in the output folder under an output's name") {
        fs::create_directories(dir / "all");
        fs::copy_file(dir / "d.csv", dir / "all" / "summary.csv");
        auto r = run("generate --all --zones " + (dir / "z.geojson").string() + " --id-field zone --demand " +
                     (dir / "all" / "summary.csv").string() + " --group-field ward --localities 2 --balance pop --out-dir " +
                     (dir / "all").string());
        CHECK(r.status == exit_status(ExitCode::output_is_input));
        CHECK_THAT(r.output, Catch::Contains("summary.csv is the same file as the input --demand"));
        CHECK(bytes(dir / "all" / "summary.csv") == demand);
    }
    SECTION("plan export over its own plan, diff over a plan") {
        std::ofstream(dir / "p.json") << "{}";
        auto r = run("plan export --plan " + (dir / "p.json").string() + " --out " + (dir / "p.json").string());
        CHECK(r.status == exit_status(ExitCode::output_is_input));
        CHECK_THAT(r.output, Catch::Contains("--out " + (dir / "p.json").string()) && Catch::Contains("--plan"));
        auto d = run("diff --no-data --plan " + (dir / "p.json").string() + " --plan " + (dir / "z.geojson").string() +
                     " --out " + (dir / "z.geojson").string());
        CHECK(d.status == exit_status(ExitCode::output_is_input));
        CHECK(bytes(dir / "p.json") == "{}");
    }
    CHECK(bytes(dir / "z.geojson") == zones);
    CHECK(bytes(dir / "d.csv") == demand);
    CHECK(temporaries(dir).empty());
    fs::remove_all(dir);
}

TEST_CASE("dissolve refuses to write a Shapefile over its own input set", "[cli][safety]") {
    const fs::path dir = lp::test::scratch_folder("safety_shapefile");
    std::map<std::string, std::string> before;
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj"}) {
        fs::copy_file(lp::test::data(std::string("shapefiles/orkney_islands/dz2011_orkney_islands") + ext),
                      dir / (std::string("orkney") + ext));
        before[ext] = bytes(dir / (std::string("orkney") + ext));
    }
    const std::string zones = "--zones " + (dir / "orkney.shp").string() + " --id-field dz11_code ";

    SECTION("the same .shp") {
        auto r = run("dissolve " + zones + "--out " + (dir / "orkney.shp").string());
        CHECK(r.status == exit_status(ExitCode::output_is_input));
        CHECK_THAT(r.output, Catch::Contains("--out " + (dir / "orkney.shp").string()) && Catch::Contains("--zones"));
    }
    SECTION("another name whose .dbf is a link to the input's") {
        fs::create_symlink(dir / "orkney.dbf", dir / "other.dbf");
        auto r = run("dissolve " + zones + "--out " + (dir / "other.shp").string());
        CHECK(r.status == exit_status(ExitCode::output_is_input));
        CHECK_THAT(r.output, Catch::Contains("other.dbf") && Catch::Contains("orkney.dbf"));
        CHECK_FALSE(fs::exists(dir / "other.shp"));
    }
    SECTION("a new name is written, the input untouched") {
        auto r = run("dissolve " + zones + "--out " + (dir / "all.shp").string());
        CHECK(r.status == 0);
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj"}) CHECK(fs::exists(dir / (std::string("all") + ext)));
    }
    for (const auto& [ext, content] : before) CHECK(bytes(dir / ("orkney" + ext)) == content);
    CHECK(temporaries(dir).empty());
    fs::remove_all(dir);
}

TEST_CASE("outputs that are not regular files are refused but symlinks are written through", "[cli][safety]") {
    const fs::path dir = scratch("not_regular");

    SECTION("a folder") {
        fs::create_directories(dir / "folder.geojson");
        auto r = generate(dir, "--out " + (dir / "folder.geojson").string());
        CHECK(r.status == exit_status(ExitCode::output_not_regular));
        CHECK_THAT(r.output, Catch::Contains("--out " + (dir / "folder.geojson").string() + " is a folder"));
        CHECK(fs::is_empty(dir / "folder.geojson"));
    }
    SECTION("a FIFO") {
        REQUIRE(::mkfifo((dir / "fifo.csv").c_str(), 0644) == 0);
        auto r = generate(dir, "--out " + (dir / "new.geojson").string() + " --assignment " + (dir / "fifo.csv").string());
        CHECK(r.status == exit_status(ExitCode::output_not_regular));
        CHECK_THAT(r.output, Catch::Contains("--assignment " + (dir / "fifo.csv").string() + " is a FIFO"));
        CHECK(fs::is_fifo(dir / "fifo.csv"));
        CHECK_FALSE(fs::exists(dir / "new.geojson"));
    }
    SECTION("a device") {
        auto r = generate(dir, "--out " + (dir / "new.geojson").string() + " --assignment /dev/full");
        CHECK(r.status == exit_status(ExitCode::output_not_regular));
        CHECK_THAT(r.output, Catch::Contains("--assignment /dev/full is a character device"));
        CHECK(fs::is_character_file("/dev/full"));
    }
    SECTION("a symlink to a folder") {
        fs::create_directories(dir / "sub");
        fs::create_symlink("sub", dir / "link.csv");
        auto r = generate(dir, "--out " + (dir / "new.geojson").string() + " --assignment " + (dir / "link.csv").string());
        CHECK(r.status == exit_status(ExitCode::output_not_regular));
        CHECK_THAT(r.output, Catch::Contains("link.csv (a symlink to") && Catch::Contains("is a folder"));
    }
    SECTION("a symlink to a new path is written through and stays a symlink") {
        fs::create_directories(dir / "real");
        fs::create_symlink("real/target.geojson", dir / "out.geojson");
        fs::create_symlink(dir / "real" / "target.csv", dir / "out.csv");
        auto r = generate(dir, "--out " + (dir / "out.geojson").string() + " --assignment " + (dir / "out.csv").string());
        CHECK(r.status == 0);
        CHECK(fs::is_symlink(dir / "out.geojson"));
        CHECK(fs::is_symlink(dir / "out.csv"));
        CHECK_THAT(bytes(dir / "real" / "target.geojson"), Catch::StartsWith("{\"type\":\"FeatureCollection\""));
        CHECK_THAT(bytes(dir / "real" / "target.csv"), Catch::StartsWith("zone,locality"));
        CHECK(temporaries(dir / "real").empty());
        // Again, now that the targets exist: still written through.
        CHECK(generate(dir, "--out " + (dir / "out.geojson").string() + " --assignment " + (dir / "out.csv").string()).status == 0);
        CHECK(fs::is_symlink(dir / "out.geojson"));
        CHECK(fs::is_regular_file(fs::symlink_status(dir / "real" / "target.geojson")));
    }
    CHECK(temporaries(dir).empty());
    fs::remove_all(dir);
}

TEST_CASE("a run removes dead writers' temporaries beside its outputs and writes its files as one set", "[cli][safety]") {
    const fs::path dir = scratch("output_set");
    const std::string zones = bytes(dir / "z.geojson");
    const std::string demand = bytes(dir / "d.csv");

    SECTION("an orphan of a dead pid goes, a temporary of a live pid stays") {
        const pid_t child = fork();
        if (child == 0) _exit(0);
        REQUIRE(child > 0);
        waitpid(child, nullptr, 0); // child's pid is now one of no process
        const std::string orphan = ".out.geojson.tmp-" + std::to_string(child) + "-0";
        const std::string live = ".out.geojson.tmp-" + std::to_string(getpid()) + "-0";
        std::ofstream(dir / orphan) << "half a file";
        std::ofstream(dir / live) << "being written";
        auto r = generate(dir, "--out " + (dir / "out.geojson").string() + " --assignment " + (dir / "out.csv").string());
        CHECK(r.status == 0);
        CHECK_FALSE(fs::exists(dir / orphan));
        CHECK(bytes(dir / live) == "being written");
        CHECK(temporaries(dir) == std::vector<std::string>{live});
        fs::remove(dir / live);
    }
    SECTION("a second output that cannot be written: neither output is new") {
        std::ofstream(dir / "out.geojson") << "old localities";
        std::ofstream(dir / "somefile") << "a file, not a folder";
        auto r = generate(dir, "--out " + (dir / "out.geojson").string() + " --assignment " +
                                   (dir / "somefile" / "out.csv").string());
        CHECK(r.status == exit_status(ExitCode::output_not_regular));
        CHECK_THAT(r.output, Catch::Contains("--assignment " + (dir / "somefile" / "out.csv").string()) &&
                                 Catch::Contains("is a file, not a folder"));
        CHECK(bytes(dir / "out.geojson") == "old localities");
        CHECK(bytes(dir / "somefile") == "a file, not a folder");
    }
    SECTION("a report folder is written as one set") {
        std::ofstream(dir / "lookup.csv") << "zone,locality\nA,1\nB,1\nC,2\n";
        auto r = run("report --assignment " + (dir / "lookup.csv").string() + " --zones " + (dir / "z.geojson").string() +
                     " --id-field zone --out " + (dir / "report").string());
        CHECK(r.status == 0);
        for (const char* name : {"report.html", "localities.csv", "functions.csv", "check.csv", "localities.geojson"})
            CHECK(fs::is_regular_file(dir / "report" / name));
        CHECK(temporaries(dir / "report").empty());
    }
    CHECK(bytes(dir / "z.geojson") == zones);
    CHECK(bytes(dir / "d.csv") == demand);
    CHECK(temporaries(dir).empty());
    fs::remove_all(dir);
}
