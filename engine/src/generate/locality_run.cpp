#include <lp/core/error.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/geometry/dissolve.hpp>
#include <lp/plan/csv_table.hpp>

#include <chrono>
#include <cmath>
#include <map>
#include <sstream>

namespace lp {

BalanceSpec parse_balance(const std::string& text) {
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

std::vector<int> keep_whole_groups(const Dataset& data, const std::string& field,
                                   const std::vector<std::string>& tables) {
    std::vector<std::string> values;
    if (const auto* column = data.zones.field(field)) {
        values = *column;
    } else {
        for (const auto& path : tables) {
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

LocalityRun run_localities(const Dataset& data, const LocalityRunOptions& options) {
    const ZoneLayer& zones = data.zones;
    const int k = options.k;
    if (k < 2) throw Error(ExitCode::usage, "--localities " + std::to_string(k) + ": the law asks for two or more");
    if (static_cast<std::size_t>(k) > zones.size())
        throw Error(ExitCode::infeasible_request, "cannot make " + std::to_string(k) + " localities from the " +
                                                      std::to_string(zones.size()) + " zones of " + zones.source);
    LocalityRun run;
    for (const auto& spec : options.balance) run.balance.push_back({spec.column, data.demand.column(spec.column), spec.tolerance});
    if (!options.keep_whole.empty()) run.groups = keep_whole_groups(data, options.keep_whole, options.keep_whole_tables);
    for (int j = 0; j < k; ++j)
        run.names.push_back(j < static_cast<int>(options.names.size()) && !options.names[j].empty()
                                ? options.names[j]
                                : "Locality " + std::to_string(j + 1));

    PartitionRequest request;
    request.graph = &data.graph;
    request.k = k;
    request.balance = run.balance;
    request.locks = options.locks;
    request.start = options.start;
    request.groups = run.groups;
    request.group_split_cost = options.split_cost;
    request.seed = options.seed;
    request.effort = options.effort;
    request.zone_ids = &zones.ids;
    const auto t0 = std::chrono::steady_clock::now();
    run.result = partition(request);
    const auto t1 = std::chrono::steady_clock::now();
    run.shapes = dissolve_groups(zones, run.result.assignment, k);
    const auto t2 = std::chrono::steady_clock::now();
    run.partition_seconds = std::chrono::duration<double>(t1 - t0).count();
    run.dissolve_seconds = std::chrono::duration<double>(t2 - t1).count();
    return run;
}

namespace {
// Rounded by a division, so the JSON shows 509.078, not 509.07800000000003.
double round_to(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}
} // namespace

std::vector<Feature> locality_features(const LocalityRun& run) {
    const auto& stats = run.result.stats;
    std::vector<Feature> features(run.names.size());
    for (std::size_t j = 0; j < run.names.size(); ++j) {
        const auto& s = stats.localities[j];
        auto& p = features[j].properties;
        features[j].shape = run.shapes[j];
        p["locality"] = static_cast<int>(j + 1);
        p["name"] = run.names[j];
        p["zones"] = s.zones;
        bool within = true;
        for (std::size_t l = 0; l < run.balance.size(); ++l) {
            p[run.balance[l].name] = round_to(s.totals[l], 2);
            p[run.balance[l].name + "_deviation_pct"] = round_to(s.deviation[l] * 100.0, 3);
            within = within && std::abs(s.deviation[l]) <= run.balance[l].tolerance + 1e-12;
        }
        p["area_km2"] = round_to(s.area / 1e6, 3);
        p["polsby_popper"] = round_to(s.polsby_popper, 4);
        p["contiguous"] = s.connected();
        p["crossings"] = s.crossings;
        p["within_tolerance"] = within;
    }
    return features;
}

std::string assignment_csv(const ZoneLayer& zones, const LocalityRun& run) {
    std::ostringstream csv;
    csv << "zone,locality,locality_name\n";
    for (std::size_t zone = 0; zone < zones.size(); ++zone) {
        const int j = run.result.assignment[zone];
        csv << csv_field(zones.ids[zone]) << ',' << j + 1 << ',' << csv_field(run.names[j]) << '\n';
    }
    return csv.str();
}

} // namespace lp
