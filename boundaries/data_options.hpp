#pragma once
// The data options every subcommand shares: zones, filter, demand tables, points,
// crossings and graph settings.
#include <lp/data/dataset.hpp>

#include <CLI/CLI.hpp>

namespace lp::cli {

struct DataOptions {
    DatasetOptions dataset;
    bool queen = false;

    // required_zones: --zones and --id-field are mandatory (false for commands that can
    // take them from a plan file).
    void add_to(CLI::App& command, bool required_zones = true);
    DatasetOptions resolved() const;
}; // struct DataOptions

} // namespace lp::cli
