#pragma once
// The data options every subcommand shares: zones, filter, demand tables, points,
// crossings and graph settings.
#include <lp/data/dataset.hpp>
#include <lp/io/output_guard.hpp>

#include <CLI/CLI.hpp>

namespace lp::cli {

struct DataOptions {
    DatasetOptions dataset;
    bool queen = false;
    double max_crossing_km = default_max_crossing_metres / 1000.0;

    // required_zones: --zones and --id-field are mandatory (false for commands that can
    // take them from a plan file).
    void add_to(CLI::App& command, bool required_zones = true);
    DatasetOptions resolved() const;
    // The files these options read, and the --config files, to refuse as outputs.
    std::vector<NamedPath> inputs() const;
}; // struct DataOptions

// The files a dataset is read from (zones, demand, points, crossings), named by option.
std::vector<NamedPath> dataset_inputs(const DatasetOptions& dataset);

} // namespace lp::cli
