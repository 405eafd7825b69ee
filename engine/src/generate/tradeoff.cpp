#include <lp/generate/tradeoff.hpp>

#include <lp/core/error.hpp>
#include <lp/io/csv_table.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace lp {

std::vector<TradeoffBand> parse_tradeoff_bands(const std::string& text, const BalanceSpec& first) {
    std::vector<TradeoffBand> bands;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        const auto begin = item.find_first_not_of(' ');
        item = begin == std::string::npos ? std::string() : item.substr(begin, item.find_last_not_of(' ') - begin + 1);
        if (item.empty()) throw Error(ErrorKind::bad_setting, "bands " + text + ": an empty band");
        TradeoffBand band{item, first};
        if (item == "soft") {
            band.first.soft = true;
        } else {
            try {
                band.first = parse_balance(first.column + ":" + item);
            } catch (const Error&) {
                throw Error(ErrorKind::bad_setting, "bands " + text + ": '" + item +
                                                        "' is not a band (expected e.g. 5%, 0.1, 25%:soft or soft)");
            }
        }
        bands.push_back(std::move(band));
    }
    if (bands.empty()) throw Error(ErrorKind::bad_setting, "bands: give at least one band, e.g. 5%,10%,25%,soft");
    return bands;
}

int zones_changed(const std::vector<int>& before, const std::vector<int>& after, int k) {
    std::vector<long> shared(static_cast<std::size_t>(k) * k, 0);
    for (std::size_t zone = 0; zone < before.size() && zone < after.size(); ++zone)
        if (before[zone] >= 0 && before[zone] < k && after[zone] >= 0 && after[zone] < k)
            ++shared[static_cast<std::size_t>(before[zone]) * k + after[zone]];
    // Greedy: the pair sharing most zones first (ties in order), each locality matched once.
    std::vector<int> match(k, -1);
    std::vector<char> taken(k, 0);
    for (int round = 0; round < k; ++round) {
        long best = -1;
        int best_a = -1, best_b = -1;
        for (int a = 0; a < k; ++a) {
            if (match[a] >= 0) continue;
            for (int b = 0; b < k; ++b)
                if (!taken[b] && shared[static_cast<std::size_t>(a) * k + b] > best) {
                    best = shared[static_cast<std::size_t>(a) * k + b];
                    best_a = a;
                    best_b = b;
                }
        }
        if (best_a < 0) break;
        match[best_a] = best_b;
        taken[best_b] = 1;
    }
    int changed = 0;
    for (std::size_t zone = 0; zone < before.size() && zone < after.size(); ++zone)
        if (before[zone] < 0 || before[zone] >= k || match[before[zone]] != after[zone]) ++changed;
    return changed;
}

Tradeoff run_tradeoff(const Dataset& data, const LocalityRunOptions& options, const std::vector<TradeoffBand>& bands,
                      const std::function<bool(std::size_t, std::size_t)>& progress) {
    if (options.balance.empty()) throw Error(ErrorKind::bad_setting, "tradeoff: balance a column to vary its band");
    Tradeoff tradeoff;
    tradeoff.bands = bands;
    for (const auto& band : bands) {
        LocalityRunOptions run_options = options;
        run_options.balance.front() = band.first;
        LocalityRun run = run_localities(data, run_options);
        const auto& stats = run.result.stats;
        TradeoffRow row;
        row.band = band.label;
        for (const auto& splits : stats.splits)
            if (splits.kind == "settlement") row.towns_split = static_cast<int>(splits.split.size());
        row.people_on_boundary = stats.people_on_boundary;
        row.people_on_boundary_pct = stats.people > 0 ? 100.0 * stats.people_on_boundary / stats.people : 0.0;
        row.largest_deviation = stats.max_deviation.empty() ? 0.0 : stats.max_deviation.front();
        row.cut_km = stats.cut_length / 1000.0;
        if (!tradeoff.runs.empty())
            row.zones_changed = zones_changed(tradeoff.runs.back().result.assignment, run.result.assignment, run.k);
        row.within_tolerance = run.result.within_tolerance;
        std::vector<int> beyond;
        for (const auto& excess : run.excesses)
            if (std::find(beyond.begin(), beyond.end(), excess.locality) == beyond.end()) beyond.push_back(excess.locality);
        row.beyond_soft_band = static_cast<int>(beyond.size());
        row.seconds = run.partition_seconds;
        tradeoff.rows.push_back(row);
        tradeoff.runs.push_back(std::move(run));
        if (progress && !progress(tradeoff.rows.size(), bands.size())) break;
    }
    return tradeoff;
}

std::string tradeoff_csv(const std::vector<TradeoffRow>& rows) {
    auto fixed = [](double value, int decimals) {
        char text[64];
        std::snprintf(text, sizeof text, "%.*f", decimals, value);
        return std::string(text);
    };
    std::string out = csv_line({"band", "towns_split", "people_on_boundary", "people_on_boundary_pct",
                                "largest_deviation_pct", "cut_km", "zones_changed", "within_tolerance",
                                "beyond_soft_band", "seconds"});
    for (const auto& row : rows)
        out += csv_line({row.band, std::to_string(row.towns_split), fixed(row.people_on_boundary, 0),
                         fixed(row.people_on_boundary_pct, 2), fixed(row.largest_deviation * 100.0, 2),
                         fixed(row.cut_km, 1), row.zones_changed < 0 ? "" : std::to_string(row.zones_changed),
                         row.within_tolerance ? "true" : "false", std::to_string(row.beyond_soft_band),
                         fixed(row.seconds, 3)});
    return out;
}

} // namespace lp
