#include <lp/report/locality_features.hpp>

#include <lp/core/error.hpp>
#include <lp/report/plan_settlements.hpp>

#include <cmath>
#include <cstdint>

namespace lp {

namespace {

// Rounded by a division, so the JSON shows 509.078, not 509.07800000000003.
double round_to(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

std::int64_t whole(double value) { return static_cast<std::int64_t>(std::llround(value)); }

bool whole_numbers(const std::vector<double>& values) {
    for (const double v : values)
        if (v != std::floor(v) || std::abs(v) > 9e15) return false;
    return true;
}

// A total of a column: an integer when the column counts (every value whole).
nlohmann::ordered_json total_of(double total, bool counts) {
    if (counts) return whole(total);
    return round_to(total, 2);
}

} // namespace

std::string describe_arrangement(const Arrangement& arrangement) {
    if (arrangement.delivery == Delivery::hosted)
        return arrangement.hosted_by.empty() ? "hosted" : "hosted by " + arrangement.hosted_by;
    return to_string(arrangement.delivery);
}

std::string function_field(const std::string& code) {
    std::string field = code;
    for (char& c : field)
        if (c == '-') c = '_';
    return field;
}

namespace {

// The balance rules the data can weigh, in the plan's order.
std::vector<BalanceLayer> plan_balance_layers(const LocalityPlan& plan, const Dataset& data) {
    std::vector<BalanceLayer> layers;
    for (const BalanceRule& rule : plan.balance) {
        if (!data.demand.has(rule.column)) continue;
        layers.push_back({rule.column, data.demand.column(rule.column), rule.tolerance, rule.soft});
    }
    return layers;
}

} // namespace

PlanStatistics locality_statistics(const LocalityPlan& plan, const Dataset& data, const std::vector<int>& groups,
                                   const Settlements* settlements) {
    const std::string population_column = find_demand_column(data.demand, IndicatorColumns{}.population);
    const std::vector<double> ones(settlements && population_column.empty() ? data.zones.size() : 0, 1.0);
    CommunityContext community;
    if (!population_column.empty()) community.population = &data.demand.column(population_column);
    else if (settlements) community.population = &ones;
    if (settlements) community.groupings.push_back(&settlements->groups);
    return evaluate(data.graph, groups, static_cast<int>(plan.localities.size()), plan_balance_layers(plan, data), {},
                    community);
}

std::vector<Feature> locality_features(const LocalityPlan& plan, const Dataset& data,
                                       const std::vector<MultiPolygon>& shapes, const FunctionCatalogue& catalogue,
                                       const LocalityFacts& facts) {
    const std::size_t k = plan.localities.size();
    const std::vector<int> groups = zone_groups(plan, data.zones.ids);

    // The balance rules the data can weigh, in the plan's order.
    const std::vector<BalanceLayer> layers = plan_balance_layers(plan, data);
    std::vector<bool> counts;
    for (const BalanceLayer& layer : layers) counts.push_back(whole_numbers(layer.values));
    const bool any_soft = std::any_of(layers.begin(), layers.end(), [](const BalanceLayer& l) { return l.soft; });

    std::optional<Settlements> found;
    const Settlements* settlements = facts.settlements;
    if (!settlements && k > 0) {
        found = plan_settlements(plan, data);
        if (found) settlements = &*found;
    }
    std::vector<LocalityIndicators> own_indicators;
    const std::vector<LocalityIndicators>* indicators = facts.indicators;
    if (!indicators) {
        own_indicators = locality_indicators(plan, data, &shapes);
        indicators = &own_indicators;
    }
    const std::string population_column = find_demand_column(data.demand, IndicatorColumns{}.population);
    PlanStatistics own_statistics;
    const PlanStatistics* statistics = facts.statistics;
    if (!statistics) {
        own_statistics = locality_statistics(plan, data, groups, settlements);
        statistics = &own_statistics;
    }

    // The settlements split between localities, named in each locality they reach.
    std::vector<std::string> split_here(k);
    if (settlements && !statistics->splits.empty())
        for (const int group : statistics->splits.front().split) {
            std::vector<char> reached(k, 0);
            for (const auto zone : settlements->zones[static_cast<std::size_t>(group)]) {
                const int l = groups[zone];
                if (l < 0 || reached[static_cast<std::size_t>(l)]) continue;
                reached[static_cast<std::size_t>(l)] = 1;
                std::string& text = split_here[static_cast<std::size_t>(l)];
                text += (text.empty() ? "" : "; ") + settlements->groups.names[static_cast<std::size_t>(group)];
            }
        }

    std::vector<Feature> features;
    for (std::size_t l = 0; l < k && l < shapes.size() && l < statistics->localities.size(); ++l) {
        const Locality& locality = plan.localities[l];
        const LocalityStatistics& s = statistics->localities[l];
        Feature f;
        f.shape = shapes[l];
        auto& p = f.properties;
        p["locality_id"] = locality.id;
        p["locality_name"] = locality.name;
        p["colour"] = locality.colour.empty() ? default_locality_colour(l) : locality.colour;
        p["zones"] = s.zones;
        p["area_km2"] = round_to(s.area / 1e6, 3);
        p["polsby_popper"] = round_to(s.polsby_popper, 4);
        p["contiguous"] = s.connected();
        p["crossings"] = s.crossings;
        const LocalityIndicators* ind = l < indicators->size() ? &(*indicators)[l] : nullptr;
        if (ind && ind->population) p["population"] = whole(*ind->population);
        if (ind && ind->aged_65plus) p["aged_65plus"] = whole(*ind->aged_65plus);
        if (ind && ind->aged_75plus) p["aged_75plus"] = whole(*ind->aged_75plus);
        if (!population_column.empty()) {
            p["people_on_boundary"] = whole(s.people_on_boundary);
            p["people_on_boundary_pct"] = round_to(s.people > 0 ? 100.0 * s.people_on_boundary / s.people : 0.0, 2);
        }
        bool within = true;
        std::string plain_note;
        for (std::size_t b = 0; b < layers.size() && b < s.totals.size(); ++b) {
            p[layers[b].name] = total_of(s.totals[b], counts[b]);
            p[layers[b].name + "_deviation_pct"] = round_to(s.deviation[b] * 100.0, 2);
            const bool inside = std::abs(s.deviation[b]) <= layers[b].tolerance + 1e-12;
            within = within && (layers[b].soft || inside);
            if (layers[b].soft && !inside)
                plain_note += (plain_note.empty() ? "" : "; ") + layers[b].name + " " + signed_percent(s.deviation[b]) +
                              ": beyond the soft band";
        }
        if (!layers.empty()) p["within_bands"] = within;
        if (any_soft)
            p["balance_note"] = l < facts.balance_notes.size() && !facts.balance_notes[l].empty() ? facts.balance_notes[l]
                                                                                                   : plain_note;
        if (settlements) {
            const int main = s.main_settlement;
            p["main_settlement"] = main >= 0 ? settlements->groups.names[static_cast<std::size_t>(main)] : std::string();
            p["settlements_split"] = split_here[l]; // text, not an array, so GeoPackage and Shapefile take it too
        }
        if (ind)
            for (const auto& [kind, count] : ind->points_inside) p[kind] = count;
        for (const auto& function : catalogue.functions) {
            std::string value = "none";
            if (auto per_locality = plan.arrangements.find(function.code); per_locality != plan.arrangements.end())
                if (auto a = per_locality->second.find(locality.id); a != per_locality->second.end())
                    value = describe_arrangement(a->second);
            p[function_field(function.code)] = value;
        }
        features.push_back(std::move(f));
    }
    return features;
}

LayerStyle locality_style(const LocalityPlan& plan) {
    LayerStyle style;
    style.name = "localities";
    style.category_field = "locality_id";
    style.label_field = "locality_name";
    for (std::size_t l = 0; l < plan.localities.size(); ++l) {
        const auto& locality = plan.localities[l];
        style.categories.push_back(
            {locality.id, locality.name, locality.colour.empty() ? default_locality_colour(l) : locality.colour});
    }
    return style;
}

std::vector<Feature> zone_locality_features(const LocalityPlan& plan, const Dataset& data) {
    const ZoneLayer& zones = data.zones;
    const auto groups = zone_groups(plan, zones.ids);
    const std::string id_field = zones.id_field.empty() ? "zone" : zones.id_field;
    std::vector<bool> counts;
    for (const auto& column : data.demand.values) counts.push_back(whole_numbers(column));
    std::vector<Feature> features(zones.size());
    for (std::size_t z = 0; z < zones.size(); ++z) {
        auto& p = features[z].properties;
        features[z].shape = zones.shapes[z];
        p[id_field] = zones.ids[z];
        p["zone_name"] = z < zones.names.size() ? zones.names[z] : std::string();
        const int l = groups[z];
        p["locality_id"] = l >= 0 ? plan.localities[static_cast<std::size_t>(l)].id : std::string();
        p["locality_name"] = l >= 0 ? plan.localities[static_cast<std::size_t>(l)].name : std::string();
        for (std::size_t c = 0; c < data.demand.names.size(); ++c) {
            const double v = data.demand.values[c][z];
            if (std::isnan(v)) p[data.demand.names[c]] = nullptr;
            else p[data.demand.names[c]] = total_of(v, counts[c]);
        }
    }
    return features;
}

LayerStyle zone_locality_style(const LocalityPlan& plan) {
    LayerStyle style = locality_style(plan);
    style.name = "zones by locality";
    style.label_field.clear();
    style.outline_colour = "#ffffff";
    style.outline_width_mm = 0.1;
    style.fill_opacity = 0.85;
    return style;
}

} // namespace lp
