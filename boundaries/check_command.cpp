// boundaries check: the statutory rules of s.29(3) for a plan file or a zone,locality CSV.
#include "command_registry.hpp"
#include "data_options.hpp"
#include "plan_inputs.hpp"

#include "exit_codes.hpp"
#include "progress_line.hpp"

#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/plan/plan_balance.hpp>
#include <lp/plan/plan_check.hpp>

#include <cmath>
#include <iostream>

namespace lp::cli {

namespace {

struct CheckArgs {
    DataOptions data;
    std::string plan;
    std::string assignment;
    std::string functions;
    bool recorded_crossings_only = false;
};

void run_check(const CheckArgs& args) {
    const LoadedPlan loaded = load_plan_input(args.plan, args.assignment, args.data, args.functions);
    const FunctionCatalogue catalogue = catalogue_for(loaded, args.functions);
    const Dataset data = load_dataset_showing_progress(dataset_options_for(loaded, args.data));

    CheckInput input;
    input.zone_ids = data.zones.ids;
    input.graph = &data.graph;
    input.catalogue = &catalogue;
    input.conflicts = loaded.conflicts;
    input.allow_generated_crossings = !args.recorded_crossings_only;
    const PlanCheck check = check_plan(loaded.plan, input);
    std::cout << loaded.path << "\n" << format_check(check, loaded.plan);
    // The plan's own balance rules: warnings, never a statutory failure.
    const auto measures = measure_balance(loaded.plan, data.zones.ids, data.demand);
    for (const auto& m : measures) {
        if (!m.problem.empty()) continue;
        std::size_t within = 0;
        double largest = 0;
        for (std::size_t l = 0; l < m.outside.size(); ++l) {
            within += m.outside[l] ? 0 : 1;
            if (std::fabs(m.deviation[l]) > std::fabs(largest)) largest = m.deviation[l];
        }
        std::cout << "balance " << describe_rule(m.rule) << ": " << within << " of " << m.outside.size()
                  << " localities within (largest deviation " << format_deviation(largest) << ")\n";
    }
    for (const auto& line : balance_warnings(loaded.plan, measures)) std::cout << line << "\n";
    if (!check.valid()) set_exit_status(lp::app::exit_status(lp::app::ExitCode::plan_invalid));
}

const RegisterCommand registration([](CLI::App& app) {
    auto args = std::make_shared<CheckArgs>();
    CLI::App* cmd = app.add_subcommand(
        "check", "Check a plan against s.29(3): two or more localities, every zone in exactly one, each locality "
                 "connected (water crossings listed), every function arranged in every locality. Exit 20 if not valid");
    auto* plan = cmd->add_option("--plan", args->plan, "Plan file (JSON); its recorded data sources are used");
    auto* assignment = cmd->add_option("--assignment", args->assignment,
                                       "zone,locality CSV instead of a plan (needs the data options)");
    plan->excludes(assignment);
    assignment->excludes(plan);
    cmd->add_option("--functions", args->functions, "Integration function catalogue CSV (default: the plan's, or the shipped one)");
    cmd->add_flag("--recorded-crossings-only", args->recorded_crossings_only,
                  "Only crossings recorded in the plan or the --crossings CSV join a locality's pieces, not the "
                  "island links the graph builder finds");
    args->data.add_to(*cmd, false);
    lp::app::set_examples(*cmd, {
      {"Check a plan against s.29(3) (exit status 20 when it fails)",
       "boundaries check --plan highland.plan.json"},
      {"Check a published zone,locality lookup without a plan file",
       "boundaries check --zones $D/dz2011_scotland_bng.gpkg --layer datazones \\\n  --id-field dz11_code --filter-field ca_code --filter S12000017 \\\n  --assignment lookup.csv"}});
    cmd->callback([args] { run_check(*args); });
});

} // namespace

} // namespace lp::cli
