// Benchmark: a keep-whole field or place name per partnership, as a batch asks for it.
// The dataset keeps its tables' text (lookup) against reading the table again through
// GDAL for each partnership (what zone_text_column did before; the reference, in the same
// run on the same parts). Prints CPU seconds for all 31 partnerships and their ratio.
// Usage: bench_text_columns [repeats]
#include "../tests/test_data.hpp"

#include <lp/data/dataset.hpp>
#include <lp/io/demand_table.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace {

double cpu_now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

template <class Work>
double median_cpu(int repeats, Work work) {
    std::vector<double> times;
    for (int r = 0; r < repeats; ++r) {
        const double t0 = cpu_now();
        work();
        times.push_back(cpu_now() - t0);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const std::string lookup = lp::test::data("demand/dz2011_lookup.csv");
    lp::DatasetOptions options;
    options.zones.path = lp::test::scotland_gpkg();
    options.zones.layer = "datazones";
    options.zones.id_field = "dz11_code";
    options.demand_paths = {lookup, lp::test::data("demand/dz2011_population_2020.csv")};
    options.build_graph = false;
    const double load0 = cpu_now();
    const lp::Dataset all = lp::load_dataset(options);
    const double load_s = cpu_now() - load0;

    const auto hscp = lp::zone_text_column(all, "hscp_code", options.demand_paths);
    std::map<std::string, std::vector<std::size_t>> members;
    for (std::size_t z = 0; z < hscp.size(); ++z) members[hscp[z]].push_back(z);
    std::vector<lp::Dataset> parts;
    for (const auto& [code, zones] : members) parts.push_back(lp::subset(all, zones, nullptr));

    std::size_t kept_cells = 0;
    for (const auto& c : all.demand.text) kept_cells += c.values.size();
    std::printf("%zu zones, %zu partnerships; load with both tables %.2f s CPU, %zu text cells kept\n\n",
                all.zones.size(), parts.size(), load_s, kept_cells);
    std::printf("%-10s %12s %14s %8s\n", "field", "lookup s", "re-read s (ref)", "ratio");
    for (const std::string field : {"iz11_name", "hb_code"}) {
        std::size_t found = 0;
        const double lookup_s = median_cpu(repeats, [&] {
            for (const auto& part : parts) found += !lp::zone_text_column(part, field, options.demand_paths).empty();
        });
        const double read_s = median_cpu(repeats, [&] {
            for (const auto& part : parts) found += !lp::join_text_column(part.zones, lookup, "", field).empty();
        });
        std::printf("%-10s %12.4f %14.4f %7.0fx faster\n", field.c_str(), lookup_s, read_s, read_s / std::max(lookup_s, 1e-9));
        if (found != 2 * parts.size() * static_cast<std::size_t>(repeats)) std::printf("  (a field was not found)\n");
    }
    return 0;
}
