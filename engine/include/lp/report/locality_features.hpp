#pragma once
// Locality boundaries as features for GeoJSON / GeoPackage / Shapefile, carrying the
// locality's indicators and its integration function arrangements as properties so
// any GIS shows them.
#include <lp/io/geojson_writer.hpp>
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

// "local", "hosted by L2", "partnership-wide", "acute".
std::string describe_arrangement(const Arrangement& arrangement);

} // namespace lp
