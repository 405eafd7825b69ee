// boundaries generate: divide one partnership's zones into k localities, balanced on the
// chosen demand columns, connected, and with the least boundary between localities.
#include "command_registry.hpp"
#include "data_options.hpp"
#include "flag_errors.hpp"
#include "hub_inputs.hpp"
#include "plan_inputs.hpp"
#include "output_layer_options.hpp"
#include "run_options.hpp"

#include "exit_codes.hpp"
#include "progress_line.hpp"

#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/geometry/dissolve.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/io/output_set.hpp>
#include <lp/generate/batch.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/generate/run_plan.hpp>
#include <lp/report/locality_features.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/partition/partition.hpp>
#include <lp/community/settlements.hpp>
#include <lp/geometry/building_blocks.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/plan/assignment_csv.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <unistd.h>

namespace lp::cli {

namespace {

struct GenerateArgs {
    RunArgs run; // data, k, balance, community options, seed, effort, --config
    std::string lock_csv;
    std::string start_csv;
    std::string out;
    OutputLayer layer{"localities", false, {}};
    std::string assignment_csv;
    std::string plan_file; // --plan: the plan itself, with the rules it was made by
    // --all: every partnership at once
    bool all = false;
    std::string group_field;
    std::string group_lookup;
    std::string localities_csv;
    std::vector<std::string> only;
    std::string out_dir;
    unsigned jobs = 0;
};

// The batch's partnerships on the one progress line (progress_line.hpp): a bar on a
// terminal, a line per partnership in a log. Called one at a time (run_batch).
class BatchProgressPrinter {
public:
    BatchProgressPrinter() : line_(std::make_shared<ProgressLine>(stderr_is_terminal())) {}

    void operator()(const BatchProgress& p) const {
        const BatchRow& r = *p.row;
        char text[256];
        std::snprintf(text, sizeof text, "%zu/%zu %s %s (%d localities, %zu zones) %.2f s%s", p.done, p.total,
                      r.group.c_str(), r.name.c_str(), r.k, r.zones, r.seconds,
                      !r.error.empty() ? " FAILED" : (r.within_tolerance && r.contiguous ? "" : " (tolerance missed)"));
        if (line_->terminal()) {
            const int width = 30;
            const int filled = static_cast<int>(width * p.done / std::max<std::size_t>(p.total, 1));
            line_->show("[" + std::string(filled, '#') + std::string(width - filled, '.') + "] " +
                        std::string(text).substr(0, 70));
            if (p.done == p.total) line_->end();
        } else {
            line_->show(text);
        }
    }

private:
    std::shared_ptr<ProgressLine> line_; // run_batch takes the printer by copy
}; // class BatchProgressPrinter

// The files a run reads, which no output may overwrite.
std::vector<NamedPath> generate_inputs(const GenerateArgs& args) {
    auto inputs = run_inputs(args.run);
    inputs.push_back({"--lock", args.lock_csv});
    inputs.push_back({"--start", args.start_csv});
    inputs.push_back({"--group-lookup", args.group_lookup});
    inputs.push_back({"--localities-csv", args.localities_csv});
    return inputs;
}

void run_generate_all(const GenerateArgs& args) {
    if (args.out_dir.empty()) throw Error(ErrorKind::bad_setting, "--all needs --out-dir DIR");
    prepare_outputs({{"--out-dir", (std::filesystem::path(args.out_dir) / "summary.csv").string()},
                     {"--out-dir", (std::filesystem::path(args.out_dir) / "timing.csv").string()}},
                    generate_inputs(args));
    if (!args.lock_csv.empty() || !args.start_csv.empty() || !args.run.hubs_csv.empty())
        throw Error(ErrorKind::bad_setting, "--lock, --start and --hubs name one partnership's zones or places; run "
                                            "those without --all");
    BatchOptions options;
    options.data = args.run.data.resolved();
    // The batch reports its partnerships even into a log, so its read (all of Scotland) does too.
    options.data.progress = read_progress_printer(options.data.zones.path, read_progress_mode(true));
    options.group_field = args.group_field;
    options.group_lookup = args.group_lookup;
    options.k = args.run.localities;
    options.k_csv = args.localities_csv;
    if (options.k == 0 && options.k_csv.empty()) options.k_csv = default_k_csv_path();
    options.run = run_options_from(args.run);
    options.only = args.only;
    options.out_dir = args.out_dir;
    options.jobs = args.jobs;
    options.inputs = generate_inputs(args);
    options.inputs.push_back({"--localities-csv", options.k_csv});
    const auto t0 = std::chrono::steady_clock::now();
    const auto rows =
        naming_flags(generate_flag_words, [&] { return run_batch(options, BatchProgressPrinter()); });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    std::size_t failed = 0, missed = 0;
    for (const auto& r : rows) {
        if (!r.error.empty()) {
            ++failed;
            std::fprintf(stderr, "boundaries: %s %s failed: %s\n", r.group.c_str(), r.name.c_str(), r.error.c_str());
        } else if (!r.within_tolerance || !r.contiguous) {
            ++missed;
            std::fprintf(stderr, "boundaries: %s %s misses the request (written anyway):\n", r.group.c_str(), r.name.c_str());
            for (const auto& problem : r.problems) std::fprintf(stderr, "  %s\n", problem.c_str());
        }
    }
    std::printf("%zu partnerships in %.2f s: %zu written, %zu within every tolerance, %zu failed; summary in %s/summary.csv\n",
                rows.size(), seconds, rows.size() - failed, rows.size() - failed - missed, failed, args.out_dir.c_str());
    if (failed) set_exit_status(lp::app::exit_status(lp::app::ExitCode::partial_failure));
    else if (missed) set_exit_status(lp::app::exit_status(lp::app::ExitCode::tolerance_not_met));
}

// Localities are numbered 1..k on the command line and in files, or named; a name
// takes the lowest number that no file uses and no other name has taken.
class LocalityNames {
public:
    explicit LocalityNames(int k) : k_(k), names_(static_cast<std::size_t>(k)) {}

    // Index 0..k-1 for a cell, or throws naming the file and line.
    int resolve(const std::string& cell, const std::string& where) {
        std::size_t used = 0;
        long number = 0;
        try {
            number = std::stol(cell, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used > 0 && used == cell.size()) {
            if (number < 1 || number > k_)
                throw Error(ErrorKind::bad_value, where + ": locality " + cell + " is outside 1.." + std::to_string(k_));
            numbered_.insert(static_cast<int>(number - 1));
            return static_cast<int>(number - 1);
        }
        if (cell.empty()) throw Error(ErrorKind::bad_value, where + ": no locality given");
        for (int j = 0; j < k_; ++j)
            if (names_[j] == cell) return j;
        pending_.push_back(cell);
        return -2 - static_cast<int>(pending_.size() - 1); // settled in finish()
    }

    // A name known before any file is read (a hub's).
    void give(int j, const std::string& name) { names_[j] = name; }

    // Gives pending names their numbers; returns the index for a pending code.
    void finish() {
        for (const auto& name : pending_) {
            if (std::find(names_.begin(), names_.end(), name) != names_.end()) continue;
            int free = -1;
            for (int j = 0; j < k_ && free < 0; ++j)
                if (names_[j].empty() && !numbered_.count(j)) free = j;
            if (free < 0)
                throw Error(ErrorKind::bad_value, "locality name '" + name + "' is one more than the " +
                                                     std::to_string(k_) + " localities asked for");
            names_[free] = name;
        }
    }
    int settle(int code) const {
        if (code >= -1) return code;
        const auto& name = pending_[static_cast<std::size_t>(-2 - code)];
        return static_cast<int>(std::find(names_.begin(), names_.end(), name) - names_.begin());
    }
    std::string name(int j) const {
        return names_[j].empty() ? "Locality " + std::to_string(j + 1) : names_[j];
    }
    // "" for a locality the files only numbered.
    const std::string& given(int j) const { return names_[j]; }

private:
    int k_;
    std::vector<std::string> names_;
    std::set<int> numbered_;
    std::vector<std::string> pending_;
}; // class LocalityNames

// zone,locality rows (a header row naming the columns is optional).
std::vector<int> read_zone_localities(const std::string& path, const ZoneLayer& zones, LocalityNames& names) {
    const AssignmentTable table = read_assignment_csv(path, &zones);
    std::vector<int> codes(zones.size(), -1);
    std::vector<std::size_t> line_of(zones.size(), 0);
    for (const auto& row : table.rows) {
        const std::string where = path + " line " + std::to_string(row.line);
        const auto zone = zones.find(row.zone);
        if (!zone) throw Error(ErrorKind::unknown_zone, where + ": '" + row.zone + "' is not a zone of " + zones.source);
        const int code = names.resolve(row.locality, where);
        if (line_of[*zone] > 0 && codes[*zone] != code)
            throw Error(ErrorKind::bad_value, where + ": zone " + row.zone + " was already given locality " +
                                                 "on line " + std::to_string(line_of[*zone]));
        codes[*zone] = code;
        line_of[*zone] = row.line;
    }
    return codes;
}

void run_generate(const GenerateArgs& args) {
    run_options_from(args.run); // a malformed option is refused before reading
    if (args.all) {
        run_generate_all(args);
        return;
    }
    if (args.out.empty()) throw Error(ErrorKind::bad_setting, "generate needs --out FILE (or --all with --out-dir)");
    prepare_outputs({{"--out", args.out}, {"--assignment", args.assignment_csv}, {"--plan", args.plan_file}},
                    generate_inputs(args));
    naming_flags(output_layer_flag_words, [&] { check_output_path(args.out, args.layer); });
    if (!args.assignment_csv.empty()) check_output_folder(args.assignment_csv);
    if (!args.plan_file.empty()) check_output_folder(args.plan_file);
    // Without --localities, one locality per hub.
    const LocalityCount count = locality_count_from(args.run, "generate");
    const std::vector<HubRequest>& hub_requests = count.hubs;
    const int k = count.k;
    const auto t0 = std::chrono::steady_clock::now();
    const DatasetOptions options = args.run.data.resolved();
    const Dataset data = load_dataset_showing_progress(options);
    const ZoneLayer& zones = data.zones;
    check_zones_for(k, zones);
    const auto gazetteer = read_gazetteer(args.run.places, zones);

    LocalityRunOptions run_options = run_options_from(args.run);
    run_options.k = k;
    run_options.hubs = hub_requests;
    run_options.places = gazetteer ? &*gazetteer : nullptr;
    LocalityNames names(k);
    // Hub i leads locality i: a lock or start file may name it by the name the hubs file gives.
    for (std::size_t i = 0; i < hub_requests.size(); ++i)
        if (!hub_requests[i].name.empty()) names.give(static_cast<int>(i), hub_requests[i].name);
    std::vector<int> lock_codes;
    std::vector<int> start_codes;
    if (!args.lock_csv.empty()) lock_codes = read_zone_localities(args.lock_csv, zones, names);
    if (!args.start_csv.empty()) start_codes = read_zone_localities(args.start_csv, zones, names);
    names.finish();
    for (auto& code : lock_codes) code = names.settle(code);
    for (auto& code : start_codes) code = names.settle(code);
    run_options.locks = lock_codes;
    run_options.start = start_codes;
    for (int j = 0; j < k; ++j) run_options.names.push_back(names.given(j));
    const auto t1 = std::chrono::steady_clock::now();
    const LocalityRun run =
        naming_flags(generate_flag_words, [&] { return run_localities(data, run_options); });
    const PartitionResult& result = run.result;

    // The plan itself, as `plan import` would make it but with the run's rules (bands,
    // settlements, hubs) and colours: check, report, export and the viewer open it; the
    // boundaries are its localities in the layout every output of a plan shares.
    LocalityPlan partnership;
    guess_partnership(partnership, data, options);
    const FunctionCatalogue catalogue = read_catalogue(default_catalogue_path());
    const LocalityPlan plan = plan_of_run(data, run, partnership.partnership_code, partnership.partnership_name,
                                          options, catalogue);
    OutputSet outputs; // every file, or none
    naming_flags(output_layer_flag_words, [&] {
        outputs.add_features(args.out, run_locality_features(data, run, plan, catalogue), zones.working_crs,
                             locality_style(plan), args.layer);
    });
    if (!args.assignment_csv.empty()) outputs.add_text(args.assignment_csv, assignment_csv(zones, run));
    if (!args.plan_file.empty()) outputs.add_text(args.plan_file, plan_to_json_text(plan));
    outputs.commit();

    const double read_s = std::chrono::duration<double>(t1 - t0).count();
    std::printf("%zu zones into %d localities (read %.2f s, partition %.1f ms, seed %llu)\n", zones.size(), k, read_s,
                run.partition_seconds * 1000.0, static_cast<unsigned long long>(args.run.seed));
    for (int j = 0; j < k; ++j) {
        const auto& stats = result.stats.localities[j];
        std::printf("  %-20s %4d zones", run.names[j].c_str(), stats.zones);
        for (std::size_t l = 0; l < run.balance.size(); ++l)
            std::printf("  %s %.0f (%+.2f%%)", run.balance[l].name.c_str(), stats.totals[l], stats.deviation[l] * 100.0);
        std::printf("  PP %.3f%s\n", stats.polsby_popper, stats.connected() ? "" : "  NOT CONTIGUOUS");
    }
    std::printf("cut length %.1f km", result.stats.cut_length / 1000.0);
    if (!run.groups.empty()) std::printf(", %d %s split", result.stats.split_groups, args.run.keep_whole.c_str());
    if (!run.population_column.empty())
        std::printf(", %.0f people (%.1f%%) in zones on a boundary", result.stats.people_on_boundary,
                    result.stats.people > 0 ? 100.0 * result.stats.people_on_boundary / result.stats.people : 0.0);
    std::printf(" (cut cost: %s)", run.cut_cost.c_str());
    for (const auto& splits : result.stats.splits) {
        const auto& names = splits.kind == "settlement" ? run.settlements->groups.names : run.block_groups.names;
        std::printf("\n%d of %d %ss split", static_cast<int>(splits.split.size()), splits.groups, splits.kind.c_str());
        for (std::size_t i = 0; i < splits.split.size(); ++i)
            std::printf("%s %s (%d localities%s)", i == 0 ? ":" : ",", names[splits.split[i]].c_str(), splits.pieces[i],
                        splits.needed[i] > 1 ? ", too large for one" : "");
    }
    if (run.blocks && !run.blocks->low_overlap.empty())
        std::printf("\n%zu zones overlap their building block by less than 60%% (best-fit assignment)",
                    run.blocks->low_overlap.size());
    for (const auto& note : result.notes) std::printf("\nnote: %s", note.c_str());
    for (std::size_t i = 0; i < run.hubs.size(); ++i)
        std::printf("\nhub %zu: %s (%s, zone %s) leads %s", i + 1, run_options.hubs[i].place.c_str(),
                    run.hubs[i].found_as.c_str(), zones.ids[run.hubs[i].zone].c_str(), run.names[i].c_str());
    for (const auto& excess : run.excesses) std::printf("\nbeyond the soft band: %s", excess.text.c_str());
    std::printf("\nwrote %s%s%s%s%s%s\n", shown_output_name(args.out).c_str(), layer_note(args.out, args.layer).c_str(),
                args.assignment_csv.empty() ? "" : " and ", args.assignment_csv.c_str(),
                args.plan_file.empty() ? "" : " and ", args.plan_file.c_str());
    if (!result.within_tolerance || !result.contiguous) {
        std::cerr << "boundaries: the best plan found misses the request (written anyway):\n";
        for (const auto& problem : result.problems) std::cerr << "  " << problem << "\n";
        set_exit_status(lp::app::exit_status(lp::app::ExitCode::tolerance_not_met));
    }
}

const RegisterCommand registration([](CLI::App& app) {
    auto args = std::make_shared<GenerateArgs>();
    CLI::App* cmd = app.add_subcommand("generate", "Divide the zones into k balanced, connected, compact localities");
    add_run_options(*cmd, args->run);
    cmd->add_option("--lock", args->lock_csv, "CSV of zone,locality (1-based number or name) fixed in place");
    cmd->add_option("--start", args->start_csv, "CSV of zone,locality: a plan to improve rather than start afresh");
    cmd->add_option("--out", args->out,
                    "Locality boundaries: .geojson, .gpkg, .shp, .fgb, or a PostGIS table (PG:\"dbname=gis host=...\", "
                    "the table named by --layer-name)");
    add_output_layer_options(*cmd, args->layer, "Layer of locality boundaries to write in a .gpkg, or table in PG:");
    cmd->add_option("--assignment", args->assignment_csv, "CSV of zone,locality to write");
    cmd->add_option("--plan", args->plan_file,
                    "Plan file (JSON) to write: localities, assignment, default arrangements, and the rules the plan "
                    "was made by (balance bands, settlements, hubs), ready for check, report and the viewer");
    cmd->add_flag("--all", args->all, "Every partnership at once: one plan per value of --group-field");
    cmd->add_option("--group-field", args->group_field,
                    "With --all: zone attribute or lookup/demand column naming each zone's partnership, e.g. hscp_code");
    cmd->add_option("--group-lookup", args->group_lookup, "With --all: table keyed by zone id holding the group field");
    cmd->add_option("--localities-csv", args->localities_csv,
                    "With --all: CSV of group,k[,name] (default without --localities: the shipped table of 2011 localities)");
    cmd->add_option("--only", args->only, "With --all: run only these groups")->expected(1, -1);
    cmd->add_option("--out-dir", args->out_dir,
                    "With --all: folder for <group>.geojson, <group>_assignment.csv, <group>.plan.json, summary.csv "
                    "(the results: the same bytes for the same input) and timing.csv (the seconds each group took)");
    cmd->add_option("--jobs", args->jobs, "With --all: worker threads (default: every core)");
    lp::app::set_examples(*cmd, {
      {"Highland in 9 localities, population within 25% of the mean, towns kept whole",
       "boundaries generate --zones $D/dz2011_scotland_bng.gpkg --layer datazones \\\n  --id-field dz11_code --filter-field ca_code --filter S12000017 \\\n  --demand $D/demand/dz2011_population_2020.csv --demand $D/demand/dz2011_lookup.csv \\\n  --localities 9 --balance pop2020_total:25% --settlements urban_rural_6fold_2016:1-4 \\\n  --out highland.geojson --assignment highland.csv --plan highland.plan.json"},
      {"Around towns a planner names (hubs.csv: one place or zone a row), a soft band",
       "boundaries generate --zones $D/dz2011_scotland_bng.gpkg --layer datazones \\\n  --id-field dz11_code --filter-field ca_code --filter S12000017 \\\n  --demand $D/demand/dz2011_population_2020.csv --hubs hubs.csv \\\n  --places $D/places/geonames_places_scotland.geojson --balance pop2020_total:25%:soft \\\n  --out highland_hubs.geojson"},
      {"Into a layer of the team's GeoPackage, or a PostGIS table",
       "boundaries generate --zones $D/dz2011_scotland_bng.gpkg --layer datazones \\\n  --id-field dz11_code --filter-field ca_code --filter S12000049 \\\n  --demand $D/demand/dz2011_population_2020.csv --localities 3 \\\n  --balance pop2020_total:1% --out corporate.gpkg --layer-name glasgow_2025\nboundaries generate ... --out \"PG:dbname=gis host=db\" --layer-name glasgow_2025 \\\n  --lco SCHEMA=planning --lco GEOMETRY_NAME=geom [--overwrite]"},
      {"Every partnership at once, each its shipped number of localities",
       "boundaries generate --all --zones $D/dz2011_scotland_bng.gpkg --layer datazones \\\n  --id-field dz11_code --group-field hscp_code --group-lookup $D/demand/dz2011_lookup.csv \\\n  --demand $D/demand/dz2011_population_2020.csv --balance pop2020_total:1% --out-dir scotland/"}});
    cmd->callback([args] { run_generate(*args); });
});

} // namespace

} // namespace lp::cli
