// boundaries ensemble: many valid plans under the same rules as a plan (ReCom), and where
// the plan sits among them: summary.json, metrics.csv, boundary_frequency.geojson,
// coassignment.csv. docs/ensembles.md says what is sampled.
#include "command_registry.hpp"
#include "data_options.hpp"
#include "flag_errors.hpp"
#include "plan_inputs.hpp"
#include "progress_line.hpp"

#include <lp/community/settlements.hpp>
#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/ensemble/ensemble_summary.hpp>
#include <lp/ensemble/mixing.hpp>
#include <lp/ensemble/recom.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/partition/locality_count.hpp>
#include <lp/geometry/building_blocks.hpp>
#include <lp/geometry/crs.hpp>
#include <lp/geometry/shared_borders.hpp>
#include <lp/io/output_set.hpp>
#include <lp/io/csv_table.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <unistd.h>

namespace lp::cli {

namespace {

struct EnsembleArgs {
    DataOptions data;
    std::string plan;
    int localities = 0;
    std::vector<std::string> balance;
    std::string settlements;
    bool hard_settlements = false;
    std::string keep_whole;
    std::string building_blocks;
    std::string variant = "reversible";
    std::uint64_t steps = 10000;
    unsigned chains = 2;
    std::uint64_t seed = 1;
    std::uint64_t thin = 0;
    double target_ess = 0;      // 0: run --steps; else sample until every measure has this many
    double max_seconds = 600;   // --target-ess stops here, reached or not
    std::string out;
};

// SIGINT stops the chains; what they sampled so far is written.
std::atomic<bool> interrupted{false};
extern "C" void on_interrupt(int) { interrupted = true; }

class InterruptScope {
public:
    InterruptScope() { previous_ = std::signal(SIGINT, on_interrupt); }
    ~InterruptScope() { std::signal(SIGINT, previous_); }
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;

private:
    void (*previous_)(int);
};

// Everything the chains and the measures need, from a plan or from the partitioner.
struct EnsembleInputs {
    Dataset data;
    std::vector<int> start;
    int k = 0;
    std::vector<std::string> names;        // per locality
    std::vector<BalanceLayer> balance;
    std::vector<int> locks;
    std::string population_column;
    std::optional<Settlements> settlements;
    std::vector<int> keep_whole;           // group per zone (empty: none)
    std::optional<ZoneGroups> blocks;      // hard building blocks (--building-blocks)
    std::string plan_path;                 // "" when the partitioner made the start
};

// The bands of a plan's rules or --balance, each kept hard here as it always was (a soft
// band is the partitioner's allowance for towns kept whole).
std::vector<BalanceLayer> hard_bands(const Dataset& data, const std::vector<BalanceSpec>& specs) {
    std::vector<BalanceLayer> layers = balance_layers(data, specs);
    for (BalanceLayer& layer : layers) layer.soft = false;
    return layers;
}

std::vector<std::string> table_paths(const std::map<std::string, std::string>& sources) {
    std::vector<std::string> tables;
    for (const auto& [role, path] : sources)
        if (role.rfind("demand.", 0) == 0) tables.push_back(path);
    return tables;
}

EnsembleInputs inputs_from_plan(const EnsembleArgs& args) {
    EnsembleInputs in;
    const LoadedPlan loaded = load_plan_input(args.plan, "", args.data, "");
    const LocalityPlan& plan = loaded.plan;
    in.plan_path = loaded.path;
    in.data = load_dataset_showing_progress(dataset_options_for(loaded, args.data), true);
    in.k = static_cast<int>(plan.localities.size());
    in.start = zone_groups(plan, in.data.zones.ids);
    for (std::size_t z = 0; z < in.start.size(); ++z)
        if (in.start[z] < 0)
            throw Error(ErrorKind::bad_plan, loaded.path + ": zone " + in.data.zones.ids[z] +
                                                " is in no locality of the plan; an ensemble needs every zone placed");
    for (const auto& locality : plan.localities) in.names.push_back(locality.name.empty() ? locality.id : locality.name);
    in.locks.assign(in.start.size(), -1);
    for (std::size_t z = 0; z < in.start.size(); ++z)
        if (plan.localities[static_cast<std::size_t>(in.start[z])].locked) in.locks[z] = in.start[z];
    for (const auto& id : plan.locked_zones)
        if (const auto zone = in.data.zones.find(id)) in.locks[*zone] = in.start[*zone];

    std::vector<BalanceSpec> specs = balance_flags(args.balance);
    if (specs.empty())
        for (const auto& rule : plan.balance) specs.push_back({rule.column, rule.tolerance, rule.soft});
    if (specs.empty())
        throw Error(ErrorKind::bad_setting, loaded.path + " records no balance rules; give them with --balance COLUMN:TOLERANCE");
    in.balance = hard_bands(in.data, specs);

    std::string spec = args.settlements;
    if (spec.empty())
        if (const auto found = plan.sources.find("settlements"); found != plan.sources.end()) spec = found->second;
    const auto tables = table_paths(plan.sources);
    std::vector<std::string> columns;
    for (const auto& layer : in.balance) columns.push_back(layer.name);
    in.population_column = population_among(columns);
    if (in.population_column.empty()) in.population_column = population_among(in.data.demand.names);
    if (!spec.empty()) {
        const std::vector<double> ones(in.data.zones.size(), 1.0);
        in.settlements = find_settlements(in.data, parse_settlements(spec), tables,
                                          in.population_column.empty() ? ones : in.data.demand.column(in.population_column));
    }
    if (!args.keep_whole.empty()) in.keep_whole = keep_whole_groups(in.data, args.keep_whole, tables);
    return in;
}

EnsembleInputs inputs_from_partitioner(const EnsembleArgs& args) {
    if (!locality_count_allowed(args.localities)) throw Error(ErrorKind::bad_setting, "ensemble needs --plan PLAN.json, or --localities K with the data options");
    if (args.balance.empty()) throw Error(ErrorKind::bad_setting, "ensemble --localities needs --balance COLUMN:TOLERANCE");
    EnsembleInputs in;
    in.data = load_dataset_showing_progress(args.data.resolved(), true);
    LocalityRunOptions options;
    options.k = args.localities;
    options.balance = balance_flags(args.balance);
    options.settlements = args.settlements;
    options.keep_whole = args.keep_whole;
    options.keep_whole_tables = args.data.dataset.demand_paths;
    options.seed = args.seed;
    std::fprintf(stderr, "ensemble: making the start plan with the partitioner (%d localities)\n", args.localities);
    LocalityRun run = run_localities(in.data, options);
    in.k = args.localities;
    in.start = run.result.assignment;
    in.names = run.names;
    in.balance = run.balance;
    in.population_column = run.population_column;
    in.settlements = run.settlements;
    in.keep_whole = run.groups;
    return in;
}

RecomVariant parse_variant(const std::string& text) {
    if (text == "reversible") return RecomVariant::reversible;
    if (text == "plain") return RecomVariant::plain;
    throw Error(ErrorKind::bad_setting, "--variant must be reversible or plain, not '" + text + "'");
}

// The ensemble's steps on the one progress line (progress_line.hpp): rewritten on a
// terminal, a line every tenth of the run in a log.
class ProgressPrinter {
public:
    ProgressPrinter() : line_(stderr_is_terminal()), t0_(std::chrono::steady_clock::now()) {}
    bool operator()(const EnsembleProgress& p) {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
        const int percent = p.steps_total ? static_cast<int>(100 * p.steps_done / p.steps_total) : 100;
        if (!line_.terminal() && percent < last_percent_ + 10 && p.steps_done < p.steps_total) return true;
        last_percent_ = percent;
        char text[256];
        std::snprintf(text, sizeof text, "ensemble: %llu/%llu steps (%d%%), %.0f steps/s, %.1f%% moved, %zu plans recorded",
                      static_cast<unsigned long long>(p.steps_done), static_cast<unsigned long long>(p.steps_total),
                      percent, seconds > 0 ? static_cast<double>(p.steps_done) / seconds : 0.0,
                      p.steps_done ? 100.0 * static_cast<double>(p.accepted) / static_cast<double>(p.steps_done) : 0.0,
                      p.samples);
        line_.show(text + note);
        return true;
    }
    std::string note; // with --target-ess: the effective sample size so far

private:
    ProgressLine line_;
    int last_percent_ = -10;
    std::chrono::steady_clock::time_point t0_;
};

const std::vector<double> kQuantiles{0.05, 0.25, 0.5, 0.75, 0.95};

std::string format_number(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

// Every border between two zones as a line in WGS84 (a crossing: a straight line
// between the two zones), with the share of samples in which it is a locality boundary.
std::string frequency_geojson(const EnsembleInputs& in, const std::vector<double>& frequency) {
    const auto& edges = in.data.graph.edges();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (const auto& e : edges) pairs.emplace_back(e.a, e.b);
    const auto borders = shared_borders(in.data.zones, pairs);
    const CoordinateTransform to_wgs84(in.data.zones.working_crs, "EPSG:4326");
    auto coordinates = [&](const Ring& line) {
        nlohmann::json points = nlohmann::json::array();
        for (const Point& p : line) {
            const Point q = to_wgs84.apply(p);
            points.push_back({std::round(q.x * 1e6) / 1e6, std::round(q.y * 1e6) / 1e6});
        }
        return points;
    };
    nlohmann::ordered_json collection = {{"type", "FeatureCollection"}, {"features", nlohmann::json::array()}};
    for (std::size_t e = 0; e < edges.size(); ++e) {
        std::vector<Ring> lines = borders[e];
        if (edges[e].crossing || lines.empty())
            lines = {Ring{interior_point(in.data.zones.shapes[edges[e].a]), interior_point(in.data.zones.shapes[edges[e].b])}};
        nlohmann::ordered_json geometry;
        if (lines.size() == 1) {
            geometry = {{"type", "LineString"}, {"coordinates", coordinates(lines[0])}};
        } else {
            nlohmann::json parts = nlohmann::json::array();
            for (const auto& line : lines) parts.push_back(coordinates(line));
            geometry = {{"type", "MultiLineString"}, {"coordinates", parts}};
        }
        nlohmann::ordered_json properties = {
            {"zone_a", in.data.zones.ids[edges[e].a]},
            {"zone_b", in.data.zones.ids[edges[e].b]},
            {"frequency", std::round(frequency[e] * 1e6) / 1e6},
            {"plan_boundary", in.start[edges[e].a] != in.start[edges[e].b]},
            {"crossing", edges[e].crossing || borders[e].empty()},
        };
        collection["features"].push_back({{"type", "Feature"}, {"properties", properties}, {"geometry", geometry}});
    }
    return collection.dump() + "\n";
}

void run_ensemble(const EnsembleArgs& args) {
    const std::filesystem::path out(args.out);
    const std::vector<std::string> files{"summary.json", "metrics.csv", "boundary_frequency.geojson", "coassignment.csv"};
    std::vector<NamedPath> outputs;
    for (const auto& name : files) outputs.push_back({"--out", (out / name).string()});
    auto inputs = args.data.inputs();
    inputs.push_back({"--plan", args.plan});
    if (!args.building_blocks.empty())
        inputs.push_back({"--building-blocks", parse_building_blocks(args.building_blocks).path});
    std::error_code made;
    std::filesystem::create_directories(out, made);
    if (made) throw Error(ErrorKind::write_failed, args.out + ": cannot make the folder (" + made.message() + ")");
    prepare_outputs(outputs, inputs);
    const RecomVariant variant = parse_variant(args.variant);
    if (args.steps == 0) throw Error(ErrorKind::bad_setting, "--steps must be at least 1");
    if (args.chains == 0 || args.chains > 64) throw Error(ErrorKind::bad_setting, "--chains must be 1..64");

    EnsembleInputs in = args.plan.empty() ? inputs_from_partitioner(args) : inputs_from_plan(args);
    const Dataset& data = in.data;
    if (!args.building_blocks.empty()) {
        const BlockAssignment blocks = assign_building_blocks(data.zones, parse_building_blocks(args.building_blocks));
        in.blocks = ZoneGroups{"building block", blocks.block_of_zone, blocks.block_names, -1, true};
    }

    EnsembleRequest request;
    request.graph = &data.graph;
    request.k = in.k;
    request.start = in.start;
    request.balance = in.balance;
    request.locks = in.locks;
    request.variant = variant;
    request.steps = args.steps;
    request.chains = args.chains;
    request.thin = args.thin;
    request.seed = args.seed;
    request.zone_ids = &data.zones.ids;
    if (in.settlements && args.hard_settlements) request.groupings.push_back(in.settlements->groups);
    if (in.blocks) request.hard_blocks = in.blocks->of_zone;
    if (!in.keep_whole.empty()) {
        ZoneGroups groups;
        groups.kind = "keep-whole group";
        groups.of_zone = in.keep_whole;
        groups.keep_whole = true;
        request.groupings.push_back(groups);
    }
    // The measures, for the plan and for every sample.
    EnsembleMetricSpec spec;
    spec.balance = in.balance;
    spec.groups = in.keep_whole;
    const std::vector<double>* population =
        in.population_column.empty() ? nullptr : &data.demand.column(in.population_column);
    spec.community.population = population;
    if (in.settlements) spec.community.groupings.push_back(&in.settlements->groups);
    if (in.blocks) spec.community.groupings.push_back(&*in.blocks);
    const auto names = ensemble_metric_names(data.graph, spec);
    const auto plan_values = plan_metrics(data.graph, in.start, in.k, spec);

    interrupted = false;
    request.cancel = &interrupted;
    ProgressPrinter printer;
    const auto t0 = std::chrono::steady_clock::now();
    auto elapsed = [&t0] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    bool out_of_time = false;
    const bool targeted = args.target_ess > 0;
    request.progress = [&](const EnsembleProgress& p) {
        if (targeted && elapsed() > args.max_seconds) out_of_time = true;
        return printer(p) && !out_of_time;
    };
    RecomSampler sampler(request);
    // Per chain, per recorded plan: its step and measures, computed once as plans arrive.
    struct Row {
        std::uint64_t step;
        std::vector<double> values;
    };
    std::vector<std::vector<Row>> rows(sampler.chain_count());
    auto measure_new = [&] {
        for (unsigned c = 0; c < sampler.chain_count(); ++c)
            for (std::size_t i = rows[c].size(); i < sampler.samples(c).size(); ++i)
                rows[c].push_back({sampler.sample_steps(c)[i], plan_metrics(data.graph, sampler.samples(c)[i], in.k, spec)});
    };
    auto diagnose = [&] {
        std::vector<MixingDiagnostics> out;
        for (std::size_t m = 0; m < names.size(); ++m) {
            std::vector<std::vector<double>> chains(rows.size());
            for (std::size_t c = 0; c < rows.size(); ++c)
                for (const Row& row : rows[c]) chains[c].push_back(row.values[m]);
            out.push_back(mixing_diagnostics(chains));
        }
        return out;
    };
    // The measure furthest from reliable: lowest ESS, R-hat on ties; "" when all are.
    auto weakest = [&](const std::vector<MixingDiagnostics>& d, double min_ess) {
        std::size_t worst = names.size();
        for (std::size_t m = 0; m < d.size(); ++m)
            if (!reliable(d[m], min_ess) && (worst == names.size() || d[m].ess < d[worst].ess)) worst = m;
        return worst;
    };

    std::vector<MixingDiagnostics> diagnostics;
    std::string stopped_by = "steps";
    {
        InterruptScope scope;
        if (!targeted) {
            sampler.run(args.steps);
            measure_new();
            diagnostics = diagnose();
        } else {
            // Rounds: the first of --steps per chain, then each sized from how far the
            // lowest ESS is from the target (ESS grows about in proportion to steps).
            // Records kept: enough that ESS is not capped by them, few enough that measures
            // and diagnostics stay cheap; the thinning doubles ahead of a round that would pass it.
            const auto keep = static_cast<std::uint64_t>(std::clamp(4 * args.target_ess, 4000.0, 100000.0));
            std::uint64_t round = args.steps, per_chain = 0;
            for (int r = 1;; ++r) {
                for (;;) {
                    std::uint64_t expected = sampler.chain_count() * (round / sampler.thin() + 1);
                    for (const auto& chain : rows) expected += chain.size();
                    if (expected <= keep || sampler.thin() >= round) break;
                    sampler.thin_out();
                    for (auto& chain : rows)
                        chain.erase(std::remove_if(chain.begin(), chain.end(),
                                                   [&](const Row& row) { return row.step % sampler.thin() != 0; }),
                                    chain.end());
                }
                const bool whole = sampler.run(round);
                per_chain += round;
                measure_new();
                diagnostics = diagnose();
                const std::size_t worst = weakest(diagnostics, args.target_ess);
                double lowest = diagnostics.empty() ? 0.0 : diagnostics.front().ess, highest = 1;
                for (const auto& d : diagnostics) {
                    lowest = std::min(lowest, d.ess);
                    if (!std::isnan(d.rhat)) highest = std::max(highest, d.rhat);
                }
                char note[160];
                std::snprintf(note, sizeof note, ", lowest ESS %.0f of %.0f, highest R-hat %.3f", lowest, args.target_ess, highest);
                printer.note = note;
                std::fprintf(stderr, "ensemble: round %d, %llu steps per chain: lowest ESS %.0f of %.0f%s%s, highest R-hat %.3f\n", r,
                             static_cast<unsigned long long>(per_chain), lowest, args.target_ess,
                             worst < names.size() ? " - " : "", worst < names.size() ? names[worst].c_str() : "", highest);
                if (worst == names.size()) {
                    stopped_by = "target";
                    break;
                }
                if (!whole || out_of_time || elapsed() > args.max_seconds) {
                    stopped_by = out_of_time || elapsed() > args.max_seconds ? "time cap" : "interrupted";
                    break;
                }
                const double short_by = lowest > 0 ? 1.2 * args.target_ess / lowest : 4.0;
                const double grow = std::clamp(short_by, 1.25, 4.0);
                round = std::max<std::uint64_t>(args.steps, static_cast<std::uint64_t>(static_cast<double>(per_chain) * (grow - 1)));
            }
        }
    }
    const EnsembleResult result = sampler.result();
    if (result.cancelled && stopped_by == "steps") stopped_by = "interrupted";
    const double seconds = elapsed();
    if (result.samples.empty())
        throw Error(ErrorKind::tolerance_not_met, "ensemble: no plan within every band was reached" +
                                                     std::string(result.cancelled ? " before the run was interrupted" : "") +
                                                     "; nothing written");

    std::vector<std::vector<double>> columns(names.size());
    std::vector<std::string> row{"chain", "step"};
    row.insert(row.end(), names.begin(), names.end());
    std::string metrics_csv = csv_line(row);
    for (std::size_t c = 0; c < rows.size(); ++c)
        for (const Row& sample : rows[c]) {
            row = {std::to_string(c), std::to_string(sample.step)};
            for (std::size_t m = 0; m < sample.values.size(); ++m) {
                columns[m].push_back(sample.values[m]);
                row.push_back(format_number(sample.values[m]));
            }
            metrics_csv += csv_line(row);
        }

    std::uint64_t steps = 0, accepted = 0, no_cut = 0, refused = 0;
    for (const auto& chain : result.chains) {
        steps += chain.steps;
        accepted += chain.accepted;
        no_cut += chain.no_cut;
        refused += chain.refused;
    }
    nlohmann::ordered_json summary;
    summary["plan"] = in.plan_path.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(in.plan_path);
    summary["zones"] = data.zones.size();
    summary["units"] = result.units;
    summary["localities"] = in.k;
    summary["variant"] = args.variant;
    summary["distribution"] =
        variant == RecomVariant::reversible
            ? "plans within every band, each with probability proportional to the product over its localities of "
              "their spanning-tree counts (reversible ReCom)"
            : "plain ReCom: close to the spanning-tree distribution, no closed form; not uniform";
    summary["seed"] = args.seed;
    summary["chains"] = args.chains;
    summary["steps_per_chain"] = result.chains.empty() ? 0 : result.chains.front().steps;
    summary["steps"] = steps;
    summary["moved_share"] = steps ? static_cast<double>(accepted) / static_cast<double>(steps) : 0.0;
    summary["no_cut_share"] = steps ? static_cast<double>(no_cut) / static_cast<double>(steps) : 0.0;
    summary["refused_share"] = steps ? static_cast<double>(refused) / static_cast<double>(steps) : 0.0;
    summary["thin"] = sampler.thin();
    summary["samples"] = result.samples.size();
    summary["interrupted"] = result.cancelled && stopped_by == "interrupted";
    summary["target_ess"] = targeted ? nlohmann::ordered_json(args.target_ess) : nlohmann::ordered_json(nullptr);
    summary["max_seconds"] = targeted ? nlohmann::ordered_json(args.max_seconds) : nlohmann::ordered_json(nullptr);
    summary["stopped_by"] = stopped_by;
    summary["plan_within_bands"] = result.start_valid;
    nlohmann::ordered_json bands = nlohmann::json::array();
    for (const auto& layer : in.balance) bands.push_back({{"column", layer.name}, {"tolerance", layer.tolerance}});
    summary["balance"] = bands;
    summary["locked_zones"] = std::count_if(in.locks.begin(), in.locks.end(), [](int l) { return l >= 0; });
    const bool all_reliable = weakest(diagnostics, kMinReliableEss) == names.size();
    summary["diagnostics"] = {
        {"ess", "per chain: recorded plans / (-1 + 2 x Geyer's initial positive sequence of autocorrelations), at most "
                "n log10 n; total: the sum over chains"},
        {"rhat", "rank-normalised split R-hat (Vehtari et al. 2021), the larger of bulk and folded"},
        {"percentile_90", "Wilson's 90% interval for the percentile with the measure's total ESS as the number of draws"},
        {"reliable_when", "ESS >= " + format_number(kMinReliableEss) + " and R-hat <= " + format_number(kMaxReliableRhat)}};
    summary["reliable"] = all_reliable;
    summary["warning"] = all_reliable ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(kUnreliableWarning);
    nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
    for (std::size_t m = 0; m < names.size(); ++m) {
        auto& values = columns[m];
        std::sort(values.begin(), values.end());
        nlohmann::ordered_json q = nlohmann::ordered_json::object();
        for (const double p : kQuantiles) q[std::to_string(static_cast<int>(std::lround(p * 100)))] = quantile(values, p);
        double mean = 0;
        for (const double v : values) mean += v;
        const double percentile = percentile_of(values, plan_values[m]);
        const PercentileInterval interval = percentile_interval(percentile, diagnostics[m].ess);
        nlohmann::ordered_json per_chain = nlohmann::json::array();
        for (const double ess : diagnostics[m].chain_ess) per_chain.push_back(std::round(ess * 10) / 10);
        metrics[names[m]] = {{"plan", plan_values[m]},
                             {"percentile", percentile},
                             {"percentile_90", {std::round(interval.low * 10) / 10, std::round(interval.high * 10) / 10}},
                             {"ess", std::round(diagnostics[m].ess * 10) / 10},
                             {"ess_per_chain", per_chain},
                             {"rhat", std::isfinite(diagnostics[m].rhat) ? nlohmann::ordered_json(std::round(diagnostics[m].rhat * 1e4) / 1e4)
                                                                         : nlohmann::ordered_json(nullptr)},
                             {"constant", diagnostics[m].constant},
                             {"reliable", reliable(diagnostics[m])},
                             {"quantiles", q},
                             {"mean", mean / static_cast<double>(values.size())},
                             {"min", values.front()},
                             {"max", values.back()}};
    }
    summary["metrics"] = metrics;
    // The one part that differs between two runs of the same input: the rest of the file is
    // byte for byte the same (issue 24).
    summary["timing"] = {{"seconds", std::round(seconds * 1000) / 1000}};

    const auto frequency = boundary_frequency(data.graph, result.samples);
    const auto shares = coassignment_share(in.start, in.k, result.samples);
    std::string coassignment = csv_line({"zone", "locality", "locality_name", "share"});
    for (std::size_t z = 0; z < shares.size(); ++z)
        coassignment += csv_line({data.zones.ids[z], std::to_string(in.start[z] + 1),
                                  in.names[static_cast<std::size_t>(in.start[z])], format_number(shares[z])});

    OutputSet set;
    set.add_text((out / "summary.json").string(), summary.dump(2) + "\n");
    set.add_text((out / "metrics.csv").string(), metrics_csv);
    set.add_text((out / "boundary_frequency.geojson").string(), frequency_geojson(in, frequency));
    set.add_text((out / "coassignment.csv").string(), coassignment);
    set.commit();

    std::printf("%zu plans from %llu steps in %.1f s (%.0f steps/s, %.1f%% moved)%s\n", result.samples.size(),
                static_cast<unsigned long long>(steps), seconds, seconds > 0 ? static_cast<double>(steps) / seconds : 0.0,
                steps ? 100.0 * static_cast<double>(accepted) / static_cast<double>(steps) : 0.0,
                result.cancelled ? " - interrupted, written what was sampled" : "");
    for (std::size_t m = 0; m < names.size(); ++m) {
        const auto& metric = metrics[names[m]];
        std::printf("  %-34s plan %-12s percentile %5.1f (90%%: %.1f..%.1f)  ensemble 5%%..95%%: %s .. %s  %s%s\n",
                    names[m].c_str(), format_number(plan_values[m]).c_str(), metric["percentile"].get<double>(),
                    metric["percentile_90"][0].get<double>(), metric["percentile_90"][1].get<double>(),
                    format_number(metric["quantiles"]["5"].get<double>()).c_str(),
                    format_number(metric["quantiles"]["95"].get<double>()).c_str(), mixing_text(diagnostics[m]).c_str(),
                    reliable(diagnostics[m]) ? "" : "  << unreliable");
    }
    if (!all_reliable) std::printf("warning: %s\n", kUnreliableWarning);
    if (targeted && stopped_by != "target")
        std::printf("warning: --target-ess %s not reached (%s)\n", format_number(args.target_ess).c_str(),
                    stopped_by == "time cap" ? ("stopped at --max-seconds " + format_number(args.max_seconds)).c_str()
                                             : "interrupted");
    for (const auto& name : files) std::printf("wrote %s\n", (out / name).string().c_str());
}

const RegisterCommand registration([](CLI::App& app) {
    auto args = std::make_shared<EnsembleArgs>();
    CLI::App* cmd = app.add_subcommand(
        "ensemble", "Sample many valid plans under the plan's rules (ReCom: same bands, locks, contiguity) and show "
                    "where the plan sits among them: summary.json, metrics.csv, boundary_frequency.geojson, "
                    "coassignment.csv. Ctrl-C stops early and writes what was sampled");
    cmd->add_option("--plan", args->plan, "Plan file (JSON): the start, its localities, locks and balance rules");
    cmd->add_option("--localities", args->localities, "Without a plan: start from the partitioner's plan of K localities")
        ->check(CLI::Range(2, 255));
    cmd->add_option("--balance", args->balance,
                    "COLUMN:TOLERANCE bands (default: the plan's recorded balance), e.g. pop2020_total:10%");
    cmd->add_option("--settlements", args->settlements, "Settlements spec (default: the plan's recorded one): counted "
                                                        "as split settlements");
    cmd->add_flag("--keep-settlements-whole", args->hard_settlements,
                  "Move each settlement as one piece (as the plan splits it, where it does)");
    cmd->add_option("--keep-whole", args->keep_whole, "Zone field whose groups move whole (e.g. iz11_code)");
    cmd->add_option("--building-blocks", args->building_blocks,
                    "FILE[:LAYER]:FIELD polygons (e.g. wards) whose zones move whole (as the plan splits them, where "
                    "it does)");
    cmd->add_option("--variant", args->variant, "reversible (known distribution, default) or plain ReCom");
    cmd->add_option("--steps", args->steps, "Steps per chain (default 10000; with --target-ess, the first round's)");
    cmd->add_option("--target-ess", args->target_ess,
                    "Keep sampling until every measure has N effective samples and R-hat <= 1.05 (or --max-seconds)")
        ->check(CLI::Range(1.0, 1e7));
    cmd->add_option("--max-seconds", args->max_seconds, "With --target-ess: stop after this long, reached or not (default 600)")
        ->check(CLI::Range(0.001, 1e7));
    cmd->add_option("--chains", args->chains, "Independent chains, one thread each (default 2)");
    cmd->add_option("--seed", args->seed, "Random seed (same seed, same ensemble)");
    cmd->add_option("--thin", args->thin, "Record every N-th step (default: steps / 500)");
    cmd->add_option("--out", args->out, "Folder for the four outputs")->required();
    args->data.add_to(*cmd, false);
    lp::app::set_examples(*cmd, {
      {"Where the plan sits among 2 x 100,000 sampled plans under its own rules",
       "boundaries ensemble --plan highland.plan.json --steps 100000 --chains 2 --out ens/"},
      {"Under another band, then read by the report",
       "boundaries ensemble --plan plan.json --balance pop2020_total:5% --seed 7 --out ens/\nboundaries report --plan plan.json --ensemble ens/ --out report/"}});
    cmd->callback([args] { run_ensemble(*args); });
});

} // namespace

} // namespace lp::cli
