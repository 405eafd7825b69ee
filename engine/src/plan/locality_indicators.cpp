#include <lp/plan/locality_indicators.hpp>

#include <lp/plan/demand_share_table.hpp>

#include <cmath>
#include <regex>

namespace lp {

std::string find_demand_column(const DemandColumns& demand, const std::string& pattern) {
    const std::regex re(pattern);
    for (const auto& name : demand.names)
        if (std::regex_match(name, re)) return name;
    return {};
}

std::string resolve_demand_column(const DemandColumns& demand, const std::string& name) {
    if (demand.has(name)) return name;
    std::string found;
    const std::string prefix = name + "_";
    for (const auto& n : demand.names) {
        if (n.compare(0, prefix.size(), prefix) != 0) continue;
        if (!found.empty()) return {};
        found = n;
    }
    return found;
}

DemandColumns driver_columns(const Dataset& data) {
    DemandColumns columns = data.demand;
    for (const auto& layer : data.points)
        if (!columns.has(layer.kind)) columns.set(layer.kind, count_per_zone(layer, data.zones.size()), layer.source);
    return columns;
}

std::vector<double> deprivation_weights(const std::vector<double>& simd_quintile) {
    std::vector<double> w(simd_quintile.size(), 1.0);
    for (std::size_t z = 0; z < w.size(); ++z) {
        const double q = simd_quintile[z];
        if (std::isfinite(q) && q >= 1 && q <= 5) w[z] = (6.0 - std::round(q)) / 3.0;
    }
    return w;
}

std::vector<LocalityIndicators> locality_indicators(const LocalityPlan& plan, const Dataset& data,
                                                    const std::vector<MultiPolygon>* locality_shapes,
                                                    const IndicatorColumns& columns) {
    const auto groups = zone_groups(plan, data.zones.ids);
    std::vector<LocalityIndicators> result(plan.localities.size());
    for (std::size_t l = 0; l < result.size(); ++l) {
        result[l].id = plan.localities[l].id;
        result[l].name = plan.localities[l].name;
    }
    for (std::size_t z = 0; z < groups.size(); ++z) {
        if (groups[z] < 0) continue;
        auto& r = result[groups[z]];
        ++r.zones;
        if (z < data.zones.areas.size()) r.area_km2 += data.zones.areas[z] / 1e6;
    }

    auto column_of = [&](const std::string& pattern) -> const std::vector<double>* {
        const auto name = find_demand_column(data.demand, pattern);
        return name.empty() ? nullptr : &data.demand.column(name);
    };
    auto sum_into = [&](const std::vector<double>* values, std::optional<double> LocalityIndicators::*field) {
        if (!values) return;
        for (auto& r : result) r.*field = 0.0;
        for (std::size_t z = 0; z < groups.size(); ++z)
            if (groups[z] >= 0 && std::isfinite((*values)[z])) *(result[groups[z]].*field) += (*values)[z];
    };
    const auto* population = column_of(columns.population);
    sum_into(population, &LocalityIndicators::population);
    if (population && data.graph.size() == groups.size()) {
        std::vector<char> on_boundary(groups.size(), 0);
        for (const auto& edge : data.graph.edges())
            if (!edge.crossing && groups[edge.a] != groups[edge.b]) on_boundary[edge.a] = on_boundary[edge.b] = 1;
        for (auto& r : result) r.people_on_boundary = 0.0;
        for (std::size_t z = 0; z < groups.size(); ++z)
            if (groups[z] >= 0 && on_boundary[z]) *result[groups[z]].people_on_boundary += (*population)[z];
    }
    sum_into(column_of(columns.aged_65plus), &LocalityIndicators::aged_65plus);
    sum_into(column_of(columns.aged_75plus), &LocalityIndicators::aged_75plus);

    // Mixes and means are weighted by population (by zone count without a population column).
    auto weight = [&](std::size_t z) { return population ? (*population)[z] : 1.0; };
    if (const auto* quintile = column_of(columns.simd_quintile)) {
        for (auto& r : result) r.simd_quintile_population = std::array<double, 5>{};
        for (std::size_t z = 0; z < groups.size(); ++z) {
            const double q = std::round((*quintile)[z]);
            if (groups[z] >= 0 && q >= 1 && q <= 5) (*result[groups[z]].simd_quintile_population)[int(q) - 1] += weight(z);
        }
    }
    if (const auto* urban_rural = column_of(columns.urban_rural_6fold)) {
        for (auto& r : result) r.urban_rural_population = std::array<double, 6>{};
        for (std::size_t z = 0; z < groups.size(); ++z) {
            const double c = std::round((*urban_rural)[z]);
            if (groups[z] >= 0 && c >= 1 && c <= 6) (*result[groups[z]].urban_rural_population)[int(c) - 1] += weight(z);
        }
    }
    auto weighted_mean = [&](const std::vector<double>* values, std::optional<double> LocalityIndicators::*field) {
        if (!values) return;
        std::vector<double> sum(result.size(), 0.0), total(result.size(), 0.0);
        for (std::size_t z = 0; z < groups.size(); ++z) {
            if (groups[z] < 0 || !std::isfinite((*values)[z])) continue;
            sum[groups[z]] += weight(z) * (*values)[z];
            total[groups[z]] += weight(z);
        }
        for (std::size_t l = 0; l < result.size(); ++l)
            if (total[l] > 0) result[l].*field = sum[l] / total[l];
    };
    weighted_mean(column_of(columns.gp_drive_minutes), &LocalityIndicators::gp_drive_minutes);
    weighted_mean(column_of(columns.gp_public_transport_minutes), &LocalityIndicators::gp_public_transport_minutes);

    for (const auto& layer : data.points) {
        for (auto& r : result) r.points_inside[layer.kind] = 0;
        for (std::size_t p = 0; p < layer.points.size(); ++p) {
            const long zone = p < layer.zone.size() ? layer.zone[p] : -1;
            int g = zone >= 0 && static_cast<std::size_t>(zone) < groups.size() ? groups[zone] : -1;
            if (zone < 0 && locality_shapes) {
                for (std::size_t l = 0; l < locality_shapes->size() && g < 0; ++l)
                    if (contains((*locality_shapes)[l], layer.points[p])) g = static_cast<int>(l);
            }
            if (g >= 0) ++result[g].points_inside[layer.kind];
        }
    }
    return result;
}

std::vector<FunctionDemandShare> function_demand_shares(const LocalityPlan& plan, const FunctionCatalogue& catalogue,
                                                        const DemandColumns& columns,
                                                        const std::vector<std::string>& zone_ids,
                                                        const IndicatorColumns& indicator_columns) {
    DemandShareTable table(catalogue, columns, indicator_columns);
    table.update(zone_groups(plan, zone_ids), plan.localities.size());
    return table.shares();
}

} // namespace lp
