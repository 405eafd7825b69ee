#include <lp/core/error.hpp>
#include <lp/generate/batch.hpp>
#include <lp/generate/run_plan.hpp>
#include <lp/report/locality_features.hpp>
#include <lp/io/output_set.hpp>
#include <lp/partition/locality_count.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/plan/plan_sources.hpp>
#include <lp/plan/shipped_tables.hpp>

#include "core/worker_threads.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <mutex>
#include <set>
#include <sstream>

namespace lp {

namespace fs = std::filesystem;

std::string default_k_csv_path() { return "<shipped>/localities_per_partnership.csv"; }

std::vector<std::string> zone_group_values(const Dataset& data, const BatchOptions& options) {
    if (const auto* field = data.zones.field(options.group_field)) return *field;
    std::vector<std::string> tables;
    if (!options.group_lookup.empty()) tables.push_back(options.group_lookup);
    tables.insert(tables.end(), options.data.demand_paths.begin(), options.data.demand_paths.end());
    for (const auto& path : tables) {
        try {
            return join_text_column(data.zones, path, data.zones.id_field, options.group_field);
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::field_not_found) throw;
        }
    }
    throw Error(ErrorKind::field_not_found, "group field " + options.group_field + ": neither " + data.zones.source +
                                               (tables.empty() ? "" : " nor the lookup and demand tables") +
                                               " has that column");
}

std::map<std::string, std::pair<int, std::string>> read_k_csv(const std::string& path) {
    // Columns group,k[,name] by position, or named in a header row in any order.
    CsvTable table = path == default_k_csv_path() ? parse_csv(std::string(shipped_localities_csv()), path)
                                                  : read_csv_file(path);
    std::size_t group_col = 0, k_col = 1, name_col = 2;
    if (const auto k = table.column("k")) {
        k_col = *k;
        group_col = table.column("group").value_or(0);
        name_col = table.column("name").value_or(table.header.size());
    } else {
        table.header_as_row();
    }
    std::map<std::string, std::pair<int, std::string>> out;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& cells = table.rows[r];
        const std::string where = path + " line " + std::to_string(table.row_lines[r]);
        if (cells.size() <= std::max(group_col, k_col)) throw Error(ErrorKind::bad_value, where + ": expected group,k[,name]");
        long k = 0;
        try {
            k = check_locality_count(cells[k_col]);
        } catch (const Error&) {
            k = 0; // a table's cell is bad_value, named by file and line, not the command line's usage
        }
        if (k == 0 || k > std::numeric_limits<int>::max())
            throw Error(ErrorKind::bad_value, where + ": k '" + cells[k_col] + "' is not a whole number of 2 or more");
        out[cells[group_col]] = {static_cast<int>(k), name_col < cells.size() ? cells[name_col] : ""};
    }
    return out;
}

namespace {

// A zone-layer filter that selects exactly these zones (so the plan file can reload
// them with `check --plan`): the group field itself when the zones carry it, else a
// field such as ca_code whose values among the group select no zone outside it.
void record_group_filter(const Dataset& all, const std::vector<std::size_t>& members, const std::string& group_field,
                         const std::string& group, DatasetOptions& options) {
    if (all.zones.field(group_field)) {
        options.zones.filter_field = group_field;
        options.zones.filter_values = {group};
        return;
    }
    std::vector<bool> in_group(all.zones.size(), false);
    for (auto z : members) in_group[z] = true;
    for (std::size_t f = 0; f < all.zones.field_names.size(); ++f) {
        const auto& values = all.zones.fields[f];
        std::set<std::string> wanted;
        for (auto z : members) wanted.insert(values[z]);
        if (wanted.size() > 8 || all.zones.field_names[f] == all.zones.id_field) continue;
        bool exact = true;
        for (std::size_t z = 0; z < all.zones.size() && exact; ++z) exact = in_group[z] == (wanted.count(values[z]) > 0);
        if (!exact) continue;
        options.zones.filter_field = all.zones.field_names[f];
        options.zones.filter_values.assign(wanted.begin(), wanted.end());
        return;
    }
}

std::string safe_file_stem(const std::string& group) {
    std::string out;
    for (char c : group) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    return out.empty() ? "group" : out;
}

} // namespace

std::vector<BatchRow> run_batch(const BatchOptions& options, const std::function<void(const BatchProgress&)>& progress) {
    if (options.out_dir.empty()) throw Error(ErrorKind::bad_setting, "a batch needs an output folder");
    if (options.group_field.empty()) throw Error(ErrorKind::bad_setting, "a batch needs a group field, e.g. hscp_code");
    DatasetOptions load = options.data;
    load.build_graph = false; // each group gets its own graph
    const Dataset all = load_dataset(load);
    const auto values = zone_group_values(all, options);

    std::map<std::string, std::vector<std::size_t>> members;
    for (std::size_t z = 0; z < values.size(); ++z)
        if (!values[z].empty()) members[values[z]].push_back(z);
    std::map<std::string, std::pair<int, std::string>> k_of;
    if (!options.k_csv.empty()) k_of = read_k_csv(options.k_csv);
    const std::set<std::string> only(options.only.begin(), options.only.end());

    struct Job {
        std::string group;
        int k;
        std::string name;
        const std::vector<std::size_t>* zones;
    };
    std::vector<Job> jobs;
    for (const auto& [group, zones] : members) {
        if (!only.empty() && !only.count(group)) continue;
        if (!options.k_csv.empty()) {
            auto it = k_of.find(group);
            if (it == k_of.end()) continue; // the table says which groups to run
            jobs.push_back({group, it->second.first, it->second.second, &zones});
        } else {
            if (!locality_count_allowed(options.k))
                throw Error(ErrorKind::bad_setting, "a batch needs a locality count (2 or more) or a table of them");
            jobs.push_back({group, options.k, "", &zones});
        }
    }
    if (jobs.empty()) throw Error(ErrorKind::filter_matches_nothing, "no group of " + options.group_field + " to run");
    {
        // Before any partitioning: no output file may be one the run reads.
        std::vector<NamedPath> outputs, inputs = options.inputs;
        for (const auto& path : options.data.demand_paths) inputs.push_back({"demand table", path});
        for (const auto& path : options.data.point_paths) inputs.push_back({"point layer", path});
        inputs.push_back({"zone layer", options.data.zones.path});
        inputs.push_back({"crossings table", options.data.crossings_csv});
        inputs.push_back({"group lookup", options.group_lookup});
        for (const auto& job : jobs) {
            const std::string stem = (fs::path(options.out_dir) / safe_file_stem(job.group)).string();
            for (const char* suffix : {".geojson", "_assignment.csv", ".plan.json"}) outputs.push_back({"output", stem + suffix});
        }
        outputs.push_back({"output", (fs::path(options.out_dir) / "summary.csv").string()});
        outputs.push_back({"output", (fs::path(options.out_dir) / "timing.csv").string()});
        check_outputs(outputs, inputs);
    }

    fs::create_directories(options.out_dir);
    const FunctionCatalogue catalogue = read_catalogue(default_catalogue_path());
    std::vector<BatchRow> rows(jobs.size());
    // Largest groups first, so the last to finish is a small one.
    std::vector<std::size_t> order(jobs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return jobs[a].zones->size() > jobs[b].zones->size(); });

    std::atomic<std::size_t> next{0};
    std::mutex report;
    std::size_t done = 0;
    auto worker = [&] {
        for (std::size_t n; (n = next.fetch_add(1)) < order.size();) {
            const Job& job = jobs[order[n]];
            BatchRow& row = rows[order[n]];
            row.group = job.group;
            row.k = job.k;
            row.zones = job.zones->size();
            const auto t0 = std::chrono::steady_clock::now();
            try {
                const Dataset part = subset(all, *job.zones, &options.data.graph);
                row.name = job.name.empty() ? job.group : job.name;
                LocalityRunOptions run_options = options.run;
                run_options.k = job.k;
                run_options.keep_whole_tables = options.data.demand_paths;
                if (!options.group_lookup.empty()) run_options.keep_whole_tables.push_back(options.group_lookup);
                const LocalityRun run = run_localities(part, run_options);

                DatasetOptions sources = options.data;
                record_group_filter(all, *job.zones, options.group_field, job.group, sources);
                const std::string stem = (fs::path(options.out_dir) / safe_file_stem(job.group)).string();
                OutputSet outputs; // the partnership's three files, or none of them
                const LocalityPlan plan = plan_of_run(part, run, job.group, row.name, sources, catalogue);
                outputs.add_features(stem + ".geojson", run_locality_features(part, run, plan, catalogue),
                                     part.zones.working_crs, locality_style(plan));
                outputs.add_text(stem + "_assignment.csv", assignment_csv(part.zones, run));
                outputs.add_text(stem + ".plan.json", plan_to_json_text(plan));
                outputs.commit();

                const auto& stats = run.result.stats;
                row.max_deviation = stats.max_deviation;
                row.cut_length_km = stats.cut_length / 1000.0;
                row.split_groups = stats.split_groups;
                row.crossings = part.graph.crossings.size();
                row.within_tolerance = run.result.within_tolerance;
                row.contiguous = run.result.contiguous;
                row.problems = run.result.problems;
            } catch (const std::exception& e) {
                row.error = e.what();
            }
            row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            std::lock_guard<std::mutex> lock(report);
            ++done;
            if (progress) progress({done, jobs.size(), &row});
        }
    };
    const unsigned threads = options.jobs ? std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(jobs.size())))
                                          : detail::worker_count(jobs.size());
    // One pool: each partnership's own parallel work (dissolve, first plans) gets its share
    // of the cores, not every core again.
    const unsigned share = std::max(1u, detail::threads_allowed() / threads);
    detail::run_workers(threads, [&](unsigned, unsigned) {
        const detail::ThreadBudget budget(share);
        worker();
    });
    // The results and the times apart: summary.csv is the same bytes for the same input,
    // so two runs compare with cmp or diff, and timing.csv says how long each took.
    OutputSet summary;
    summary.add_text((fs::path(options.out_dir) / "summary.csv").string(), batch_summary_csv(rows, options.run.balance));
    summary.add_text((fs::path(options.out_dir) / "timing.csv").string(), batch_timing_csv(rows));
    summary.commit();
    return rows;
}

std::string batch_summary_csv(const std::vector<BatchRow>& rows, const std::vector<BalanceSpec>& balance) {
    auto fixed = [](double value) {
        char text[64];
        std::snprintf(text, sizeof text, "%.3f", value);
        return std::string(text);
    };
    std::vector<std::string> header = {"partnership", "name", "k", "zones"};
    for (const auto& b : balance) header.push_back("max_deviation_pct_" + b.column);
    for (const char* column : {"cut_length_km", "split_groups", "crossings", "contiguous", "within_tolerance", "error"})
        header.push_back(column);
    std::string out = csv_line(header);
    for (const auto& r : rows) {
        std::vector<std::string> row = {r.group, r.name, std::to_string(r.k), std::to_string(r.zones)};
        for (std::size_t l = 0; l < balance.size(); ++l)
            row.push_back(l < r.max_deviation.size() ? fixed(r.max_deviation[l] * 100) : "");
        const bool ok = r.error.empty();
        std::string error = r.error;
        std::replace(error.begin(), error.end(), '\n', ' ');
        for (auto value : {fixed(r.cut_length_km), std::to_string(r.split_groups), std::to_string(r.crossings),
                           std::string(ok ? (r.contiguous ? "true" : "false") : ""),
                           std::string(ok ? (r.within_tolerance ? "true" : "false") : ""), error})
            row.push_back(std::move(value));
        out += csv_line(row);
    }
    return out;
}

std::string batch_timing_csv(const std::vector<BatchRow>& rows) {
    std::string out = csv_line({"partnership", "name", "seconds"});
    for (const auto& r : rows) {
        char seconds[64];
        std::snprintf(seconds, sizeof seconds, "%.3f", r.seconds);
        out += csv_line({r.group, r.name, seconds});
    }
    return out;
}

} // namespace lp
