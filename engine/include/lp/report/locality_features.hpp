#pragma once
// Locality boundaries as features for GeoJSON / GeoPackage / Shapefile, carrying the
// locality's indicators and its integration function arrangements as properties so
// any GIS shows them.
#include <lp/io/geojson_writer.hpp>
#include <lp/io/zone_layer.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/plan/locality_plan.hpp>

#include <vector>

namespace lp {

// Properties: locality_id, locality_name, colour, zones, population, aged_65plus,
// aged_75plus, one "<kind>" count per point layer, then one property per function
// named by its code ("ASC-HC": "local", "hosted by L2", "partnership-wide",
// "acute"; "none" when the plan gives no arrangement).
// shapes and indicators are per plan locality (indicators may be empty).
std::vector<Feature> locality_features(const LocalityPlan& plan, const std::vector<MultiPolygon>& shapes,
                                       const FunctionCatalogue& catalogue,
                                       const std::vector<LocalityIndicators>& indicators = {});

// Their default look in a GIS: categorised on locality_id with the plan's colours,
// labelled with locality_name.
LayerStyle locality_style(const LocalityPlan& plan);

// One feature per zone of the layer: <id field> (the zone id), locality_id and
// locality_name ("" when the plan does not place the zone).
std::vector<Feature> zone_locality_features(const LocalityPlan& plan, const ZoneLayer& zones);
// Zones coloured by their locality (the plan's colours), thin pale outlines, no labels.
LayerStyle zone_locality_style(const LocalityPlan& plan);

// "local", "hosted by L2", "partnership-wide", "acute".
std::string describe_arrangement(const Arrangement& arrangement);

} // namespace lp
