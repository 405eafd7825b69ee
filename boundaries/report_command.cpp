// boundaries report: the publishable HTML report, CSV tables and locality GeoJSON.
#include "command_registry.hpp"
#include "data_options.hpp"
#include "plan_inputs.hpp"
#include "progress_line.hpp"

#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/io/output_set.hpp>
#include <lp/plan/plan_check.hpp>
#include <lp/plan/plan_sources.hpp>
#include <lp/report/plan_report.hpp>

#include <filesystem>
#include <iostream>

namespace lp::cli {

namespace {

struct ReportArgs {
    DataOptions data;
    std::string plan;
    std::string assignment;
    std::string functions;
    std::string out;
    std::string ensemble;
    std::string tradeoff;
};

void run_report(const ReportArgs& args) {
    std::vector<NamedPath> outputs;
    for (const auto& name : report_file_names()) outputs.push_back({"--out", (std::filesystem::path(args.out) / name).string()});
    auto inputs = args.data.inputs();
    inputs.insert(inputs.end(), {{"--plan", args.plan}, {"--assignment", args.assignment}, {"--functions", args.functions}});
    if (!args.ensemble.empty())
        for (const char* name : {"summary.json", "metrics.csv", "boundary_frequency.geojson"})
            inputs.push_back({"--ensemble", (std::filesystem::path(args.ensemble) / name).string()});
    inputs.push_back({"--tradeoff", args.tradeoff});
    prepare_outputs(outputs, inputs);
    const LoadedPlan loaded = load_plan_input(args.plan, args.assignment, args.data, args.functions);
    inputs = dataset_inputs(dataset_options_for(loaded, args.data)); // the plan's recorded sources
    if (args.functions.empty()) inputs.push_back({"the plan's catalogue", catalogue_path_from_plan(loaded.plan, loaded.path)});
    check_outputs(outputs, inputs);
    std::optional<TradeoffView> tradeoff; // read before the data, so a bad table fails fast
    if (!args.tradeoff.empty()) tradeoff = read_tradeoff_csv(args.tradeoff);
    const FunctionCatalogue catalogue = catalogue_for(loaded, args.functions);
    Dataset data = load_dataset_showing_progress(dataset_options_for(loaded, args.data));
    LocalityPlan plan = loaded.plan;
    if (!args.assignment.empty()) guess_partnership(plan, data, dataset_options_for(loaded, args.data));

    CheckInput input;
    input.zone_ids = data.zones.ids;
    input.graph = &data.graph;
    input.catalogue = &catalogue;
    input.conflicts = loaded.conflicts;
    const PlanCheck check = check_plan(plan, input);

    PlanReport report = prepare_report(plan, data, catalogue, check, loaded.path);
    report.tradeoff = tradeoff;
    if (!args.ensemble.empty()) {
        report.ensemble = read_ensemble(args.ensemble, data.zones.working_crs);
        if (report.ensemble->zones != data.zones.size())
            throw Error(ErrorKind::bad_value, args.ensemble + "/summary.json: the ensemble was sampled on " +
                                                 std::to_string(report.ensemble->zones) + " zones, the plan's data has " +
                                                 std::to_string(data.zones.size()));
    }
    for (const auto& path : write_report(report, args.out)) std::cout << "wrote " << path << "\n";
    for (const auto& m : report.balance) {
        std::cout << "Balance " << describe_rule(m.rule) << ":";
        if (!m.problem.empty()) std::cout << " " << m.problem;
        for (std::size_t l = 0; l < m.deviation.size(); ++l)
            std::cout << (l ? "," : "") << " " << plan.localities[l].name << " " << format_deviation(m.deviation[l])
                      << (m.outside[l] ? " OUTSIDE" : "");
        std::cout << "\n";
    }
    std::cout << (check.valid() ? "statutory check: VALID\n"
                                : "statutory check: NOT VALID (" + std::to_string(check.failures.size()) +
                                      " problems, listed in the report)\n");
}

const RegisterCommand registration([](CLI::App& app) {
    auto args = std::make_shared<ReportArgs>();
    CLI::App* cmd = app.add_subcommand("report", "Self-contained HTML report (map, demand indicators, function "
                                                 "arrangements and demand shares, statutory check), CSV tables and "
                                                 "locality GeoJSON");
    auto* plan = cmd->add_option("--plan", args->plan, "Plan file (JSON); its recorded data sources are used");
    auto* assignment = cmd->add_option("--assignment", args->assignment, "zone,locality CSV instead of a plan");
    plan->excludes(assignment);
    assignment->excludes(plan);
    cmd->add_option("--out", args->out, "Folder for report.html, localities.csv, functions.csv, check.csv, "
                                        "localities.geojson")
        ->required();
    cmd->add_option("--functions", args->functions, "Integration function catalogue CSV");
    cmd->add_option("--ensemble", args->ensemble, "Folder `boundaries ensemble` wrote: adds histograms of the plan "
                                                  "among the sampled plans and a boundary-frequency map");
    cmd->add_option("--tradeoff", args->tradeoff, "tradeoff.csv `boundaries tradeoff` wrote: adds a chart and table "
                                                  "of what each band of balance costs");
    args->data.add_to(*cmd, false);
    lp::app::set_examples(*cmd, {
      {"The HTML report of a plan (map, indicators, arrangements, check)",
       "boundaries report --plan highland.plan.json --out report/"},
      {"With the ensemble's histograms and the trade-off chart",
       "boundaries report --plan highland.plan.json --ensemble ens/ \\\n  --tradeoff highland_tradeoff/tradeoff.csv --out report/"}});
    cmd->callback([args] { run_report(*args); });
});

} // namespace

} // namespace lp::cli
