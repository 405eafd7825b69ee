#include <lp/generate/run_plan.hpp>

#include <lp/generate/run_rules.hpp>
#include <lp/plan/plan_sources.hpp>

namespace lp {

LocalityPlan plan_of_run(const Dataset& data, const LocalityRun& run, const std::string& partnership_code,
                         const std::string& partnership_name, const DatasetOptions& sources,
                         const FunctionCatalogue& catalogue) {
    LocalityPlan plan;
    plan.partnership_code = partnership_code;
    plan.partnership_name = partnership_name;
    for (std::size_t j = 0; j < run.names.size(); ++j)
        plan.localities.push_back(numbered_locality(j, run.names[j], run.colours[j]));
    for (std::size_t z = 0; z < data.zones.size(); ++z)
        plan.assignment[data.zones.ids[z]] = "L" + std::to_string(run.result.assignment[z] + 1);
    for (const auto& c : data.graph.crossings)
        plan.crossings.push_back({data.zones.ids[c.a], data.zones.ids[c.b], c.note});
    add_default_arrangements(plan, catalogue);
    record_sources(plan, sources);
    record_rules(plan, run.rules);
    for (std::size_t i = 0; i < run.hubs.size() && i < plan.localities.size(); ++i) {
        plan.localities[i].hub_zone = data.zones.ids[run.hubs[i].zone];
        if (run.hubs[i].found_as != "zone") plan.localities[i].hub_place = run.hubs[i].place;
    }
    return plan;
}

} // namespace lp
