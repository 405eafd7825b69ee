#pragma once
// Localities for every partnership at once: one dataset read, split by a group field
// (e.g. hscp_code from the Data Zone lookup), each group partitioned with its own k,
// on all cores, writing per-group GeoJSON, assignment CSV and plan file atomically,
// and a summary. A group that fails is reported; the others are still written.
#include <lp/generate/locality_run.hpp>
#include <lp/io/output_guard.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace lp {

struct BatchOptions {
    DatasetOptions data;                 // zones (all of them, or filtered), demand, points, graph settings
    std::string group_field;             // zone attribute, or a column of group_lookup / a demand table
    std::string group_lookup;            // table keyed by zone id holding group_field (optional)
    int k = 0;                           // the same k for every group, or
    std::string k_csv;                   // group,k[,name]: each group's own (groups not listed are skipped)
    LocalityRunOptions run;              // balance, keep-whole, seed, effort (k and names per group)
    std::vector<std::string> only;       // restrict to these groups (empty: all)
    std::string out_dir;
    unsigned jobs = 0;                   // worker threads (0: every core)
    std::vector<NamedPath> inputs;       // files the run reads besides data's: no output may be one of them
};

struct BatchRow {
    std::string group;
    std::string name;
    int k = 0;
    std::size_t zones = 0;
    std::vector<double> max_deviation;   // per balance layer, fraction
    double cut_length_km = 0;
    int split_groups = 0;
    std::size_t crossings = 0;
    double seconds = 0;
    bool within_tolerance = false;
    bool contiguous = false;
    std::string error;                   // non-empty: this group failed and wrote nothing
    std::vector<std::string> problems;   // the partitioner's reasons when a band was missed
};

struct BatchProgress {
    std::size_t done = 0;
    std::size_t total = 0;
    const BatchRow* row = nullptr;       // the group just finished
};

// Group of every zone; throws naming the field when neither the zones nor the tables have it.
std::vector<std::string> zone_group_values(const Dataset& data, const BatchOptions& options);

// Reads group,k[,name] rows. Throws lp::Error naming file and line on a bad k.
std::map<std::string, std::pair<int, std::string>> read_k_csv(const std::string& path);

// Runs every group; rows come back in group order. progress is called from worker
// threads, one call at a time.
std::vector<BatchRow> run_batch(const BatchOptions& options, const std::function<void(const BatchProgress&)>& progress = {});

// summary.csv: what each partnership's localities are like (deviations, cut length, split
// groups, crossings, tolerance, the error of a group that failed), nothing that varies run to
// run: the same input gives the same bytes.
std::string batch_summary_csv(const std::vector<BatchRow>& rows, const std::vector<BalanceSpec>& balance);
// timing.csv: partnership, name and the seconds each took, in summary.csv's order.
std::string batch_timing_csv(const std::vector<BatchRow>& rows);

// The name read_k_csv knows the shipped table of localities per partnership by (2011 Data
// Zones; engine/data's file compiled into the program, lp/plan/shipped_tables.hpp).
std::string default_k_csv_path();

} // namespace lp
