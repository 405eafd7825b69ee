// The bad-input matrix of issue 15: every kind of bad input the issue lists, through the
// command line, with the same four checks for each: the exit code, stderr naming the file
// and the line or feature (or the option), no output or temporary file left in the output
// folder, and the inputs unchanged. Inputs are written into a fresh folder per case.
#include "../cli_run.hpp"
#include "../scratch_folder.hpp"
#include "../test_data.hpp"
#include "exit_codes.hpp"

#include <lp/core/error.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace {

struct Outcome {
    int code;            // exit code; -1 when the process ended on a signal
    std::string errors;  // stderr alone
};

// prefix: shell words before the program (`ulimit -v N; `, `timeout 60 `).
Outcome run_boundaries(const std::string& args, const std::string& prefix = "") {
    const lp::test::Run run = lp::test::shell(prefix + lp::test::boundaries_program() + " " + args + " 2>&1 >/dev/null");
    return {run.status, run.output};
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string fixture(const std::string& name) { return read_text(fs::path(LP_SOURCE_DIR) / "tests/fixtures" / name); }

using lp::app::exit_status;
using lp::app::ExitCode;

// A 3 GB address-space cap, so a builder that fills memory fails here instead of the
// machine. Not under AddressSanitizer (the sanitizer build of docs/reliability.md): its
// shadow memory alone reserves terabytes of address space, so ulimit -v stops it at start.
std::string memory_cap() {
#if defined(__SANITIZE_ADDRESS__)
    return "";
#else
    return "ulimit -v 3000000; ";
#endif
}

// in/ holds the case's inputs (three zones A, B, C as z.geojson, demand pop 100/200/300 as
// d.csv, plus what the case writes); out/ is where its outputs go.
struct Folder {
    fs::path dir, in, out;
    explicit Folder(const std::string& name)
        : dir(lp::test::scratch_folder("bad_input_matrix_" + name)), in(dir / "in"), out(dir / "out") {
        fs::create_directories(in);
        fs::create_directories(out);
        write_in("z.geojson", fixture("three_zones.geojson"));
        write_in("d.csv", fixture("demand_ok.csv"));
    }
    ~Folder() { fs::remove_all(dir); }
    std::string write_in(const std::string& name, const std::string& text) const {
        std::ofstream(in / name, std::ios::binary) << text;
        return (in / name).string();
    }
    std::string i(const std::string& name) const { return (in / name).string(); }
    std::string o(const std::string& name) const { return (out / name).string(); }
    std::map<std::string, std::string> inputs() const {
        std::map<std::string, std::string> files;
        for (const auto& e : fs::recursive_directory_iterator(in))
            if (e.is_regular_file()) files[e.path().string()] = read_text(e.path());
        return files;
    }
    std::set<std::string> outputs() const {
        std::set<std::string> names;
        for (const auto& e : fs::directory_iterator(out)) names.insert(e.path().filename().string());
        return names;
    }
    std::vector<std::string> temporaries() const {
        std::vector<std::string> found;
        for (const auto& e : fs::recursive_directory_iterator(dir))
            if (e.path().filename().string().find(".tmp-") != std::string::npos) found.push_back(e.path().string());
        return found;
    }
};

// One partition of the three zones into two, on the given zones and demand, into out/o.geojson.
std::string generate(const Folder& f, const std::string& zones = "z.geojson", const std::string& demand = "d.csv") {
    return "generate --zones " + f.i(zones) + " --id-field zone --demand " + f.i(demand) +
           " --localities 2 --balance pop:50% --out " + f.o("o.geojson");
}

std::string three_zones_with(const std::string& from, const std::string& to) {
    std::string text = fixture("three_zones.geojson");
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

struct Case {
    std::string name;
    std::function<std::string(const Folder&)> args;  // writes the case's inputs, gives the arguments
    std::set<int> codes;                             // accepted exit codes
    std::vector<std::string> mentions;               // stderr names these (file and line or feature)
    std::set<std::string> outputs;                   // what out/ holds afterwards
    std::function<void(const Folder&)> also = {};    // any further check
    std::string environment = {};                    // NAME=value words for env(1) before the program
};

const int ok = 0;
const int out_of_band = exit_status(ExitCode::tolerance_not_met); // a written partition outside a band

std::vector<Case> matrix() {
    return {
        {"output is an input (15)",
         [](const Folder& f) { return generate(f) + " --assignment " + f.i("d.csv"); },
         {exit_status(ExitCode::output_is_input)},
         {"d.csv", "--demand"},
         {}},
        {"output is a folder (16)",
         [](const Folder& f) {
             fs::create_directory(f.out / "o.geojson");
             return generate(f);
         },
         {exit_status(ExitCode::output_not_regular)},
         {"o.geojson is a folder"},
         {"o.geojson"},
         [](const Folder& f) { CHECK(fs::is_empty(f.out / "o.geojson")); }},
        {"output is /dev/null, a device (16)",
         [](const Folder& f) { return generate(f) + " --assignment /dev/null"; },
         {exit_status(ExitCode::output_not_regular)},
         {"--assignment /dev/null is a character device"},
         {}},
        {"unwritable .gpkg output (13)",
         [](const Folder& f) {
             return "dissolve --zones " + f.i("z.geojson") + " --id-field zone --out " + f.o("missing/o.gpkg");
         },
         {exit_status(ExitCode::write_failed)},
         {"o.gpkg"},
         {}},
        {"--out-dir that is a file (16)",
         [](const Folder& f) {
             std::ofstream(f.out / "not_a_folder") << "x";
             return "generate --zones " + f.i("z.geojson") + " --id-field zone --demand " + f.i("d.csv") +
                    " --all --group-field ward --localities 2 --balance pop:50% --out-dir " + f.o("not_a_folder");
         },
         {exit_status(ExitCode::output_not_regular), exit_status(ExitCode::write_failed)},
         {"not_a_folder"},
         {"not_a_folder"}},
        {"--balance pop:-10% (2)",
         [](const Folder& f) {
             const std::string a = generate(f);
             return a.substr(0, a.find("--balance")) + "--balance pop:-10% --out " + f.o("o.geojson");
         },
         {exit_status(ExitCode::usage)},
         {"--balance pop:-10%"},
         {}},
        {"--snap -10 (2)",
         [](const Folder& f) { return generate(f) + " --snap -10"; },
         {exit_status(ExitCode::usage)},
         {"--snap -10"},
         {}},
        {"a plan number 1e309 (14)",
         [](const Folder& f) {
             f.write_in("plan.json", "{\n  \"schema_version\": 1,\n  \"partnership\": 1e309\n}\n");
             return "report --plan " + f.i("plan.json") + " --out " + f.o("report");
         },
         {exit_status(ExitCode::bad_plan)},
         {"plan.json: line 3", "out of range"},
         {}},
        {"a key given twice in a plan (14)",
         [](const Folder& f) {
             f.write_in("dup.json", "{\"schema_version\": 1, \"assignment\": {\"A\": \"L1\", \"A\": \"L2\"}}\n");
             return "report --plan " + f.i("dup.json") + " --out " + f.o("report");
         },
         {exit_status(ExitCode::bad_plan)},
         {"dup.json", "/assignment: key \"A\" appears twice"},
         {}},
        {"a plan from a newer build (14)",
         [](const Folder& f) {
             f.write_in("newer.json", "{\"schema_version\": 99}\n");
             return "plan export --plan " + f.i("newer.json") + " --out " + f.o("lookup.csv");
         },
         {exit_status(ExitCode::bad_plan)},
         {"newer.json", "schema_version"},
         {}},
        {"a Windows-1252 lock CSV with \"\xC3\x8Cle\" is decoded",
         [](const Folder& f) {
             return generate(f) + " --lock " + f.write_in("lock.csv", "zone,locality\nA,\xCCle\n") + " --assignment " +
                    f.o("o.csv");
         },
         {ok, out_of_band},
         {},
         {"o.geojson", "o.csv"},
         [](const Folder& f) { CHECK_THAT(read_text(f.out / "o.csv"), Catch::Contains(",\xC3\x8Cle\n")); }}, // UTF-8 now
        {"a lock CSV byte neither UTF-8 nor Windows-1252 (8)",
         [](const Folder& f) { return generate(f) + " --lock " + f.write_in("lockbad.csv", "zone,locality\nA,x\nB,\x81\n"); },
         {exit_status(ExitCode::bad_value)},
         {"lockbad.csv: line 3: byte 0x81"},
         {}},
        {"a demand CSV with a byte order mark",
         [](const Folder& f) {
             f.write_in("bom.csv", "\xEF\xBB\xBFzone,pop\r\nA,100\r\nB,200\r\nC,300\r\n");
             return generate(f, "z.geojson", "bom.csv");
         },
         {ok, out_of_band},
         {},
         {"o.geojson"}},
        {"a demand value of 1e308 (8)",
         [](const Folder& f) {
             f.write_in("huge.csv", "zone,pop\nA,100\nB,1e308\nC,300\n");
             return generate(f, "z.geojson", "huge.csv");
         },
         {exit_status(ExitCode::bad_value)},
         {"huge.csv line 3, column pop", "zone B"},
         {}},
        {"a missing value in the first row (8)",
         [](const Folder& f) {
             f.write_in("gap.csv", "zone,pop\nA,\nB,200\nC,300\n");
             return generate(f, "z.geojson", "gap.csv");
         },
         {exit_status(ExitCode::bad_value)},
         {"gap.csv line 2, column pop: no value (zone A)"},
         {}},
        {"\"1,234\" in the first row is a number",
         [](const Folder& f) {
             f.write_in("commas.csv", "zone,pop\nA,\"1,234\"\nB,1200\nC,\"1,300\"\n");
             return generate(f, "z.geojson", "commas.csv");
         },
         {ok, out_of_band},
         {},
         {"o.geojson"}},
        {"a second row for a zone (8)",
         [](const Folder& f) {
             f.write_in("twice.csv", "zone,pop\nA,100\nA,150\nB,200\nC,300\n");
             return generate(f, "z.geojson", "twice.csv");
         },
         {exit_status(ExitCode::bad_value)},
         {"twice.csv line 3: second row for zone A"},
         {}},
        {"a NaN coordinate (12)",
         [](const Folder& f) {
             f.write_in("nan.geojson", three_zones_with("[-3.18,55.90],[-3.17,55.90]", "[-3.18,1e999],[-3.17,55.90]"));
             return generate(f, "nan.geojson");
         },
         {exit_status(ExitCode::bad_geometry)},
         {"nan.geojson: feature 3", "not a finite number"},
         {}},
        {"duplicate zone ids (7)",
         [](const Folder& f) {
             f.write_in("dup.geojson", fixture("duplicate_ids.geojson"));
             return generate(f, "dup.geojson");
         },
         {exit_status(ExitCode::duplicate_id)},
         {"dup.geojson: feature 3: duplicate zone 'A'"},
         {}},
        {"an assignment CSV with a quote never closed (8)",
         [](const Folder& f) {
             return "plan import --assignment " + f.write_in("lookup.csv", "zone,locality\nA,L1\nB,\"L2\nC,L2\n") +
                    " --zones " + f.i("z.geojson") + " --id-field zone --out " + f.o("plan.json");
         },
         {exit_status(ExitCode::bad_value)},
         {"lookup.csv: line 3", "never closed"},
         {}},
    };
}

// Every case answers within a minute (killed after two: `timeout` exits 124, no case's code).
constexpr double case_seconds = 60;

void check_case(const Case& c) {
    const Folder f(std::to_string(std::hash<std::string>{}(c.name) % 100000));
    const std::string args = c.args(f);
    const auto inputs_before = f.inputs();
    INFO("boundaries " << (args.size() > 2000 ? args.substr(0, 2000) + "..." : args));
    const auto started = std::chrono::steady_clock::now();
    const Outcome r = run_boundaries(args, "timeout 120 " + (c.environment.empty() ? "" : "env " + c.environment + " "));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    INFO("stderr: " << (r.errors.size() > 4000 ? r.errors.substr(0, 4000) + "..." : r.errors));
    CHECK(seconds < case_seconds);
    CHECK(c.codes.count(r.code) == 1);
    for (const auto& m : c.mentions) CHECK_THAT(r.errors, Catch::Contains(m));
    CHECK(f.outputs() == c.outputs);
    CHECK(f.temporaries().empty());
    CHECK(f.inputs() == inputs_before);
    if (c.also) c.also(f);
}

// A plan of the three zones (A in L1, B and C in L2) made on in/z.geojson and in/d.csv;
// sources replaces or adds recorded sources, and without localities the plan has none.
std::string plan_of(const Folder& f, const std::string& name, const std::map<std::string, std::string>& sources = {},
                    bool localities = true) {
    std::map<std::string, std::string> recorded{{"zones", f.i("z.geojson")}, {"id_field", "zone"}, {"demand.1", f.i("d.csv")}};
    for (const auto& [key, value] : sources) recorded[key] = value;
    std::string text = "{\n  \"schema_version\": 1,\n  \"sources\": {";
    bool first = true;
    for (const auto& [key, value] : recorded) {
        text += std::string(first ? "" : ",") + "\n    \"" + key + "\": \"" + value + "\"";
        first = false;
    }
    text += "\n  },\n";
    if (localities)
        text += "  \"localities\": [{\"id\": \"L1\", \"name\": \"=HYPERLINK(\\\"http://x\\\")\"}, "
                "{\"id\": \"L2\", \"name\": \"-3.5\"}],\n"
                "  \"assignment\": {\"A\": \"L1\", \"B\": \"L2\", \"C\": \"L2\"}\n}\n";
    else
        text += "  \"localities\": [],\n  \"assignment\": {}\n}\n";
    return f.write_in(name, text);
}

// The name of a commit journal left by a writer that is not running: no pid is this large
// (Linux's pid_max is at most 2^22), so kill(pid, 0) answers ESRCH.
const std::string planted_journal = ".lp-commit-99999999-0.journal";

std::string json_list(const std::vector<std::string>& paths) {
    std::string text = "[";
    for (std::size_t i = 0; i < paths.size(); ++i) text += (i ? ",\"" : "\"") + paths[i] + "\"";
    return text + "]";
}

// A journal in out/ as a writer that died would leave it, but naming what it likes.
void plant_journal(const Folder& f, const std::vector<std::pair<std::string, std::string>>& renames,
                   const std::vector<std::string>& remove) {
    std::string list = "[";
    for (std::size_t i = 0; i < renames.size(); ++i)
        list += (i ? "," : "") + json_list({renames[i].first, renames[i].second});
    list += "]";
    std::ofstream(f.out / planted_journal) << "{\"renames\":" << list << ",\"remove\":" << json_list(remove)
                                           << ",\"journals\":" << json_list({f.o(planted_journal)}) << "}";
}

// The 2020 population of every Data Zone with one Glasgow zone's total typed as 3e8 people.
const std::string giant_zone = "S01009758";
std::string population_with_giant(const Folder& f) {
    std::string text = read_text(lp::test::data("demand/dz2011_population_2020.csv"));
    const auto at = text.find("\n" + giant_zone + ",");
    REQUIRE(at != std::string::npos);
    const auto value = at + 2 + giant_zone.size();
    text.replace(value, text.find(',', value) - value, "300000000");
    return f.write_in("giant.csv", text);
}

// A GeoJSON layer of one star-shaped zone (points at radius 1000 m and 10 m in turn, so
// every spike's edges cross the bounding box of every other: GEOS's validity test on it is
// quadratic) of `vertices` vertices, in British National Grid, written without a library.
std::string star_layer(std::size_t vertices) {
    std::string text = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                       "{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},\"features\":[{\"type\":\"Feature\","
                       "\"properties\":{\"zone\":\"STAR\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[";
    text.reserve(text.size() + vertices * 24);
    char point[64];
    for (std::size_t i = 0; i + 1 < vertices; ++i) {
        const double angle = 2 * M_PI * static_cast<double>(i) / static_cast<double>(vertices - 1);
        const double radius = i % 2 == 0 ? 1000.0 : 10.0;
        std::snprintf(point, sizeof point, "[%.3f,%.3f],", 300000 + radius * std::cos(angle),
                      700000 + radius * std::sin(angle));
        text += point;
    }
    std::snprintf(point, sizeof point, "[%.3f,%.3f]", 301000.0, 700000.0); // closes the ring
    text += point;
    return text + "]]}}]}";
}

// Issue 24 (reliability round 3): trust nothing a file says, never exit 1.
std::vector<Case> round3() {
    return {
        {"a planted commit journal naming files outside its folder (13)",
         [](const Folder& f) {
             f.write_in("victim.csv", "zone,note\nA,keep me\n");
             plant_journal(f, {{f.i("victim.csv"), f.o("stolen.csv")}}, {f.i("d.csv")});
             return generate(f);
         },
         {exit_status(ExitCode::write_failed)},
         {planted_journal, "victim.csv", "left in place"},
         {planted_journal}}, // the victim and d.csv are inputs: check_case sees them unchanged
        {"a planted commit journal naming a file of its folder that is no temporary (13)",
         [](const Folder& f) {
             std::ofstream(f.out / "keep.csv") << "mine";
             plant_journal(f, {{f.o("keep.csv"), f.o("o.geojson")}}, {f.o("keep.csv")});
             return generate(f);
         },
         {exit_status(ExitCode::write_failed)},
         {planted_journal, "keep.csv", "not a temporary file"},
         {planted_journal, "keep.csv"},
         [](const Folder& f) { CHECK(read_text(f.out / "keep.csv") == "mine"); }},
        {"report on a plan whose demand is /vsicurl/ (14)",
         [](const Folder& f) {
             return "report --plan " + plan_of(f, "remote.json", {{"demand.1", "/vsicurl/http://127.0.0.1:9/d.csv"}}) +
                    " --out " + f.o("report");
         },
         {exit_status(ExitCode::bad_plan)},
         {"remote.json", "/sources/demand.1", "not a local file"},
         {}},
        {"check on a plan whose zones are a PG: connection (14)",
         [](const Folder& f) { return "check --plan " + plan_of(f, "pg.json", {{"zones", "PG:dbname=planning"}}); },
         {exit_status(ExitCode::bad_plan)},
         {"pg.json", "/sources/zones", "not a local file"},
         {}},
        {"export of a plan whose points are https (14)",
         [](const Folder& f) {
             return "export --plan " + plan_of(f, "web.json", {{"points.1", "https://example.org/gp.geojson"}}) +
                    " --out " + f.o("qgis");
         },
         {exit_status(ExitCode::bad_plan)},
         {"web.json", "/sources/points.1", "not a local file"},
         {}},
        {"check on a plan whose functions climb to /vsizip/ (14)",
         [](const Folder& f) {
             return "check --plan " + plan_of(f, "climb.json", {{"functions", "../../../../../../../../../../vsizip/x.zip/f.csv"}});
         },
         {exit_status(ExitCode::bad_plan)},
         {"climb.json", "/sources/functions", "not a local file"},
         {}},
        {"--filter without --filter-field (2)",
         [](const Folder& f) { return generate(f) + " --filter W1"; },
         {exit_status(ExitCode::usage)},
         {"--filter requires --filter-field"},
         {}},
        {"--filter-field without --filter (2)",
         [](const Folder& f) { return generate(f) + " --filter-field ward"; },
         {exit_status(ExitCode::usage)},
         {"--filter-field requires --filter"},
         {}},
        {"a demand row cut short (8)",
         [](const Folder& f) {
             f.write_in("short.csv", "zone,pop,pop2020_75plus\nA,100,5\nB,200\nC,300,7\n");
             return generate(f, "z.geojson", "short.csv");
         },
         {exit_status(ExitCode::bad_value)},
         {"short.csv line 3: a row cut short", "no pop2020_75plus for zone B"},
         {}},
        {"plan rebase onto a layer that overlaps none of the plan (9)",
         [](const Folder& f) {
             std::string far = fixture("three_zones.geojson");
             for (auto at = far.find("55.9"); at != std::string::npos; at = far.find("55.9", at)) far.replace(at, 4, "57.9");
             f.write_in("far.geojson", far);
             return "plan rebase --plan " + plan_of(f, "plan.json") + " --zones " + f.i("far.geojson") +
                    " --id-field zone --out " + f.o("rebased.json");
         },
         {exit_status(ExitCode::filter_matches_nothing)},
         {"far.geojson: no zone of this layer overlaps", "plan.json", "z.geojson"},
         {}},
        {"report on a plan with no localities and a settlements source",
         [](const Folder& f) {
             const std::string plan = plan_of(f, "empty.json", {{"settlements", "ward"}}, false);
             return "report --plan " + plan + " --out " + f.o("report");
         },
         {ok, exit_status(ExitCode::plan_invalid)},
         {},
         {"report"}},
        {"plan import with a zone in two localities (7)",
         [](const Folder& f) {
             return "plan import --assignment " + f.write_in("twice.csv", "zone,locality\nA,L1\nB,L2\nC,L2\nA,L2\n") +
                    " --zones " + f.i("z.geojson") + " --id-field zone --out " + f.o("plan.json");
         },
         {exit_status(ExitCode::duplicate_id)},
         {"twice.csv: zone A is in locality L1 (line 2) and in locality L2 (line 5)"},
         {}},
        {"a zone layer path of 100000 characters (3)",
         [](const Folder& f) { return generate(f, std::string(100000, 'z') + ".geojson"); },
         {exit_status(ExitCode::file_not_found)},
         {"File name too long"},
         {}},
        {"a demand path of 100000 characters (3)",
         [](const Folder& f) { return generate(f, "z.geojson", std::string(100000, 'd') + ".csv"); },
         {exit_status(ExitCode::file_not_found)},
         {"File name too long"},
         {}},
        {"a lookup written from a plan escapes a formula but not a negative number",
         [](const Folder& f) { return "plan export --plan " + plan_of(f, "plan.json") + " --out " + f.o("lookup.csv"); },
         {ok},
         {},
         {"lookup.csv"},
         [](const Folder& f) {
             CHECK(read_text(f.out / "lookup.csv") == "zone,locality,locality_name\n"
                                                      "A,L1,\"'=HYPERLINK(\"\"http://x\"\")\"\n"
                                                      "B,L2,-3.5\nC,L2,-3.5\n");
         }},
        {"a plan that is a FIFO, with no writer (3)",
         [](const Folder& f) {
             REQUIRE(::mkfifo((f.in / "plan.json").c_str(), 0600) == 0);
             return "check --plan " + f.i("plan.json");
         },
         {exit_status(ExitCode::file_not_found)},
         {"plan.json: cannot open the plan file (a FIFO, not a file)"},
         {}},
        {"a zone layer that is a FIFO, with no writer (3)",
         [](const Folder& f) {
             REQUIRE(::mkfifo((f.in / "fifo.geojson").c_str(), 0600) == 0);
             return generate(f, "fifo.geojson");
         },
         {exit_status(ExitCode::file_not_found)},
         {"fifo.geojson: cannot be read (not a file"},
         {}},
        {"a lookup CSV of 300 MiB, more than a text input may be (3)",
         [](const Folder& f) {
             const fs::path big = f.dir / "big.csv"; // beside in/, which check_case reads whole
             std::ofstream(big) << "zone,locality\n";
             fs::resize_file(big, std::uintmax_t{300} << 20); // sparse: no disk taken
             return "plan import --assignment " + big.string() + " --zones " + f.i("z.geojson") +
                    " --id-field zone --out " + f.o("plan.json");
         },
         {exit_status(ExitCode::file_not_found)},
         {"big.csv: cannot open the file (300 MiB, more than the 256 MiB read at most)"},
         {}},
        {"--split-cost nan (2)",
         [](const Folder& f) { return generate(f) + " --split-cost nan"; },
         {exit_status(ExitCode::usage)},
         {"--split-cost nan"},
         {}},
        {"one zone of 3e8 people in Glasgow: a plan and 21 naming the zone, not a search for ever (item 6)",
         [](const Folder& f) {
             return "generate --zones " + lp::test::data("councils/dz2011_glasgow_city_S12000049.geojson") +
                    " --id-field dz11_code --demand " + population_with_giant(f) +
                    " --localities 3 --balance pop2020_total:10% --out " + f.o("o.geojson");
         },
         {out_of_band},
         {"zone " + giant_zone + " alone has pop2020_total 300000", "more than one locality may hold"},
         {"o.geojson"}},
        {"one zone of 3e8 people in Glasgow with hubs and a soft band (item 6)",
         [](const Folder& f) {
             return "generate --zones " + lp::test::data("councils/dz2011_glasgow_city_S12000049.geojson") +
                    " --id-field dz11_code --demand " + population_with_giant(f) +
                    " --localities 4 --balance pop2020_total:5% --balance pop2020_75plus:25%:soft --out " +
                    f.o("o.geojson");
         },
         {out_of_band},
         {"zone " + giant_zone + " alone has pop2020_total 300000"},
         {"o.geojson"}},
        {"a star-shaped zone of a million vertices (12, before any validity test)",
         [](const Folder& f) {
             f.write_in("star.geojson", star_layer(1000000));
             return "inspect --zones " + f.i("star.geojson") + " --id-field zone";
         },
         {exit_status(ExitCode::bad_geometry)},
         {"star.geojson: feature 1 (zone STAR) has 1000000 vertices, more than the 100000 a zone may have",
          "LP_MAX_ZONE_VERTICES=1000000", "ogr2ogr -simplify"},
         {}},
        {"a coordinate outside the area of the transformation names the file, feature and zone (6)",
         [](const Folder& f) {
             f.write_in("lat95.geojson", three_zones_with("[-3.20,55.91],[-3.20,55.90]", "[-3.20,95.91],[-3.20,55.90]"));
             return generate(f, "lat95.geojson");
         },
         {exit_status(ExitCode::crs_problem)},
         {"lat95.geojson: feature 1 (zone A): coordinate outside the transformation's area of use"},
         {}},
        {"a star of 2000 vertices where LP_MAX_ZONE_VERTICES is 1000 (12)",
         [](const Folder& f) {
             f.write_in("star.geojson", star_layer(2000));
             return "inspect --zones " + f.i("star.geojson") + " --id-field zone";
         },
         {exit_status(ExitCode::bad_geometry)},
         {"star.geojson: feature 1 (zone STAR) has 2000 vertices, more than the 1000 a zone may have"},
         {},
         {},
         "LP_MAX_ZONE_VERTICES=1000"},
        {"LP_MAX_ZONE_VERTICES that is not a number (2)",
         [](const Folder& f) { return generate(f); },
         {exit_status(ExitCode::usage)},
         {"LP_MAX_ZONE_VERTICES=lots", "whole number"},
         {},
         {},
         "LP_MAX_ZONE_VERTICES=lots"},
        {"--balance on one column twice (2)",
         [](const Folder& f) { return generate(f) + " --balance pop:10%:soft"; },
         {exit_status(ExitCode::usage)},
         {"--balance pop:10%:soft: column pop is balanced twice (also --balance pop:50%)"},
         {}},
    };
}

} // namespace

TEST_CASE("bad-input matrix: exit code, file and line named, nothing left behind (issue 15)", "[cli][io][matrix]") {
    for (const auto& c : matrix()) {
        DYNAMIC_SECTION(c.name) { check_case(c); }
    }
}

TEST_CASE("bad-input matrix round 3: journals, plan sources, short rows, duplicates and flags (issue 24)",
          "[cli][io][matrix]") {
    for (const auto& c : round3()) {
        DYNAMIC_SECTION(c.name) { check_case(c); }
    }
}

// Issue 15 item 3: one vertex of a British National Grid layer with its coordinates
// multiplied by ten: a named error or a graph, never exit 1 or a signal. Memory is capped so that a run-away cannot take the machine.
TEST_CASE("bad-input matrix: one vertex times ten is a named error or a result, never exit 1 (issue 15 item 3)",
          "[cli][io][matrix]") {
    const std::string square = "{\"type\":\"Feature\",\"properties\":{\"zone\":\"%ID\"},\"geometry\":{\"type\":\"Polygon\","
                               "\"coordinates\":[[[%X0,700000],[%X1,700000],[%X1,700100],[%X0,700100],[%X0,700000]]]}}";
    auto zone = [&](const std::string& id, int x0) {
        std::string s = square;
        for (auto [key, value] : {std::pair<std::string, std::string>{"%ID", id}, {"%X0", std::to_string(x0)},
                                  {"%X1", std::to_string(x0 + 100)}})
            for (auto at = s.find(key); at != std::string::npos; at = s.find(key)) s.replace(at, key.size(), value);
        return s;
    };
    std::string layer = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                        "\"urn:ogc:def:crs:EPSG::27700\"}},\"features\":[" +
                        zone("A", 300000) + "," + zone("B", 300100) + "," + zone("TYPO", 300200) + "]}";
    const std::string typo = "[300300,700100]"; // zone TYPO's north-east corner, times ten
    const auto at = layer.find(typo);
    REQUIRE(at != std::string::npos);
    layer.replace(at, typo.size(), "[3003000,7001000]");
    // The outputs depend on which answer the builder gives; the rest holds either way.
    const Folder f("vertex_times_ten");
    f.write_in("typo.geojson", layer);
    f.write_in("typo.csv", "zone,pop\nA,100\nB,200\nTYPO,300\n");
    const std::string args = generate(f, "typo.geojson", "typo.csv");
    const Outcome r = run_boundaries(args, memory_cap());
    INFO("boundaries " << args);
    INFO("stderr: " << r.errors);
    CHECK(r.code != -1);
    CHECK(r.code != exit_status(ExitCode::unexpected));
    CHECK(std::set<int>{ok, out_of_band, exit_status(ExitCode::bad_geometry), exit_status(ExitCode::crs_problem)}.count(r.code) == 1);
    if (r.code == exit_status(ExitCode::bad_geometry) || r.code == exit_status(ExitCode::crs_problem)) {
        CHECK_THAT(r.errors, Catch::Contains("typo.geojson") && Catch::Contains("TYPO"));
        CHECK(f.outputs().empty());
    }
    CHECK(f.temporaries().empty());
}

// Found by fuzz/graph_builder_fuzzer.cpp: two zones with the same shape, apart from the rest,
// share their whole boundary, so their component has no coast for a crossing to start from,
// and joining components never ended (engine/src/graph/graph_builder.cpp, join_components,
// now hops from such a component's whole outline): a graph or a named error at once.
TEST_CASE("bad-input matrix: a zone that duplicates another, apart from the rest, does not hang (fuzz finding)",
          "[cli][io][matrix]") {
    auto square = [](const std::string& id, int x0) {
        const std::string x = std::to_string(x0), x1 = std::to_string(x0 + 100);
        return "{\"type\":\"Feature\",\"properties\":{\"zone\":\"" + id +
               "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + x + ",700000],[" + x1 + ",700000],[" + x1 +
               ",700100],[" + x + ",700100],[" + x + ",700000]]]}}";
    };
    const Folder f("duplicate_island");
    f.write_in("dup.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                              "\"urn:ogc:def:crs:EPSG::27700\"}},\"features\":[" +
                                  square("A", 300000) + "," + square("B", 300500) + "," + square("C", 300500) + "]}");
    const Outcome r = run_boundaries("inspect --zones " + f.i("dup.geojson") + " --id-field zone", "timeout 60 ");
    INFO("stderr: " << r.errors);
    CHECK(r.code != 124); // timeout's code: still joining after a minute
    CHECK(r.code != -1);
    CHECK(r.code != exit_status(ExitCode::unexpected));
}

TEST_CASE("bad-input matrix: an automatic crossing is never longer than --max-crossing-km, and inspect lists them "
          "(issue 24)",
          "[cli][io][matrix]") {
    const Folder f("crossing_cap");
    // A fourth zone like A but one degree (111 km) north: near enough not to be taken for a
    // mistyped coordinate (as a zone at 179 degrees east is, on a layer this small), too far
    // for the default cap.
    std::string layer = fixture("three_zones.geojson");
    const std::string last = layer.substr(layer.find("{\"type\":\"Feature\",\"properties\":{\"zone\":\"A\""));
    std::string far = last.substr(0, last.find("}},") + 2);
    far.replace(far.find("\"zone\":\"A\""), 10, "\"zone\":\"FAR\"");
    for (auto at = far.find("55.9"); at != std::string::npos; at = far.find("55.9", at)) far.replace(at, 4, "56.9");
    layer.insert(layer.rfind("]}"), ",\n" + far);
    const std::string zones = f.write_in("far.geojson", layer);
    const std::string inspect = "inspect --zones " + zones + " --id-field zone";

    const lp::test::Run capped = lp::test::boundaries(inspect + " 2>&1");
    INFO(capped.output);
    CHECK(capped.status == 0);
    CHECK_THAT(capped.output, Catch::Contains("automatic crossings at most 100 km (--max-crossing-km)"));
    CHECK_THAT(capped.output, Catch::Contains("components:  2 on land, 2 with crossings"));
    CHECK_THAT(capped.output, !Catch::Contains("crossing   "));

    const lp::test::Run wide = lp::test::boundaries(inspect + " --max-crossing-km 200 --json 2>&1");
    INFO(wide.output);
    CHECK(wide.status == 0);
    CHECK_THAT(wide.output, Catch::Contains("\"max_crossing_km\": 200"));
    CHECK_THAT(wide.output, Catch::Contains("\"distance_m\": 1102")); // 110.2 km
    CHECK_THAT(wide.output, Catch::Contains("\"source\": \"automatic\""));
    CHECK_THAT(wide.output, Catch::Contains("\"components\": 1"));

    // Generate names the piece left apart rather than joining it by a 110 km hop.
    f.write_in("far.csv", "zone,pop\nA,100\nB,200\nC,300\nFAR,100\n");
    const Outcome r = run_boundaries("generate --zones " + zones + " --id-field zone --demand " + f.i("far.csv") +
                                     " --localities 2 --balance pop:50% --out " + f.o("o.geojson"), "timeout 120 ");
    INFO(r.errors);
    CHECK(r.code == out_of_band);
    CHECK_THAT(r.errors, Catch::Contains("FAR is joined to the rest by neither land nor a recorded crossing"));
    const lp::test::Run bad = lp::test::boundaries(inspect + " --max-crossing-km -1 2>&1");
    CHECK(bad.status == exit_status(ExitCode::usage));
    CHECK_THAT(bad.output, Catch::Contains("--max-crossing-km -1"));
}
