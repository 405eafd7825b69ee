// Benchmark: plan files at scale. For synthetic plans of 10k, 100k and 1M zones (one
// locality per 50 zones: 200, 2,000 and 20,000 localities, every catalogue function
// arranged in each) it times what `boundaries plan import` and `boundaries check` do
// with the plan, without the zone layer:
//   import  zone,locality CSV -> plan (default arrangements) -> plan file
//   read    plan file -> LocalityPlan
//   check   the statutory check on a grid graph, and its text
//   write   LocalityPlan -> plan file
// References measured in the same run on the same bytes: nlohmann::json::parse of the
// plan file alone (read, check and import are given against it) and writing the
// plan file's bytes with write_file_atomically (write against it).
// Usage: bench_plan_files [largest zone count, default 1000000]
#include <lp/io/atomic_file.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/plan/assignment_csv.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/plan_check.hpp>
#include <lp/plan/plan_file.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr std::size_t zones_per_locality = 50;
constexpr std::size_t grid_columns = 1000;

double cpu_now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

// Wall and CPU seconds; ratios use CPU time, steadier than wall on a shared machine
// (everything here runs on one thread).
struct Timing {
    double wall = 0, cpu = 0;
};

template <class F>
Timing seconds(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu = cpu_now();
    f();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), cpu_now() - cpu};
}

void print(const char* what, Timing t, Timing reference, const char* against, const std::string& extra = {}) {
    std::printf("  %-6s %8.3f s wall %8.3f s cpu %8.2f x %s%s\n", what, t.wall, t.cpu, t.cpu / reference.cpu, against,
                extra.c_str());
}

std::string zone_id(std::size_t z) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "S01%07zu", z);
    return buffer;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Rows of grid_columns square zones; zone z in locality z / 50, a strip along one row.
lp::ContiguityGraph grid(std::size_t n) {
    std::vector<lp::GraphEdge> edges;
    edges.reserve(2 * n);
    for (std::size_t z = 0; z < n; ++z) {
        const auto a = static_cast<std::uint32_t>(z);
        if ((z + 1) % grid_columns != 0 && z + 1 < n) edges.push_back({a, a + 1, 100.0, false});
        if (z + grid_columns < n) edges.push_back({a, static_cast<std::uint32_t>(z + grid_columns), 100.0, false});
    }
    return lp::ContiguityGraph(n, std::move(edges), std::vector<double>(n, 1e4), std::vector<double>(n, 400.0));
}

void run(std::size_t n, const lp::FunctionCatalogue& catalogue, const fs::path& dir) {
    const std::string csv_path = (dir / "assignment.csv").string();
    const std::string plan_path = (dir / "plan.json").string();
    const std::string copy_path = (dir / "copy.json").string();
    {
        std::string csv = lp::csv_line({"zone", "locality", "locality_name"});
        for (std::size_t z = 0; z < n; ++z) {
            const std::string l = std::to_string(z / zones_per_locality + 1);
            csv += lp::csv_line({zone_id(z), "L" + l, "Locality " + l});
        }
        lp::write_file_atomically(csv_path, csv);
    }

    lp::LocalityPlan imported;
    Timing csv_s, plan_s, file_s;
    const Timing import_s = seconds([&] {
        lp::AssignmentTable table;
        csv_s = seconds([&] { table = lp::read_assignment_csv(csv_path); });
        plan_s = seconds([&] {
            imported = lp::plan_from_assignment(table);
            lp::add_default_arrangements(imported, catalogue);
        });
        file_s = seconds([&] { lp::write_plan(plan_path, imported); });
    });
    const std::string text = read_text(plan_path);

    std::size_t parsed_members = 0;
    const Timing parse_ref_s = seconds([&] { parsed_members = nlohmann::json::parse(text)["assignment"].size(); });
    const Timing write_ref_s = seconds([&] { lp::write_file_atomically(copy_path, text); });

    lp::LocalityPlan plan;
    const Timing read_s = seconds([&] { plan = lp::read_plan(plan_path); });
    const Timing write_s = seconds([&] { lp::write_plan(plan_path, plan); });
    const bool same = plan == imported && read_text(plan_path) == text;

    lp::CheckInput input;
    input.zone_ids.reserve(n);
    for (std::size_t z = 0; z < n; ++z) input.zone_ids.push_back(zone_id(z));
    const lp::ContiguityGraph graph = grid(n);
    input.graph = &graph;
    input.catalogue = &catalogue;
    lp::PlanCheck check;
    std::size_t report_bytes = 0;
    const Timing check_s = seconds([&] {
        check = lp::check_plan(plan, input);
        report_bytes = lp::format_check(check, plan).size();
    });

    std::printf("%8zu zones %6zu localities  plan %6.1f MB%s%s\n", n, plan.localities.size(), text.size() / 1e6,
                same ? "" : "  (READ/WRITE ROUND TRIP DIFFERS)",
                parsed_members == n && check.valid() ? "" : "  (UNEXPECTED PLAN OR CHECK RESULT)");
    std::printf("  reference: nlohmann::json::parse %.3f s cpu, writing the bytes %.3f s cpu\n", parse_ref_s.cpu,
                write_ref_s.cpu);
    char parts[160];
    std::snprintf(parts, sizeof parts, "  (cpu: reading the CSV %.3f s, the plan %.3f s, its file %.3f s)", csv_s.cpu,
                  plan_s.cpu, file_s.cpu);
    print("import", import_s, parse_ref_s, "parse", parts);
    print("read", read_s, parse_ref_s, "parse");
    print("check", check_s, parse_ref_s, "parse", "  (" + std::to_string(report_bytes) + " bytes of report)");
    print("write", write_s, write_ref_s, "writing the bytes");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t largest = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const lp::FunctionCatalogue catalogue = lp::read_catalogue(lp::default_catalogue_path());
    const fs::path dir = fs::temp_directory_path() / ("bench_plan_files_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::printf("plan files: %zu functions in the catalogue\n", catalogue.functions.size());
    for (std::size_t n = 10000; n <= largest; n *= 10) run(n, catalogue, dir);
    fs::remove_all(dir);
    return 0;
}
