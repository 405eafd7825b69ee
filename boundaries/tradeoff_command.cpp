// boundaries tradeoff: what each point of balance costs. The same options as generate run
// once per band of the first balance rule (e.g. 5%, 10%, 25%, 50% and soft): per band the
// localities (GeoJSON, zone,locality lookup, plan file), and over all bands tradeoff.csv,
// tradeoff.html (the chart and table) and the table on stdout.
//
// Exit status 0 whenever every file is written, also when a hard band is missed under some
// band: a trade-off shows what each band costs, and a band that cannot be met is part of
// that answer (the table's within_tolerance column and the notes below it say which).
#include "command_registry.hpp"
#include "flag_errors.hpp"
#include "hub_inputs.hpp"
#include "plan_inputs.hpp"
#include "run_options.hpp"
#include "progress_line.hpp"

#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/generate/run_plan.hpp>
#include <lp/report/locality_features.hpp>
#include <lp/generate/tradeoff.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/io/output_set.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/report/tradeoff_chart.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lp::cli {

namespace {

namespace fs = std::filesystem;

struct TradeoffArgs {
    RunArgs run;
    std::string bands = "5%,10%,25%,50%,soft";
    std::string out_dir;
}; // struct TradeoffArgs

constexpr FlagWords tradeoff_flag_words[] = {{"bands ", "--bands "}, {"bands:", "--bands:"}};

// A band's label as a file name: "5%" -> band_5pct, "12.5%" -> band_12p5pct, "25%:soft" ->
// band_25pct_soft, "soft" -> band_soft.
std::string band_file_stem(const std::string& label) {
    std::string out = "band_";
    for (const char c : label) {
        if (c == '%') out += "pct";
        else if (c == '.') out += 'p';
        else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') out += c;
        else out += '_';
    }
    return out;
}

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// The rows as a table on stdout, each column as wide as its widest cell.
void print_table(const std::vector<TradeoffRow>& rows) {
    std::vector<std::vector<std::string>> cells = {{"band", "towns split", "people on a boundary", "share",
                                                    "largest deviation", "cut km", "zones changed", "within tolerance",
                                                    "beyond soft band", "seconds"}};
    for (const auto& r : rows)
        cells.push_back({r.band, std::to_string(r.towns_split), fixed(r.people_on_boundary, 0),
                         fixed(r.people_on_boundary_pct, 1) + "%", fixed(r.largest_deviation * 100.0, 1) + "%",
                         fixed(r.cut_km, 1), r.zones_changed < 0 ? "-" : std::to_string(r.zones_changed),
                         r.within_tolerance ? "yes" : "no", std::to_string(r.beyond_soft_band), fixed(r.seconds, 2)});
    std::vector<std::size_t> width(cells.front().size(), 0);
    for (const auto& row : cells)
        for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
    for (const auto& row : cells) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string pad(width[c] - row[c].size(), ' ');
            line += c == 0 ? row[c] + pad : "  " + pad + row[c]; // the band left, numbers right
        }
        std::printf("%s\n", line.c_str());
    }
}

void run_tradeoff_command(const TradeoffArgs& args) {
    LocalityRunOptions options = run_options_from(args.run); // malformed flags refused before reading
    const auto bands = naming_flags(tradeoff_flag_words, [&] { return parse_tradeoff_bands(args.bands, options.balance.front()); });
    if (args.out_dir.empty()) throw Error(ErrorKind::bad_setting, "tradeoff needs --out-dir DIR");
    std::vector<std::string> stems;
    for (const auto& band : bands) {
        const std::string stem = band_file_stem(band.label);
        if (std::find(stems.begin(), stems.end(), stem) != stems.end())
            throw Error(ErrorKind::bad_setting, "--bands " + args.bands + ": '" + band.label + "' is given twice");
        stems.push_back(stem);
    }
    const fs::path dir(args.out_dir);
    std::vector<NamedPath> outputs;
    for (const auto& stem : stems)
        for (const char* suffix : {".geojson", "_assignment.csv", ".plan.json"})
            outputs.push_back({"--out-dir", (dir / (stem + suffix)).string()});
    const std::string csv_path = (dir / "tradeoff.csv").string(), html_path = (dir / "tradeoff.html").string();
    outputs.push_back({"--out-dir", csv_path});
    outputs.push_back({"--out-dir", html_path});
    prepare_outputs(outputs, run_inputs(args.run));

    const LocalityCount count = locality_count_from(args.run, "tradeoff");
    const DatasetOptions sources = args.run.data.resolved();
    const Dataset data = load_dataset_showing_progress(sources);
    check_zones_for(count.k, data.zones);
    const auto gazetteer = read_gazetteer(args.run.places, data.zones);
    options.k = count.k;
    options.hubs = count.hubs;
    options.places = gazetteer ? &*gazetteer : nullptr;
    for (int j = 0; j < count.k; ++j)
        options.names.push_back(static_cast<std::size_t>(j) < count.hubs.size() ? count.hubs[j].name : std::string());

    const std::string& column = options.balance.front().column;
    std::fprintf(stderr, "tradeoff: %zu bands of %s, %d localities from %zu zones\n", bands.size(), column.c_str(),
                 count.k, data.zones.size());
    auto band_start = std::chrono::steady_clock::now();
    const Tradeoff tradeoff = naming_flags(generate_flag_words, [&] {
        return run_tradeoff(data, options, bands, [&](std::size_t done, std::size_t total) {
            const auto now = std::chrono::steady_clock::now();
            std::fprintf(stderr, "band %zu/%zu %s: %.2f s\n", done, total, bands[done - 1].label.c_str(),
                         std::chrono::duration<double>(now - band_start).count());
            band_start = now;
            return true;
        });
    });

    LocalityPlan partnership; // the code and name the data says, for every plan and the page's title
    guess_partnership(partnership, data, sources);
    const FunctionCatalogue catalogue = read_catalogue(default_catalogue_path());
    std::error_code made;
    fs::create_directories(dir, made);
    if (made) throw Error(ErrorKind::write_failed, args.out_dir + ": cannot create the folder (" + made.message() + ")");
    OutputSet files; // every band's files and the trade-off's, or none
    for (std::size_t b = 0; b < tradeoff.runs.size(); ++b) {
        const LocalityRun& run = tradeoff.runs[b];
        const std::string stem = (dir / stems[b]).string();
        LocalityPlan plan = plan_of_run(data, run, partnership.partnership_code, partnership.partnership_name, sources,
                                        catalogue);
        plan.notes = "boundaries tradeoff, band " + bands[b].label + " of " + column + " (one of " + args.bands + ")";
        files.add_features(stem + ".geojson", run_locality_features(data, run, plan, catalogue), data.zones.working_crs,
                           locality_style(plan));
        files.add_text(stem + "_assignment.csv", assignment_csv(data.zones, run));
        files.add_text(stem + ".plan.json", plan_to_json_text(plan));
    }
    const std::string csv = tradeoff_csv(tradeoff.rows);
    files.add_text(csv_path, csv);
    std::string area = partnership.partnership_name.empty() ? partnership.partnership_code : partnership.partnership_name;
    if (area.empty()) area = data.zones.source;
    std::string subtitle = std::to_string(count.k) + " localities from " + std::to_string(data.zones.size()) +
                           " data zones, balancing " + column;
    if (std::any_of(bands.begin(), bands.end(), [](const TradeoffBand& band) { return band.label == "soft"; }))
        subtitle += " (band soft: " + fixed(options.balance.front().tolerance * 100, 0) + "% as a preference)";
    if (!options.settlements.empty()) subtitle += "; settlements " + options.settlements;
    if (!count.hubs.empty()) subtitle += "; " + std::to_string(count.hubs.size()) + " hubs";
    subtitle += "; seed " + std::to_string(args.run.seed);
    files.add_text(html_path, tradeoff_page_html(read_tradeoff_table(parse_csv(csv, csv_path)), "Trade-off: " + area, subtitle));
    files.commit();

    print_table(tradeoff.rows);
    for (std::size_t b = 0; b < tradeoff.runs.size(); ++b) {
        const auto& run = tradeoff.runs[b];
        for (const auto& excess : run.excesses)
            std::printf("%s: beyond the soft band: %s\n", bands[b].label.c_str(), excess.text.c_str());
        if (!run.result.within_tolerance || !run.result.contiguous)
            for (const auto& problem : run.result.problems)
                std::printf("%s: misses the request: %s\n", bands[b].label.c_str(), problem.c_str());
    }
    std::printf("wrote %zu bands (geojson, assignment, plan), tradeoff.csv and tradeoff.html to %s\n",
                tradeoff.runs.size(), args.out_dir.c_str());
}

const RegisterCommand registration([](CLI::App& app) {
    auto args = std::make_shared<TradeoffArgs>();
    CLI::App* cmd = app.add_subcommand("tradeoff", "What each band of balance costs: the generate options run once per "
                                                   "band, with towns split, people on a boundary and the largest "
                                                   "deviation per band (exit 0 even where a band is missed)");
    add_run_options(*cmd, args->run);
    cmd->add_option("--bands", args->bands,
                    "Bands for the first --balance rule, in order: tolerances (5%, 0.1), TOL:soft, or soft (the "
                    "rule's own tolerance as a preference)")
        ->capture_default_str();
    cmd->add_option("--out-dir", args->out_dir,
                    "Folder for band_<band>.geojson, band_<band>_assignment.csv, band_<band>.plan.json, tradeoff.csv "
                    "and tradeoff.html")
        ->required();
    lp::app::set_examples(*cmd, {
      {"What each band costs Highland: towns split, people on a boundary, deviation",
       "boundaries tradeoff --zones $D/dz2011_scotland_bng.gpkg --layer datazones \\\n  --id-field dz11_code --filter-field ca_code --filter S12000017 \\\n  --demand $D/demand/dz2011_population_2020.csv --demand $D/demand/dz2011_lookup.csv \\\n  --localities 9 --balance pop2020_total:25% --settlements urban_rural_6fold_2016:1-4 \\\n  --bands 5%,10%,25%,50%,soft --out-dir highland_tradeoff/"}});
    cmd->callback([args] { run_tradeoff_command(*args); });
});

} // namespace

} // namespace lp::cli
