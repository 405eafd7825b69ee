// boundaries diff: which zones moved between two plans and how each locality changed.
#include "command_registry.hpp"
#include "data_options.hpp"
#include "plan_inputs.hpp"
#include "progress_line.hpp"

#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/io/atomic_file.hpp>
#include <lp/io/output_set.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/plan/plan_diff.hpp>
#include <lp/plan/plan_file.hpp>

#include <iostream>

namespace lp::cli {

namespace {

struct DiffArgs {
    DataOptions data;
    std::vector<std::string> plans;
    std::vector<std::string> columns;
    std::string out;
    bool no_data = false;
};

void run_diff(const DiffArgs& args) {
    if (args.plans.size() != 2) throw Error(ErrorKind::bad_setting, "diff needs exactly two --plan files");
    auto inputs = args.data.inputs();
    inputs.insert(inputs.end(), {{"--plan", args.plans[0]}, {"--plan", args.plans[1]}});
    prepare_outputs({{"--out", args.out}}, inputs);
    LoadedPlan a{read_plan(args.plans[0]), args.plans[0], {}};
    LoadedPlan b{read_plan(args.plans[1]), args.plans[1], {}};
    PlanDiff diff;
    if (args.no_data) {
        diff = diff_plans(a.plan, b.plan);
    } else {
        DatasetOptions options = dataset_options_for(a, args.data);
        check_outputs({{"--out", args.out}}, dataset_inputs(options)); // the plan's recorded sources
        options.build_graph = false;
        const Dataset data = load_dataset_showing_progress(options);
        std::vector<std::string> columns = args.columns;
        if (columns.empty()) {
            const IndicatorColumns indicator;
            for (const auto& pattern : {indicator.population, indicator.aged_65plus, indicator.aged_75plus})
                if (auto name = find_demand_column(data.demand, pattern); !name.empty()) columns.push_back(name);
            for (const auto& layer : data.points) columns.push_back(layer.kind);
        }
        for (const auto& c : columns)
            if (!data.demand.has(c)) data.demand.column(c); // throws field_not_found listing the columns there are
        diff = diff_plans(a.plan, b.plan, data.zones.ids, &data.demand, columns);
    }
    const std::string text = format_diff(diff);
    std::cout << "A: " << args.plans[0] << "\nB: " << args.plans[1] << "\n" << text;
    if (!args.out.empty()) write_file_atomically(args.out, diff_table_csv(diff));
}

const RegisterCommand registration([](CLI::App& app) {
    auto args = std::make_shared<DiffArgs>();
    CLI::App* cmd = app.add_subcommand("diff", "Zones that moved between two plans, and each locality's change in "
                                               "zones, population and demand");
    cmd->add_option("--plan", args->plans, "The two plans, A then B (give --plan twice)")->required();
    cmd->add_option("--column", args->columns,
                    "Demand columns to total (default: population, 65+, 75+ and each point layer)");
    cmd->add_option("--out", args->out, "Also write the locality table as CSV");
    cmd->add_flag("--no-data", args->no_data, "Compare assignments only, without loading the data");
    args->data.add_to(*cmd, false);
    lp::app::set_examples(*cmd, {
      {"Zones that moved between two plans, and each locality's change",
       "boundaries diff --plan old.plan.json --plan new.plan.json --out changes.csv"},
      {"Only the assignments, without loading the data",
       "boundaries diff --plan a.plan.json --plan b.plan.json --no-data"}});
    cmd->callback([args] { run_diff(*args); });
});

} // namespace

} // namespace lp::cli
