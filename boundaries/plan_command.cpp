// boundaries plan import|export|rebase|functions: making a plan file from a published
// zone,locality lookup, writing the lookup back, carrying a plan onto another zone layer,
// and copying the function catalogue for a partnership to edit.
#include "command_registry.hpp"
#include "data_options.hpp"
#include "flag_errors.hpp"
#include "plan_inputs.hpp"
#include "progress_line.hpp"

#include <lp/community/settlements.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/geometry/zone_overlaps.hpp>
#include <lp/io/output_set.hpp>
#include <lp/plan/locality_colours.hpp>
#include <lp/plan/assignment_csv.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/plan/plan_rebase.hpp>
#include <lp/plan/plan_sources.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
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
        throw Error(ErrorKind::duplicate_id, args.assignment + ": zone " + c.zone + " is in locality " + c.kept_locality +
                                            " (line " + std::to_string(c.first_line) + ") and in locality " +
                                            c.other_locality + " (line " + std::to_string(c.other_line) + ")" +
                                            (loaded.conflicts.size() > 1
                                                 ? " (and " + std::to_string(loaded.conflicts.size() - 1) + " more)"
                                                 : std::string{}));
    }
    LocalityPlan& plan = loaded.plan;
    plan.partnership_code = args.code;
    plan.partnership_name = args.name;
    {
        // The zones' graph gives each locality a colour no neighbour has, chosen once here
        // and kept by every output of the plan.
        const DatasetOptions options = args.data.resolved();
        const Dataset data = load_dataset_showing_progress(options);
        if (plan.partnership_code.empty() || plan.partnership_name.empty()) guess_partnership(plan, data, options);
        colour_localities(plan, data.graph, data.zones.ids);
    }
    if (!args.settlements.empty()) {
        // A malformed spec is refused here, not at report time.
        naming_flags(generate_flag_words, [&] { return parse_settlements(args.settlements); });
        plan.sources["settlements"] = args.settlements;
    }
    for (const BalanceSpec& spec : balance_flags(args.balance)) // recorded in the plan: check, report and the viewer read it
        plan.balance.push_back({spec.column, spec.tolerance, spec.soft});
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

struct RebaseArgs {
    DataOptions data; // the new layer
    std::string plan;
    std::string out;
    std::string impact;
    bool within_plan = false;
};

// The counts worth carrying from the old layer: people, older people and the plan's balance columns.
std::vector<std::string> carried_columns(const LocalityPlan& plan, const DemandColumns& demand) {
    const IndicatorColumns patterns;
    std::vector<std::string> names;
    const auto add = [&](const std::string& name) {
        if (!name.empty() && demand.has(name) && std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
    };
    for (const auto* pattern : {&patterns.population, &patterns.aged_65plus, &patterns.aged_75plus})
        add(find_demand_column(demand, *pattern));
    for (const auto& rule : plan.balance) add(rule.column);
    return names;
}

void run_rebase(const RebaseArgs& args) {
    const auto started = std::chrono::steady_clock::now();
    std::vector<NamedPath> outputs{{"--out", args.out}};
    if (!args.impact.empty()) outputs.push_back({"--impact", args.impact});
    auto inputs = args.data.inputs();
    inputs.push_back({"--plan", args.plan});
    prepare_outputs(outputs, inputs);
    const LocalityPlan old_plan = read_plan(args.plan);
    DatasetOptions old_options = dataset_options_from_plan(old_plan, args.plan);
    old_options.build_graph = false;
    check_outputs(outputs, dataset_inputs(old_options)); // the old plan's recorded data
    const Dataset old_data = load_dataset_showing_progress(old_options);

    DatasetOptions new_options = args.data.resolved();
    if (new_options.zones.working_crs.empty()) new_options.zones.working_crs = old_data.zones.working_crs;
    Dataset new_data;
    ZoneOverlaps overlaps;
    if (args.within_plan) {
        // A national layer without a council field: the zones lying mostly in the plan's area,
        // recorded as a filter on their ids so that check and report reload the same zones.
        DatasetOptions everything_options = new_options;
        everything_options.build_graph = false;
        const Dataset everything = load_dataset_showing_progress(everything_options);
        const ZoneOverlaps all = zone_overlaps(everything.zones, old_data.zones);
        const std::vector<int> old_group = zone_groups(old_plan, old_data.zones.ids);
        std::vector<std::size_t> kept;
        for (std::size_t z = 0; z < everything.zones.size(); ++z) {
            double inside = 0;
            for (const ZoneOverlap& o : all[z])
                if (old_group[o.zone] >= 0) inside += o.area;
            if (inside > 0.5 * everything.zones.areas[z]) kept.push_back(z);
        }
        if (kept.empty())
            throw Error(ErrorKind::filter_matches_nothing,
                        new_options.zones.path + ": no zone lies mostly inside the zones of " + args.plan);
        new_data = subset(everything, kept, &new_options.graph);
        for (const std::size_t z : kept) overlaps.push_back(all[z]);
        new_options.zones.filter_field = new_options.zones.id_field;
        new_options.zones.filter_values = new_data.zones.ids;
    } else {
        new_data = load_dataset_showing_progress(new_options);
        overlaps = zone_overlaps(new_data.zones, old_data.zones);
    }

    RebaseInput input;
    input.old_zone_ids = old_data.zones.ids;
    input.new_zone_ids = new_data.zones.ids;
    input.overlaps = std::move(overlaps);
    input.new_graph = &new_data.graph;
    const std::string population = find_demand_column(old_data.demand, IndicatorColumns{}.population);
    if (!population.empty()) input.old_population = old_data.demand.column(population);
    input.carried_names = carried_columns(old_plan, old_data.demand);
    for (const auto& name : input.carried_names) input.carried_old.push_back(old_data.demand.column(name));
    RebaseResult result = rebase_plan(old_plan, input);
    if (result.plan.assignment.empty()) // a plan of no zones is no plan (it was written, exit 0)
        throw Error(ErrorKind::filter_matches_nothing,
                    new_options.zones.path + ": no zone of this layer overlaps a zone of the plan " + args.plan +
                        " (made on " + old_options.zones.path +
                        "): nothing to carry; are they layers of different areas, or is one in the wrong CRS?");

    // Counts the new layer's own tables give replace the estimates.
    for (std::size_t c = 0; c < result.carried_names.size(); ++c) {
        const std::string& name = result.carried_names[c];
        if (!new_data.demand.has(name)) continue;
        const auto& values = new_data.demand.column(name);
        std::fill(result.after[c].begin(), result.after[c].end(), 0.0);
        for (std::size_t z = 0; z < values.size(); ++z)
            if (const int l = result.locality_of_new_zone[z]; l >= 0) result.after[c][static_cast<std::size_t>(l)] += values[z];
        const auto at = std::find(new_data.demand.names.begin(), new_data.demand.names.end(), name);
        result.after_from[c] = "new layer's table " + new_data.demand.sources[static_cast<std::size_t>(at - new_data.demand.names.begin())];
    }

    LocalityPlan& plan = result.plan;
    record_sources(plan, new_options, old_plan.sources.count("functions") ? catalogue_path_from_plan(old_plan, args.plan) : "");
    plan.sources["rebased_from"] = std::filesystem::absolute(args.plan).lexically_normal().string();
    if (!args.impact.empty())
        plan.sources["rebase_impact"] = std::filesystem::absolute(args.impact).lexically_normal().string();
    if (old_plan.sources.count("settlements"))
        result.warnings.push_back("the recorded settlements (" + old_plan.sources.at("settlements") +
                                  ") name the old layer's columns: not carried (plan import --settlements again)");

    OutputSet set;
    set.add_text(args.out, plan_to_json_text(plan));
    if (!args.impact.empty()) set.add_text(args.impact, rebase_impact_csv(result, new_data.zones.ids));
    set.commit();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::cout << "wrote " << args.out << ": " << plan.localities.size() << " localities, " << plan.assignment.size()
              << " zones of " << new_options.zones.path << " (the plan had " << old_plan.assignment.size() << ")\n";
    if (!args.impact.empty()) std::cout << "wrote " << args.impact << "\n";
    std::cout << "weighed by " << (result.population_weighted ? "people (" + population + ")" : std::string("area"))
              << "; " << result.straddling() << " zones straddle localities (under "
              << RebaseResult::straddle_threshold * 100 << "% in one); " << result.moves.size()
              << " moved to keep localities whole\n";
    const auto whole = [](double v) { return std::round(v) + 0.0; }; // + 0.0: no "-0"
    for (std::size_t c = 0; c < result.carried_names.size(); ++c) {
        double before = 0, after = 0, moved = 0;
        for (std::size_t l = 0; l < plan.localities.size(); ++l) {
            before += result.before[c][l];
            after += result.after[c][l];
            moved += result.moved_out[c][l];
        }
        std::printf("%s: %.0f before, %.0f after (%s); %.0f (carried) now in another locality; per locality "
                    "change (left/joined):",
                    result.carried_names[c].c_str(), before, after, result.after_from[c].c_str(), moved);
        for (std::size_t l = 0; l < plan.localities.size(); ++l)
            std::printf("%s %s %+.0f (-%.0f/+%.0f)", l ? "," : "", plan.localities[l].name.c_str(),
                        whole(result.after[c][l] - result.before[c][l]), whole(result.moved_out[c][l]),
                        whole(result.moved_in[c][l]));
        std::printf("\n");
    }
    std::fflush(stdout);
    for (const auto& w : result.warnings) std::cout << "warning: " << w << "\n";
    std::printf("rebased in %.2f s\n", seconds);
    std::fflush(stdout);
}

const RegisterCommand registration([](CLI::App& app) {
    CLI::App* plan = app.add_subcommand("plan", "Make a plan file from a zone,locality CSV, export one back, or copy "
                                                "the integration function catalogue");
    plan->require_subcommand(1);

    lp::app::set_examples(*plan, {
      {"Make a plan file from a published lookup, then check it",
       "boundaries plan import --zones $D/dz2011_scotland_bng.gpkg --layer datazones \\\n  --id-field dz11_code --filter-field ca_code --filter S12000017 \\\n  --demand $D/demand/dz2011_population_2020.csv --assignment lookup.csv --out plan.json"}});
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
    lp::app::set_examples(*import, {
      {"A plan from a zone,locality lookup, recording its balance rule",
       "boundaries plan import --zones $D/dz2011_scotland_bng.gpkg --layer datazones \\\n  --id-field dz11_code --filter-field ca_code --filter S12000017 \\\n  --demand $D/demand/dz2011_population_2020.csv --assignment lookup.csv \\\n  --balance pop2020_total:25% --out plan.json"}});
    import->callback([import_args] { run_import(*import_args); });

    auto export_args = std::make_shared<ExportArgs>();
    CLI::App* exporting = plan->add_subcommand("export", "zone,locality,locality_name CSV from a plan file");
    exporting->add_option("--plan", export_args->plan, "Plan file (JSON)")->required();
    exporting->add_option("--out", export_args->out, "CSV to write")->required();
    lp::app::set_examples(*exporting, {
      {"A plan's zone,locality,locality_name lookup",
       "boundaries plan export --plan plan.json --out lookup.csv"}});
    exporting->callback([export_args] { run_export(*export_args); });

    auto rebase_args = std::make_shared<RebaseArgs>();
    CLI::App* rebase = plan->add_subcommand(
        "rebase", "Carry a plan onto another zone layer (2022 Data Zones, Intermediate Zones, wards): each new zone "
                  "to the locality holding most of its people (or area), localities kept whole");
    rebase->add_option("--plan", rebase_args->plan, "The plan to carry (JSON); its recorded data is the old layer")
        ->required();
    rebase->add_option("--out", rebase_args->out, "Plan file to write on the new layer (JSON)")->required();
    rebase->add_option("--impact", rebase_args->impact,
                       "CSV of what changed: per locality zones, people and demand before and after; zones straddling "
                       "localities with their shares; zones moved to keep localities whole");
    rebase->add_flag("--within-plan", rebase_args->within_plan,
                     "Keep only the new layer's zones lying mostly inside the plan's zones (a national layer "
                     "without a council field); recorded in the new plan as a filter on their ids");
    rebase_args->data.add_to(*rebase, true);
    lp::app::set_examples(*rebase, {
      {"Carry a Data Zone plan onto the Intermediate Zones, with what changed",
       "boundaries plan rebase --plan plan.json --zones $D/iz2011_scotland.geojson \\\n  --id-field iz11_code --within-plan --out plan_iz.json --impact impact.csv"}});
    rebase->callback([rebase_args] { run_rebase(*rebase_args); });

    auto functions_out = std::make_shared<std::string>();
    CLI::App* functions = plan->add_subcommand("functions", "Copy the shipped integration function catalogue to edit");
    functions->add_option("--out", *functions_out, "CSV to write")->required();
    lp::app::set_examples(*functions, {
      {"Copy the shipped integration function catalogue to edit",
       "boundaries plan functions --out functions.csv"}});
    functions->callback([functions_out] {
        prepare_outputs({{"--out", *functions_out}}, {{"the shipped catalogue", default_catalogue_path()}});
        const auto catalogue = read_catalogue(default_catalogue_path());
        write_catalogue(*functions_out, catalogue);
        std::cout << "wrote " << *functions_out << ": " << catalogue.functions.size() << " functions\n";
    });
});

} // namespace

} // namespace lp::cli
