// boundaries generate: divide one partnership's zones into k localities, balanced on the
// chosen demand columns, connected, and with the least boundary between localities.
#include "command_registry.hpp"
#include "data_options.hpp"

#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/geometry/dissolve.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/partition/partition.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace lp::cli {

namespace {

struct GenerateArgs {
    DataOptions data;
    int localities = 0;
    std::vector<std::string> balance;
    std::string keep_whole;
    double split_cost = -1;
    std::string lock_csv;
    std::string start_csv;
    std::uint64_t seed = 1;
    double effort = 1.0;
    std::string out;
    std::string assignment_csv;
};

// "pop2020_total:1%" or "pop2020_75plus:0.05" or "pop2020_total" (1%).
std::pair<std::string, double> parse_balance(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) return {text, 0.01};
    const std::string name = text.substr(0, colon);
    std::string tolerance = text.substr(colon + 1);
    const bool percent = !tolerance.empty() && tolerance.back() == '%';
    if (percent) tolerance.pop_back();
    double value = 0;
    std::size_t used = 0;
    try {
        value = std::stod(tolerance, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (name.empty() || used == 0 || used != tolerance.size() || !std::isfinite(value) || value < 0)
        throw Error(ExitCode::usage, "--balance " + text + ": expected COLUMN[:TOLERANCE] with a tolerance like 1% or 0.01");
    return {name, percent ? value / 100.0 : value};
}

std::string trim(std::string text) {
    const auto first = text.find_first_not_of(" \t\r\n\"");
    const auto last = text.find_last_not_of(" \t\r\n\"");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

std::vector<std::string> split_csv_line(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) {
            cells.push_back(trim(cell));
            cell.clear();
        } else cell += c;
    }
    cells.push_back(trim(cell));
    return cells;
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
                throw Error(ExitCode::bad_value, where + ": locality " + cell + " is outside 1.." + std::to_string(k_));
            numbered_.insert(static_cast<int>(number - 1));
            return static_cast<int>(number - 1);
        }
        if (cell.empty()) throw Error(ExitCode::bad_value, where + ": no locality given");
        for (int j = 0; j < k_; ++j)
            if (names_[j] == cell) return j;
        pending_.push_back(cell);
        return -2 - static_cast<int>(pending_.size() - 1); // settled in finish()
    }

    // Gives pending names their numbers; returns the index for a pending code.
    void finish() {
        for (const auto& name : pending_) {
            if (std::find(names_.begin(), names_.end(), name) != names_.end()) continue;
            int free = -1;
            for (int j = 0; j < k_ && free < 0; ++j)
                if (names_[j].empty() && !numbered_.count(j)) free = j;
            if (free < 0)
                throw Error(ExitCode::bad_value, "locality name '" + name + "' is one more than the " +
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

private:
    int k_;
    std::vector<std::string> names_;
    std::set<int> numbered_;
    std::vector<std::string> pending_;
}; // class LocalityNames

// zone,locality rows (a header row naming the columns is optional).
std::vector<int> read_zone_localities(const std::string& path, const ZoneLayer& zones, LocalityNames& names) {
    std::ifstream in(path);
    if (!in) throw Error(ExitCode::file_not_found, path + ": cannot open");
    std::vector<int> codes(zones.size(), -1);
    std::vector<int> line_of(zones.size(), 0);
    std::size_t zone_column = 0;
    std::size_t locality_column = 1;
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (trim(line).empty()) continue;
        const auto cells = split_csv_line(line);
        const std::string where = path + " line " + std::to_string(line_number);
        if (line_number == 1) {
            // A header names its columns: zone (or the id field) and locality.
            bool header = false;
            for (std::size_t c = 0; c < cells.size(); ++c) {
                if (cells[c] == "zone" || cells[c] == zones.id_field) {
                    zone_column = c;
                    header = true;
                }
                if (cells[c] == "locality") {
                    locality_column = c;
                    header = true;
                }
            }
            if (header) continue;
        }
        if (cells.size() <= std::max(zone_column, locality_column))
            throw Error(ExitCode::bad_value, where + ": expected zone,locality");
        const auto zone = zones.find(cells[zone_column]);
        if (!zone)
            throw Error(ExitCode::unknown_zone, where + ": '" + cells[zone_column] + "' is not a zone of " + zones.source);
        const int code = names.resolve(cells[locality_column], where);
        if (line_of[*zone] > 0 && codes[*zone] != code)
            throw Error(ExitCode::bad_value, where + ": zone " + cells[zone_column] + " was already given locality " +
                                                 "on line " + std::to_string(line_of[*zone]));
        codes[*zone] = code;
        line_of[*zone] = line_number;
    }
    return codes;
}

std::vector<int> keep_whole_groups(const std::string& field, const Dataset& data, const DatasetOptions& options) {
    std::vector<std::string> values;
    if (const auto* column = data.zones.field(field)) {
        values = *column;
    } else {
        for (const auto& path : options.demand_paths) {
            try {
                values = join_text_column(data.zones, path, data.zones.id_field, field);
                break;
            } catch (const Error&) {
                // not in this table; try the next
            }
        }
        if (values.empty())
            throw Error(ExitCode::field_not_found, "--keep-whole " + field + ": neither " + data.zones.source +
                                                       " nor any --demand table has that column");
    }
    std::map<std::string, int> numbers;
    std::vector<int> groups(values.size(), -1);
    for (std::size_t zone = 0; zone < values.size(); ++zone)
        if (!values[zone].empty())
            groups[zone] = numbers.emplace(values[zone], static_cast<int>(numbers.size())).first->second;
    return groups;
}

// Rounded to `decimals` places by a division, so the JSON shows 509.078, not 509.07800000000003.
double round_to(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

void run_generate(const GenerateArgs& args) {
    const auto t0 = std::chrono::steady_clock::now();
    const DatasetOptions options = args.data.resolved();
    const Dataset data = load_dataset(options);
    const ZoneLayer& zones = data.zones;
    const int k = args.localities;
    if (k < 2) throw Error(ExitCode::usage, "--localities " + std::to_string(k) + ": the law asks for two or more");
    if (static_cast<std::size_t>(k) > zones.size())
        throw Error(ExitCode::infeasible_request, "cannot make " + std::to_string(k) + " localities from the " +
                                                      std::to_string(zones.size()) + " zones of " + zones.source);

    PartitionRequest request;
    request.graph = &data.graph;
    request.k = k;
    for (const auto& text : args.balance) {
        const auto [column, tolerance] = parse_balance(text);
        request.balance.push_back({column, data.demand.column(column), tolerance});
    }
    LocalityNames names(k);
    std::vector<int> lock_codes;
    std::vector<int> start_codes;
    if (!args.lock_csv.empty()) lock_codes = read_zone_localities(args.lock_csv, zones, names);
    if (!args.start_csv.empty()) start_codes = read_zone_localities(args.start_csv, zones, names);
    names.finish();
    for (auto& code : lock_codes) code = names.settle(code);
    for (auto& code : start_codes) code = names.settle(code);
    request.locks = lock_codes;
    request.start = start_codes;
    if (!args.keep_whole.empty()) request.groups = keep_whole_groups(args.keep_whole, data, options);
    request.group_split_cost = args.split_cost;
    request.seed = args.seed;
    request.effort = args.effort;
    request.zone_ids = &zones.ids;
    const auto t1 = std::chrono::steady_clock::now();
    const PartitionResult result = partition(request);
    const auto t2 = std::chrono::steady_clock::now();

    const auto shapes = dissolve_groups(zones, result.assignment, k);
    std::vector<Feature> features(static_cast<std::size_t>(k));
    for (int j = 0; j < k; ++j) {
        const auto& stats = result.stats.localities[j];
        auto& p = features[j].properties;
        features[j].shape = shapes[j];
        p["locality"] = j + 1;
        p["name"] = names.name(j);
        p["zones"] = stats.zones;
        for (std::size_t l = 0; l < request.balance.size(); ++l) {
            p[request.balance[l].name] = round_to(stats.totals[l], 2);
            p[request.balance[l].name + "_deviation_pct"] = round_to(stats.deviation[l] * 100.0, 3);
        }
        p["area_km2"] = round_to(stats.area / 1e6, 3);
        p["polsby_popper"] = round_to(stats.polsby_popper, 4);
        p["contiguous"] = stats.connected();
        p["crossings"] = stats.crossings;
        bool within = true;
        for (std::size_t l = 0; l < request.balance.size(); ++l)
            within = within && std::abs(stats.deviation[l]) <= request.balance[l].tolerance + 1e-12;
        p["within_tolerance"] = within;
    }
    write_features(args.out, features, zones.working_crs);
    if (!args.assignment_csv.empty()) {
        std::ostringstream csv;
        csv << "zone,locality\n";
        for (std::size_t zone = 0; zone < zones.size(); ++zone)
            csv << zones.ids[zone] << ',' << result.assignment[zone] + 1 << '\n';
        write_file_atomically(args.assignment_csv, csv.str());
    }

    const double read_s = std::chrono::duration<double>(t1 - t0).count();
    const double partition_ms = std::chrono::duration<double, std::milli>(t2 - t1).count();
    std::printf("%zu zones into %d localities (read %.2f s, partition %.1f ms, seed %llu)\n", zones.size(), k, read_s,
                partition_ms, static_cast<unsigned long long>(args.seed));
    for (int j = 0; j < k; ++j) {
        const auto& stats = result.stats.localities[j];
        std::printf("  %-20s %4d zones", names.name(j).c_str(), stats.zones);
        for (std::size_t l = 0; l < request.balance.size(); ++l)
            std::printf("  %s %.0f (%+.2f%%)", request.balance[l].name.c_str(), stats.totals[l],
                        stats.deviation[l] * 100.0);
        std::printf("  PP %.3f%s\n", stats.polsby_popper, stats.connected() ? "" : "  NOT CONTIGUOUS");
    }
    std::printf("cut length %.1f km", result.stats.cut_length / 1000.0);
    if (!request.groups.empty()) std::printf(", %d %s split", result.stats.split_groups, args.keep_whole.c_str());
    std::printf("\nwrote %s%s%s\n", args.out.c_str(), args.assignment_csv.empty() ? "" : " and ",
                args.assignment_csv.c_str());
    if (!result.within_tolerance || !result.contiguous) {
        std::cerr << "boundaries: the best plan found misses the request (written anyway):\n";
        for (const auto& problem : result.problems) std::cerr << "  " << problem << "\n";
        set_exit_status(static_cast<int>(ExitCode::tolerance_not_met));
    }
}

const RegisterCommand registration([](CLI::App& app) {
    auto args = std::make_shared<GenerateArgs>();
    CLI::App* cmd = app.add_subcommand("generate", "Divide the zones into k balanced, connected, compact localities");
    args->data.add_to(*cmd);
    cmd->add_option("--localities,-k", args->localities, "Number of localities (2 or more)")->required();
    cmd->add_option("--balance", args->balance,
                    "Demand column to balance, with its tolerance: COLUMN[:TOL], TOL like 1% or 0.01 (default 1%)")
        ->required();
    cmd->add_option("--keep-whole", args->keep_whole,
                    "Zone attribute (or --demand column) grouping zones that should stay together, e.g. iz11_code");
    cmd->add_option("--split-cost", args->split_cost,
                    "Metres of boundary one extra split of a keep-whole group is worth (default: median zone border)");
    cmd->add_option("--lock", args->lock_csv, "CSV of zone,locality (1-based number or name) fixed in place");
    cmd->add_option("--start", args->start_csv, "CSV of zone,locality: a plan to improve rather than start afresh");
    cmd->add_option("--seed", args->seed, "Random seed (same inputs and seed give the same plan)")->capture_default_str();
    cmd->add_option("--effort", args->effort, "Search effort multiplier")->capture_default_str();
    cmd->add_option("--out", args->out, "Locality boundaries: .geojson, .gpkg or .shp")->required();
    cmd->add_option("--assignment", args->assignment_csv, "CSV of zone,locality to write");
    cmd->callback([args] { run_generate(*args); });
});

} // namespace

} // namespace lp::cli
