#pragma once
// What "Generate localities" asks of the engine, without a window: the dialog's settings
// (k or hubs, balance rules, settlements, building blocks, seed), the snapshot a run on
// another thread owns (the session's dataset and gazetteer by shared ownership, the
// options lp::run_localities takes), and the generated plan as the content of one
// undoable edit (lp::ReplacePlan). Tested in tests/viewer/model/generate_request_test.cpp.
#include <lp/data/dataset.hpp>
#include <lp/edit/replace_plan.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/generate/run_rules.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/generate/tradeoff.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lp::viewer {

// A hub in the dialog's list: the place the planner typed, searched or clicked (a zone id,
// settlement, gazetteer town or zone name), the locality's name ("": after its settlement
// or town) and the zone its marker is drawn on (-1: known only once the run finds it).
struct PlannedHub {
    std::string place;
    std::string name;
    int zone = -1;
};

struct GenerateSettings {
    int k = 0;                                    // 0: one locality per hub
    std::vector<PlannedHub> hubs;
    std::vector<BalanceSpec> bands;               // the first is the rule the trade-off varies
    std::string settlements;                      // "urban_rural_6fold_2016:1-4"; "": none
    SettlementSplitting split_settlements = SettlementSplitting::automatic;
    std::string building_blocks;                  // FILE[:LAYER]:FIELD; "": none
    BlockMode blocks = BlockMode::soft;
    std::uint64_t seed = 1;
};

// The settlements the dialog offers when the data has their column: the urban-rural
// classes from large urban areas to accessible small towns.
inline constexpr const char* default_settlement_column = "urban_rural_6fold_2016";
inline constexpr const char* default_settlement_classes = "1-4";
// The bands "Show what balance costs" runs the first rule under.
inline constexpr const char* default_tradeoff_bands = "5%,10%,25%,50%,soft";

// Where the dialog starts on this data: the plan's balance rules (hard), the session's
// settlements, else urban_rural_6fold_2016:1-4 when a demand table has that column.
GenerateSettings default_generate_settings(const Dataset& data, const std::vector<BalanceSpec>& balance,
                                           const std::string& settlements);

// Sets the band of spec.column, adding the rule when the column has none. Throws
// lp::Error(bad_setting) for a column no demand table has.
void set_band(GenerateSettings& settings, const Dataset& data, const BalanceSpec& spec);

// Every setting as one line ("k 0, hubs Inverness, Wick = Caithness, bands
// pop2020_total:25%:soft, settlements urban_rural_6fold_2016:1-4, seed 1"), for the log
// and to tell whether two runs asked the same.
std::string settings_text(const GenerateSettings& settings);

// What a run on another thread reads, owned by it: a session that opens other data
// meanwhile frees nothing the worker reads.
struct GenerateSnapshot {
    std::shared_ptr<const Dataset> data;
    std::shared_ptr<const PointLayer> places;     // the gazetteer (may be null)
    LocalityRunOptions options;                   // options.places points into `places`
    GenerateSettings settings;                    // what the planner asked, for the result
};

// Throws lp::Error(bad_setting) naming the setting for no balance rule, or settlements
// or building blocks that cannot be read; what needs the data (a hub that names no
// place, k and hubs that do not agree) is refused by the run itself.
// The partitioner's rules other than the dialog's come from `partitioner` (the plan's
// recorded rules: cut cost, keep-whole, prices, effort).
GenerateSnapshot generate_snapshot(std::shared_ptr<const Dataset> data, std::shared_ptr<const PointLayer> places,
                                   const GenerateSettings& settings, const std::vector<std::string>& demand_paths,
                                   const PartitionerRules& partitioner = {});

// The rules a generate asks for: the dialog's bands, settlements, building blocks,
// splitting and seed over the plan's other partitioner rules. A generated plan records them.
RunRules generate_rules(const GenerateSettings& settings, const PartitionerRules& partitioner = {});

// The trade-off's bands for the first rule (default_tradeoff_bands). Throws as
// lp::parse_tradeoff_bands, or lp::Error(bad_setting) with no rule.
std::vector<TradeoffBand> tradeoff_bands(const GenerateSettings& settings, const std::string& text = default_tradeoff_bands);

// The generated plan as the editor's content: localities L1..Lk named as the run names
// them (hubs, main towns) in the default colours, and the run's assignment; no function
// arrangements and no locks (the localities they named are gone; undo brings them back).
// With a catalogue, every function gets its default arrangement in every locality, as a
// plan made by `plan import` or `generate --all` has.
PlanContent generated_content(const LocalityRun& run, const std::vector<std::string>& zone_ids = {},
                              const FunctionCatalogue* catalogue = nullptr);

// For the status line and the log: "9 localities (Inverness 112 zones, Wick 20 zones, ...)"
// then each locality beyond a soft band with its reason.
std::string generated_summary(const LocalityRun& run);

} // namespace lp::viewer
