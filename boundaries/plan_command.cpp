// boundaries plan import|export|functions: making a plan file from a published
// zone,locality lookup, writing the lookup back, and copying the function catalogue
// for a partnership to edit.
#include "command_registry.hpp"
#include "data_options.hpp"
#include "plan_inputs.hpp"

#include <lp/community/settlements.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/io/output_set.hpp>
#include <lp/plan/assignment_csv.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/plan/plan_sources.hpp>

#include <iostream>

namespace lp::cli {

namespace {

struct ImportArgs {
    DataOptions data;
    std::string assignment;
    std::string functions;
    std::string out;
    std::string code;
    std::string name;
    std::string settlements;
    std::vector<std::string> balance;
};

void run_import(const ImportArgs& args) {
    auto inputs = args.data.inputs();
    inputs.insert(inputs.end(), {{"--assignment", args.assignment}, {"--functions", args.functions}});
    prepare_outputs({{"--out", args.out}}, inputs);
    LoadedPlan loaded = load_plan_input("", args.assignment, args.data, args.functions);
    if (!loaded.conflicts.empty()) {
        const auto& c = loaded.conflicts.front();
        throw Error(ExitCode::bad_plan, args.assignment + ": zone " + c.zone + " is in locality " + c.kept_locality +
                                            " (line " + std::to_string(c.first_line) + ") and in locality " +
                                            c.other_locality + " (line " + std::to_string(c.other_line) + ")" +
                                            (loaded.conflicts.size() > 1
                                                 ? " (and " + std::to_string(loaded.conflicts.size() - 1) + " more)"
                                                 : std::string{}));
    }
    LocalityPlan& plan = loaded.plan;
    plan.partnership_code = args.code;
    plan.partnership_name = args.name;
    if (plan.partnership_code.empty() || plan.partnership_name.empty()) {
        DatasetOptions options = args.data.resolved();
        options.build_graph = false;
        const Dataset data = load_dataset(options);
        guess_partnership(plan, data, options);
    }
    if (!args.settlements.empty()) {
        parse_settlements(args.settlements); // a malformed spec is refused here, not at report time
        plan.sources["settlements"] = args.settlements;
    }
    for (const auto& text : args.balance) { // recorded in the plan: check, report and the viewer read it
        const BalanceSpec spec = parse_balance(text);
        plan.balance.push_back({spec.column, spec.tolerance});
    }
    write_plan(args.out, plan);
    std::size_t arrangements = 0;
    for (const auto& [f, per_locality] : plan.arrangements) arrangements += per_locality.size();
    std::cout << "wrote " << args.out << ": " << plan.localities.size() << " localities, " << plan.assignment.size()
              << " zones, " << arrangements << " default arrangements"
              << (plan.partnership_code.empty() ? "" : ", partnership " + plan.partnership_code) << "\n";
}

struct ExportArgs {
    std::string plan;
    std::string out;
};

void run_export(const ExportArgs& args) {
    prepare_outputs({{"--out", args.out}}, {{"--plan", args.plan}});
    const LocalityPlan plan = read_plan(args.plan);
    write_assignment_csv(args.out, plan);
    std::cout << "wrote " << args.out << ": " << plan.assignment.size() << " zones\n";
}

const RegisterCommand registration([](CLI::App& app) {
    CLI::App* plan = app.add_subcommand("plan", "Make a plan file from a zone,locality CSV, export one back, or copy "
                                                "the integration function catalogue");
    plan->require_subcommand(1);

    auto import_args = std::make_shared<ImportArgs>();
    CLI::App* import = plan->add_subcommand("import", "Plan file from a zone,locality CSV and the data options");
    import->add_option("--assignment", import_args->assignment, "zone,locality[,locality_name] CSV")->required();
    import->add_option("--out", import_args->out, "Plan file to write (JSON)")->required();
    import->add_option("--functions", import_args->functions, "Integration function catalogue CSV (default: shipped)");
    import->add_option("--code", import_args->code, "Partnership code, e.g. S37000015 (default: from the data)");
    import->add_option("--name", import_args->name, "Partnership name (default: from the data)");
    import->add_option("--balance", import_args->balance,
                       "Record a balance rule COLUMN[:TOLERANCE] (as generate's --balance, e.g. pop2020_total:10%); "
                       "check and report show each locality's deviation against it. Repeatable");
    import->add_option("--settlements", import_args->settlements,
                       "Record how settlements are found (as generate's --settlements), so the report names each "
                       "locality's main town and the towns split");
    import_args->data.add_to(*import, true);
    import->callback([import_args] { run_import(*import_args); });

    auto export_args = std::make_shared<ExportArgs>();
    CLI::App* exporting = plan->add_subcommand("export", "zone,locality,locality_name CSV from a plan file");
    exporting->add_option("--plan", export_args->plan, "Plan file (JSON)")->required();
    exporting->add_option("--out", export_args->out, "CSV to write")->required();
    exporting->callback([export_args] { run_export(*export_args); });

    auto functions_out = std::make_shared<std::string>();
    CLI::App* functions = plan->add_subcommand("functions", "Copy the shipped integration function catalogue to edit");
    functions->add_option("--out", *functions_out, "CSV to write")->required();
    functions->callback([functions_out] {
        prepare_outputs({{"--out", *functions_out}}, {{"the shipped catalogue", default_catalogue_path()}});
        const auto catalogue = read_catalogue(default_catalogue_path());
        write_catalogue(*functions_out, catalogue);
        std::cout << "wrote " << *functions_out << ": " << catalogue.functions.size() << " functions\n";
    });
});

} // namespace

} // namespace lp::cli
