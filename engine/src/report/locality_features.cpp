#include <lp/report/locality_features.hpp>

namespace lp {

std::string describe_arrangement(const Arrangement& arrangement) {
    if (arrangement.delivery == Delivery::hosted)
        return arrangement.hosted_by.empty() ? "hosted" : "hosted by " + arrangement.hosted_by;
    return to_string(arrangement.delivery);
}

std::vector<Feature> locality_features(const LocalityPlan& plan, const std::vector<MultiPolygon>& shapes,
                                       const FunctionCatalogue& catalogue,
                                       const std::vector<LocalityIndicators>& indicators) {
    std::vector<Feature> features;
    for (std::size_t l = 0; l < plan.localities.size() && l < shapes.size(); ++l) {
        const auto& locality = plan.localities[l];
        Feature f;
        f.shape = shapes[l];
        auto& p = f.properties;
        p["locality_id"] = locality.id;
        p["locality_name"] = locality.name;
        p["colour"] = locality.colour;
        if (l < indicators.size()) {
            const auto& ind = indicators[l];
            p["zones"] = ind.zones;
            if (ind.population) p["population"] = *ind.population;
            if (ind.aged_65plus) p["aged_65plus"] = *ind.aged_65plus;
            if (ind.aged_75plus) p["aged_75plus"] = *ind.aged_75plus;
            for (const auto& [kind, count] : ind.points_inside) p[kind] = count;
        }
        for (const auto& function : catalogue.functions) {
            std::string value = "none";
            if (auto per_locality = plan.arrangements.find(function.code); per_locality != plan.arrangements.end())
                if (auto a = per_locality->second.find(locality.id); a != per_locality->second.end())
                    value = describe_arrangement(a->second);
            p[function.code] = value;
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

std::vector<Feature> zone_locality_features(const LocalityPlan& plan, const ZoneLayer& zones) {
    const auto groups = zone_groups(plan, zones.ids);
    const std::string id_field = zones.id_field.empty() ? "zone" : zones.id_field;
    std::vector<Feature> features(zones.size());
    for (std::size_t z = 0; z < zones.size(); ++z) {
        auto& p = features[z].properties;
        features[z].shape = zones.shapes[z];
        p[id_field] = zones.ids[z];
        const int l = groups[z];
        p["locality_id"] = l >= 0 ? plan.localities[l].id : std::string();
        p["locality_name"] = l >= 0 ? plan.localities[l].name : std::string();
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
