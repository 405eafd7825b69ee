#include "model/generate_request.hpp"

#include <lp/generate/run_plan.hpp>

#include <lp/core/error.hpp>
#include <lp/plan/locality_plan.hpp>

#include <utility>

namespace lp::viewer {

GenerateSettings default_generate_settings(const Dataset& data, const std::vector<BalanceSpec>& balance,
                                           const std::string& settlements) {
    GenerateSettings settings;
    for (const BalanceSpec& spec : balance) settings.bands.push_back({spec.column, spec.tolerance, false});
    if (!settlements.empty()) settings.settlements = settlements;
    else if (data.demand.has(default_settlement_column))
        settings.settlements = std::string(default_settlement_column) + ":" + default_settlement_classes;
    return settings;
}

void set_band(GenerateSettings& settings, const Dataset& data, const BalanceSpec& spec) {
    data.demand.column(spec.column);  // throws, naming the columns there are
    for (BalanceSpec& band : settings.bands) {
        if (band.column != spec.column) continue;
        band = spec;
        return;
    }
    settings.bands.push_back(spec);
}

std::string settings_text(const GenerateSettings& settings) {
    std::string text = "k " + std::to_string(settings.k) + "; hubs ";
    for (std::size_t i = 0; i < settings.hubs.size(); ++i) {
        const PlannedHub& hub = settings.hubs[i];
        text += (i > 0 ? ", " : "") + hub.place + (hub.name.empty() ? "" : " = " + hub.name);
    }
    if (settings.hubs.empty()) text += "none";
    text += "; bands ";
    for (std::size_t i = 0; i < settings.bands.size(); ++i) text += (i > 0 ? ", " : "") + balance_text(settings.bands[i]);
    text += "; settlements " + (settings.settlements.empty() ? std::string("none") : settings.settlements);
    const std::string splitting = settlement_splitting_text(settings.split_settlements);
    text += "; split settlements " + (splitting.empty() ? std::string("automatic") : splitting);
    text += "; building blocks " + (settings.building_blocks.empty()
                                        ? std::string("none")
                                        : settings.building_blocks + (settings.blocks == BlockMode::hard ? " hard" : " soft"));
    return text + "; seed " + std::to_string(settings.seed);
}

GenerateSnapshot generate_snapshot(std::shared_ptr<const Dataset> data, std::shared_ptr<const PointLayer> places,
                                   const GenerateSettings& settings, const std::vector<std::string>& demand_paths,
                                   const PartitionerRules& partitioner) {
    if (!data) throw Error(ErrorKind::bad_setting, "open data before generating localities");
    if (settings.bands.empty()) throw Error(ErrorKind::bad_setting, "balance: give a column to balance");
    // Refused here, before a thread starts, in the engine's words.
    GenerateSnapshot snapshot;
    LocalityRunOptions& options = snapshot.options;
    options = run_options(generate_rules(settings, partitioner), demand_paths);
    options.k = settings.k;
    for (std::size_t i = 0; i < settings.hubs.size(); ++i)
        options.hubs.push_back({settings.hubs[i].place, settings.hubs[i].name, "hub " + std::to_string(i + 1)});
    options.places = places.get();
    snapshot.data = std::move(data);
    snapshot.places = std::move(places);
    snapshot.settings = settings;
    return snapshot;
}

RunRules generate_rules(const GenerateSettings& settings, const PartitionerRules& partitioner) {
    RunRules rules;
    rules.balance = settings.bands;
    rules.settlements = settings.settlements;
    rules.building_blocks = settings.building_blocks;
    rules.partitioner = partitioner;
    rules.partitioner.split_settlements = settlement_splitting_text(settings.split_settlements);
    rules.partitioner.blocks = settings.blocks == BlockMode::hard ? "hard" : "soft";
    rules.partitioner.seed = settings.seed;
    return rules;
}

std::vector<TradeoffBand> tradeoff_bands(const GenerateSettings& settings, const std::string& text) {
    if (settings.bands.empty()) throw Error(ErrorKind::bad_setting, "balance: give a column to balance");
    return parse_tradeoff_bands(text, settings.bands.front());
}

PlanContent generated_content(const LocalityRun& run, const std::vector<std::string>& zone_ids,
                              const FunctionCatalogue* catalogue) {
    PlanContent content;
    // The localities as the batch's plans have them, with the hub each was generated around.
    content.localities = localities_of_run(run, zone_ids);
    content.assignment = run.result.assignment;
    if (catalogue) add_default_arrangements(content.arrangements, content.localities, *catalogue);
    return content;
}

std::string generated_summary(const LocalityRun& run) {
    std::string text = std::to_string(run.k) + " localities (";
    for (std::size_t j = 0; j < run.names.size(); ++j) {
        const int zones = j < run.result.stats.localities.size() ? run.result.stats.localities[j].zones : 0;
        text += (j > 0 ? ", " : "") + run.names[j] + " " + std::to_string(zones) + " zones";
    }
    text += ")";
    for (const BalanceExcess& excess : run.excesses) text += "; beyond the soft band: " + excess.text;
    return text;
}

} // namespace lp::viewer
