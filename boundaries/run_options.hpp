#pragma once
// The options of one locality run that generate and tradeoff share: the data options,
// --localities, --balance, the community options (--settlements, --hubs, --places,
// --split-settlements, --building-blocks...), --keep-whole, --cut-cost, --seed, --effort
// and --config; their flags, and how they become the engine's LocalityRunOptions.
#include "data_options.hpp"

#include <lp/community/hubs.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/io/output_guard.hpp>

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lp::cli {

struct RunArgs {
    DataOptions data;
    int localities = 0;
    std::vector<std::string> balance;
    std::string keep_whole;
    double split_cost = -1;
    std::string cut_cost;
    std::string population;
    std::string settlements;
    std::string hubs_csv;
    std::string places;
    std::string split_settlements;
    std::string building_blocks;
    std::string blocks = "soft";
    double block_split_cost = -1;
    std::uint64_t seed = 1;
    double effort = 1.0;
    std::string config_file; // expanded into options by main() before parsing
}; // struct RunArgs

// Adds the flags above to a subcommand (--balance required).
void add_run_options(CLI::App& command, RunArgs& args);

// The engine's options from the flags: k, hubs, places, locks and start are the caller's.
// Throws lp::Error(bad_setting) naming the flag of a malformed value, before any file is read.
LocalityRunOptions run_options_from(const RunArgs& args);

// The files these options read (data, --hubs, --places, --building-blocks, --config), which
// no output may overwrite.
std::vector<NamedPath> run_inputs(const RunArgs& args);

// The hubs file's rows (none without --hubs) and k: --localities, else one locality per hub.
// Throws lp::Error(bad_setting) with neither (naming the command), for k < 2, or for more hubs than localities.
struct LocalityCount {
    std::vector<HubRequest> hubs;
    int k = 0;
}; // struct LocalityCount
LocalityCount locality_count_from(const RunArgs& args, const std::string& command);

// Throws lp::Error(infeasible_request) when the data has fewer zones than k.
void check_zones_for(int k, const ZoneLayer& zones);

} // namespace lp::cli
