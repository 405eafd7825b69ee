#include <lp/report/plan_settlements.hpp>

#include <lp/plan/locality_indicators.hpp>


namespace lp {

std::optional<Settlements> plan_settlements(const LocalityPlan& plan, const Dataset& data) {
    const auto spec = plan.sources.find("settlements");
    if (spec == plan.sources.end() || spec->second.empty()) return std::nullopt;
    const auto population_name = find_demand_column(data.demand, IndicatorColumns{}.population);
    const std::vector<double> ones(data.zones.size(), 1.0);
    const auto& population = population_name.empty() ? ones : data.demand.column(population_name);
    std::vector<std::string> tables; // the plan's demand tables, where place names are looked up
    for (const auto& [role, path] : plan.sources)
        if (role.rfind("demand.", 0) == 0) tables.push_back(path);
    return find_settlements(data, parse_settlements(spec->second), tables, population);
}

} // namespace lp
