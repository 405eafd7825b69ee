#include "run_options.hpp"

#include "flag_errors.hpp"
#include "hub_inputs.hpp"

#include <lp/community/settlements.hpp>
#include <lp/core/error.hpp>
#include <lp/generate/run_rules.hpp>
#include <lp/geometry/building_blocks.hpp>
#include <lp/partition/balance_spec.hpp>
#include <lp/partition/locality_count.hpp>

#include <cmath>
#include <cstdlib>

namespace lp::cli {

void add_run_options(CLI::App& cmd, RunArgs& args) {
    args.data.add_to(cmd);
    cmd.add_option("--localities,-k", args.localities, "Number of localities (2 or more)")
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                try {
                    naming_flags(generate_flag_words, [&] { check_locality_count(text); });
                    return {};
                } catch (const Error& e) {
                    return e.what();
                }
            },
            "INTEGER >= 2"));
    cmd.add_option("--balance", args.balance,
                   "Demand column to balance, with its tolerance: COLUMN[:TOL[:soft]], TOL like 1% or 0.01 (default 1%), "
                   "any size (150% too); soft: a preference exceeded only where a settlement kept whole needs it")
        ->required();
    cmd.add_option("--keep-whole", args.keep_whole,
                   "Zone attribute (or --demand column) grouping zones that should stay together, e.g. iz11_code");
    // A price is a number, 0 or more: NaN or infinity would poison every comparison of the search.
    const auto price = [](const char* flag) {
        return CLI::Validator(
            [flag](std::string& text) -> std::string {
                char* end = nullptr;
                const double v = std::strtod(text.c_str(), &end);
                if (end == text.c_str() || *end || !std::isfinite(v) || v < 0)
                    return std::string(flag) + " " + text + ": expected a price, a number 0 or more";
                return {};
            },
            "PRICE >= 0");
    };
    cmd.add_option("--split-cost", args.split_cost,
                   "Price of one extra split of a keep-whole group, in the cut cost's units (default: the median "
                   "border between two zones)")
        ->check(price("--split-cost"));
    cmd.add_option("--cut-cost", args.cut_cost,
                   "What a boundary costs: people (those living along it; the default when a population is "
                   "balanced) or length (metres)");
    cmd.add_option("--population", args.population,
                   "Demand column counting people, for --cut-cost people (default: the balanced pop..total column)");
    cmd.add_option("--settlements", args.settlements,
                   "Towns to keep whole and grow localities around: COLUMN:CLASSES (e.g. urban_rural_6fold_2016:1-4; "
                   "connected zones in those classes) or a FIELD naming each zone's settlement");
    cmd.add_option("--hubs", args.hubs_csv,
                   "CSV of zone-or-place[,name]: each row leads its own locality, named after it (a zone id, a "
                   "settlement, a town of --places, or a zone name); without --localities, one locality per hub "
                   "(default: localities start at the largest settlements)");
    cmd.add_option("--places", args.places,
                   "Point layer of towns with a name field (e.g. GeoNames places) that --hubs may name");
    cmd.add_option("--split-settlements", args.split_settlements,
                   "never: settlements move only whole (the default with a soft band); when-forced: split where "
                   "a hard band forces it (the default otherwise)");
    cmd.add_option("--building-blocks", args.building_blocks,
                   "Polygon layer of blocks to keep whole, e.g. wards: FILE[:LAYER]:FIELD; each zone joins the block "
                   "it overlaps most");
    cmd.add_option("--blocks", args.blocks, "hard: only whole blocks move; soft: a split costs --block-split-cost")
        ->capture_default_str();
    cmd.add_option("--block-split-cost", args.block_split_cost,
                   "Price of one extra piece of a soft block (default: as --split-cost)")
        ->check(price("--block-split-cost"));
    cmd.add_option("--seed", args.seed, "Random seed (same inputs and seed give the same plan)")->capture_default_str();
    cmd.add_option("--effort", args.effort, "Search effort multiplier")
        ->capture_default_str()
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                char* end = nullptr;
                const double v = std::strtod(text.c_str(), &end);
                if (end == text.c_str() || *end || !std::isfinite(v) || v <= 0)
                    return "--effort " + text + ": expected a number greater than 0";
                return {};
            },
            "NUMBER > 0"));
    cmd.add_option("--config", args.config_file,
                   "TOML file holding the same options (key = value, e.g. localities = 3), so a run is "
                   "reproducible from one file; options on the command line come after it");
}

LocalityRunOptions run_options_from(const RunArgs& args) {
    // The flags are the rules a plan records; the engine turns rules into options, as it
    // does for a plan's rules and the viewer's dialog.
    RunRules rules;
    rules.balance = balance_flags(args.balance);
    rules.settlements = args.settlements;
    rules.building_blocks = args.building_blocks;
    PartitionerRules& p = rules.partitioner;
    p.cut_cost = args.cut_cost;
    p.population = args.population;
    p.split_settlements = args.split_settlements;
    p.keep_whole = args.keep_whole;
    p.split_cost = args.split_cost;
    p.blocks = args.blocks;
    p.block_split_cost = args.block_split_cost;
    p.seed = args.seed;
    p.effort = args.effort;
    return naming_flags(generate_flag_words, [&] { return run_options(rules, args.data.dataset.demand_paths); });
}

std::vector<NamedPath> run_inputs(const RunArgs& args) {
    auto inputs = args.data.inputs();
    inputs.push_back({"--hubs", args.hubs_csv});
    inputs.push_back({"--places", args.places});
    if (!args.building_blocks.empty())
        inputs.push_back({"--building-blocks",
                          naming_flags(generate_flag_words, [&] { return parse_building_blocks(args.building_blocks); }).path});
    return inputs;
}

LocalityCount locality_count_from(const RunArgs& args, const std::string& command) {
    LocalityCount count;
    if (!args.hubs_csv.empty()) count.hubs = read_hub_requests(args.hubs_csv);
    if (args.localities == 0 && count.hubs.empty())
        throw Error(ErrorKind::bad_setting, command + " needs --localities K or --hubs FILE (one locality per hub)");
    count.k = args.localities > 0 ? args.localities : static_cast<int>(count.hubs.size());
    naming_flags(generate_flag_words, [&] { check_locality_count(count.k); });
    if (count.hubs.size() > static_cast<std::size_t>(count.k))
        throw Error(ErrorKind::bad_setting, args.hubs_csv + ": " + std::to_string(count.hubs.size()) + " hubs for " +
                                                std::to_string(count.k) + " localities, and each hub leads its own; give " +
                                                "--localities " + std::to_string(count.hubs.size()) + " or fewer hubs");
    return count;
}

void check_zones_for(int k, const ZoneLayer& zones) {
    if (static_cast<std::size_t>(k) > zones.size())
        throw Error(ErrorKind::infeasible_request, "cannot make " + std::to_string(k) + " localities from the " +
                                                      std::to_string(zones.size()) + " zones of " + zones.source);
}

} // namespace lp::cli
