#pragma once
// Per-locality demand indicators (the ones the 2015 Localities Guidance names) and
// each integration function's demand share per locality.
#include <lp/core/geometry.hpp>
#include <lp/data/dataset.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_plan.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lp {

// The demand column each indicator reads, as a regular expression matched against
// the column names (the first column in table order that matches wins), so another
// year's table ("pop2022_total") works unchanged.
struct IndicatorColumns {
    std::string population = "pop\\d{4}_total";
    std::string aged_65plus = "pop\\d{4}_65plus";
    std::string aged_75plus = "pop\\d{4}_75plus";
    std::string simd_quintile = "simd\\d{4}_quintile";
    std::string urban_rural_6fold = "urban_rural_6fold.*";
    std::string gp_drive_minutes = "drive_time_gp_min";
    std::string gp_public_transport_minutes = "pt_time_gp_min";
};

// Name of the first column matching the pattern, or "" when none does.
std::string find_demand_column(const DemandColumns& demand, const std::string& pattern);

// A demand driver's column: the exact name, or else the one column whose name starts
// with name + "_" (so "gp_practices" finds the count column "gp_practices_2021").
// "" when there is none or more than one.
std::string resolve_demand_column(const DemandColumns& demand, const std::string& name);

struct LocalityIndicators {
    std::string id;
    std::string name;
    std::size_t zones = 0;
    double area_km2 = 0;
    std::optional<double> population;
    std::optional<double> aged_65plus;
    std::optional<double> aged_75plus;
    // People living in zones that touch another locality by land (a boundary through
    // their neighbourhood); needs the dataset's contiguity graph.
    std::optional<double> people_on_boundary;
    // Population living in zones of SIMD quintile 1 (most deprived) .. 5.
    std::optional<std::array<double, 5>> simd_quintile_population;
    // Population by Scottish Government 6-fold urban-rural class 1 (large urban) .. 6 (remote rural).
    std::optional<std::array<double, 6>> urban_rural_population;
    // Population-weighted mean minutes to a GP.
    std::optional<double> gp_drive_minutes;
    std::optional<double> gp_public_transport_minutes;
    // Service points inside the locality, per point layer kind (e.g. "gp_practices").
    std::map<std::string, std::size_t> points_inside;
}; // struct LocalityIndicators

// Zones outside every locality are left out. Points are counted by the zone the
// point-in-polygon search put them in; a point in no zone (simplification gaps at
// the coast) is tested against locality_shapes when they are given.
std::vector<LocalityIndicators> locality_indicators(const LocalityPlan& plan, const Dataset& data,
                                                    const std::vector<MultiPolygon>* locality_shapes = nullptr,
                                                    const IndicatorColumns& columns = {});

// Demand columns plus one count column per point layer (named by its kind) when
// the dataset has not added it already: what demand drivers can name.
DemandColumns driver_columns(const Dataset& data);

// SIMD deprivation weight of each zone: (6 - quintile) / 3, so quintile 1 (most
// deprived) weighs 5/3, quintile 3 weighs 1 and quintile 5 weighs 1/3.
std::vector<double> deprivation_weights(const std::vector<double>& simd_quintile);

struct FunctionDemandShare {
    std::string code;
    std::vector<double> share;        // per plan locality, summing to 1 over the localities
    bool available = false;           // false: no driver, or a column is missing
    std::string why_unavailable;
};

// Each term's share of the partnership total per locality, combined as a weighted
// mean of the terms' shares (weights from the expression). Zones outside every
// locality count in no share.
std::vector<FunctionDemandShare> function_demand_shares(const LocalityPlan& plan, const FunctionCatalogue& catalogue,
                                                        const DemandColumns& columns,
                                                        const std::vector<std::string>& zone_ids,
                                                        const IndicatorColumns& indicator_columns = {});

} // namespace lp
