#include <lp/generate/run_plan.hpp>

#include <lp/generate/run_rules.hpp>
#include <lp/plan/plan_sources.hpp>
#include <lp/report/locality_features.hpp>

namespace lp {

std::vector<Locality> localities_of_run(const LocalityRun& run, const std::vector<std::string>& zone_ids) {
    std::vector<Locality> localities;
    for (std::size_t j = 0; j < run.names.size(); ++j)
        localities.push_back(numbered_locality(j, run.names[j], j < run.colours.size() ? run.colours[j] : ""));
    for (std::size_t i = 0; i < run.hubs.size() && i < localities.size(); ++i) {
        const auto zone = static_cast<std::size_t>(run.hubs[i].zone);
        if (zone < zone_ids.size()) localities[i].hub_zone = zone_ids[zone];
        if (run.hubs[i].found_as != "zone") localities[i].hub_place = run.hubs[i].place;
    }
    return localities;
}

LocalityPlan plan_of_run(const Dataset& data, const LocalityRun& run, const std::string& partnership_code,
                         const std::string& partnership_name, const DatasetOptions& sources,
                         const FunctionCatalogue& catalogue) {
    LocalityPlan plan;
    plan.partnership_code = partnership_code;
    plan.partnership_name = partnership_name;
    plan.localities = localities_of_run(run, data.zones.ids);
    for (std::size_t z = 0; z < data.zones.size(); ++z)
        plan.assignment[data.zones.ids[z]] = "L" + std::to_string(run.result.assignment[z] + 1);
    for (const auto& c : data.graph.crossings)
        plan.crossings.push_back({data.zones.ids[c.a], data.zones.ids[c.b], c.note});
    add_default_arrangements(plan, catalogue);
    record_sources(plan, sources);
    record_rules(plan, run.rules);
    return plan;
}

std::vector<Feature> run_locality_features(const Dataset& data, const LocalityRun& run, const LocalityPlan& plan,
                                           const FunctionCatalogue& catalogue) {
    LocalityFacts facts;
    // The run's statistics count people by its population column; the layout counts them
    // by the total population, so they are reused only when the two agree.
    if (run.population_column == find_demand_column(data.demand, IndicatorColumns{}.population))
        facts.statistics = &run.result.stats;
    facts.settlements = run.settlements ? &*run.settlements : nullptr;
    facts.balance_notes.assign(run.names.size(), "");
    for (const BalanceExcess& excess : run.excesses) {
        std::string& note = facts.balance_notes[static_cast<std::size_t>(excess.locality)];
        note += (note.empty() ? "" : "; ") + excess.layer + " " + signed_percent(excess.deviation) + ": " + excess.reason;
    }
    return locality_features(plan, data, run.shapes, catalogue, facts);
}

} // namespace lp
