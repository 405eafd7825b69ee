#pragma once
// The one layout of a plan's localities and zones as GIS features, written by every
// output of a plan: `generate` (one partnership, --all, tradeoff), the report, `export`
// (GeoJSON, GeoPackage, Shapefile, the QGIS project) and the viewer's export. The same
// field names, order and types everywhere; documented in docs/locality-schema.md.
#include <lp/community/settlements.hpp>
#include <lp/data/dataset.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/io/zone_layer.hpp>
#include <lp/partition/statistics.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/plan/locality_plan.hpp>

#include <string>
#include <vector>

namespace lp {

// What a caller already knows about the plan's localities; whatever is missing is
// worked out from the plan and the data, so two callers that know different amounts
// still write the same fields and values.
struct LocalityFacts {
    // locality_indicators() of the plan, per plan locality.
    const std::vector<LocalityIndicators>* indicators = nullptr;
    // evaluate() of the plan's localities in plan order over its balance rules (in the
    // plan's order), the population and, first among the groupings, the settlements.
    const PlanStatistics* statistics = nullptr;
    // The plan's settlements (found from sources "settlements" when not given).
    const Settlements* settlements = nullptr;
    // Per locality, why it is beyond a soft band ("" none); without them the note says
    // only how far beyond the band it is.
    std::vector<std::string> balance_notes;
}; // struct LocalityFacts

// evaluate() of the plan's localities as LocalityFacts::statistics holds it: over the
// balance rules the data can weigh (in the plan's order), the total population and the
// settlements (may be null). Without a population column each zone counts as one person,
// so a locality's main settlement is still the one with most of its zones. `groups`: the
// plan locality of each zone (zone_groups()). The report's main and split towns and every
// locality layer read this one evaluation.
PlanStatistics locality_statistics(const LocalityPlan& plan, const Dataset& data, const std::vector<int>& groups,
                                   const Settlements* settlements);

// One feature per plan locality (shapes per plan locality, working CRS):
//   locality_id, locality_name, colour, zones, area_km2, polsby_popper, contiguous,
//   crossings; population, aged_65plus, aged_75plus (when the data has them),
//   people_on_boundary, people_on_boundary_pct (with a population);
//   per balance rule <column> and <column>_deviation_pct, within_bands (with rules),
//   balance_note (with a soft rule); main_settlement, settlements_split (with
//   settlements); a count per point layer ("gp_practices"); then one text field per
//   integration function (function_field()).
// Counts are integers, areas and shares rounded.
std::vector<Feature> locality_features(const LocalityPlan& plan, const Dataset& data,
                                       const std::vector<MultiPolygon>& shapes, const FunctionCatalogue& catalogue,
                                       const LocalityFacts& facts = {});

// Their default look in a GIS: categorised on locality_id with the plan's colours,
// legend in locality order, labelled with locality_name.
LayerStyle locality_style(const LocalityPlan& plan);

// One feature per zone of the layer: <the layer's id field>, zone_name, locality_id,
// locality_name ("" when the plan does not place the zone), then every demand column
// (whole-number columns as integers).
std::vector<Feature> zone_locality_features(const LocalityPlan& plan, const Dataset& data);
// Zones coloured by their locality (the plan's colours), thin pale outlines, no labels.
LayerStyle zone_locality_style(const LocalityPlan& plan);

// A function's field: its code with "-" as "_" ("ASC-HC" -> "ASC_HC"), which every GIS
// format and expression language takes unquoted.
std::string function_field(const std::string& code);

// "local", "hosted by L2", "partnership-wide", "acute".
std::string describe_arrangement(const Arrangement& arrangement);

} // namespace lp
