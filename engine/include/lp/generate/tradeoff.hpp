#pragma once
// What each point of balance costs: the same planner's options run once per band (e.g.
// 5%, 10%, 25%, 50% and soft), and per band the towns split, the people living on a
// boundary, the largest deviation, the boundary's length and the zones that change from
// the band before. `boundaries tradeoff`, the report's chart and the viewer's generate
// dialog all show these rows.
#include <lp/generate/locality_run.hpp>

#include <functional>
#include <string>
#include <vector>

namespace lp {

struct TradeoffBand {
    std::string label;                  // as written: "5%", "soft", "25%:soft"
    BalanceSpec first;                  // the first balance rule under this band
}; // struct TradeoffBand

// "5%,10%,25%,50%,soft": each item a band for the first balance rule (its column kept):
// a tolerance ("5%", "0.05"), optionally ":soft", or "soft" alone (the rule's own
// tolerance, soft). Throws lp::Error(bad_setting) naming the item.
std::vector<TradeoffBand> parse_tradeoff_bands(const std::string& text, const BalanceSpec& first);

struct TradeoffRow {
    std::string band;
    int towns_split = 0;                // settlements in more than one locality
    double people_on_boundary = 0;      // people in zones touching another locality by land
    double people_on_boundary_pct = 0;
    double largest_deviation = 0;       // of the first balance column, a fraction of the mean
    double cut_km = 0;                  // land boundary between localities
    int zones_changed = -1;             // zones in another locality than under the band before (-1: first)
    bool within_tolerance = false;      // every hard band met
    int beyond_soft_band = 0;           // localities beyond a soft band (each with a reason)
    double seconds = 0;                 // partitioning time
}; // struct TradeoffRow

struct Tradeoff {
    std::vector<TradeoffBand> bands;
    std::vector<LocalityRun> runs;      // one per band
    std::vector<TradeoffRow> rows;
}; // struct Tradeoff

// Runs options once per band. "Zones changed" matches each run's localities to the run
// before's (most shared zones first; hubs lead the same locality in both), so it counts
// zones that really move, not renumbered ones. progress(done, total) after each band;
// returning false stops after that band (the rows so far are returned).
Tradeoff run_tradeoff(const Dataset& data, const LocalityRunOptions& options, const std::vector<TradeoffBand>& bands,
                      const std::function<bool(std::size_t, std::size_t)>& progress = {});

// Zones whose locality differs between two plans of k localities once each locality of
// one is matched to the locality of the other it shares most zones with.
int zones_changed(const std::vector<int>& before, const std::vector<int>& after, int k);

// band,towns_split,people_on_boundary,people_on_boundary_pct,largest_deviation_pct,cut_km,
// zones_changed,within_tolerance,beyond_soft_band,seconds: one row per band.
std::string tradeoff_csv(const std::vector<TradeoffRow>& rows);

} // namespace lp
