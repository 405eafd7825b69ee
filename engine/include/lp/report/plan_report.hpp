#pragma once
// The plan report a partnership publishes: one self-contained HTML file (inline SVG
// map, inline CSS, no scripts or external resources) with CSV tables and the
// locality GeoJSON beside it.
#include <lp/core/geometry.hpp>
#include <lp/data/dataset.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/plan/locality_plan.hpp>
#include <lp/plan/plan_balance.hpp>
#include <lp/plan/plan_check.hpp>
#include <lp/report/ensemble_section.hpp>
#include <lp/report/tradeoff_chart.hpp>

#include <optional>
#include <string>
#include <vector>

namespace lp {

// Everything the report shows, computed once.
struct PlanReport {
    LocalityPlan plan;
    FunctionCatalogue catalogue;
    PlanCheck check;
    std::string plan_path;                       // shown as the source of the plan
    std::string working_crs;
    std::vector<MultiPolygon> shapes;            // per locality, working CRS
    std::vector<LocalityIndicators> indicators;  // per locality
    std::vector<FunctionDemandShare> shares;     // per catalogue function
    std::vector<std::string> point_kinds;        // point layers, e.g. "gp_practices_2021"
    std::vector<std::string> data_sources;       // files the data came from
    // With settlements recorded in the plan's sources ("settlements": a --settlements
    // spec): each locality's main town, and the towns split between localities.
    std::vector<std::string> main_settlements;   // per locality ("" none)
    std::vector<std::string> split_settlements;  // "Inverness (2 localities, too large for one)"
    std::vector<BalanceMeasure> balance;         // the plan's recorded balance rules, measured
    std::vector<Feature> locality_layer;         // localities.geojson (lp::locality_features)
    std::optional<EnsembleView> ensemble;        // with --ensemble: the plan among sampled plans
    std::optional<TradeoffView> tradeoff;        // with --tradeoff: what each band of balance costs
}; // struct PlanReport

// Dissolves the localities (lp::dissolve_groups) and computes indicators and demand shares.
PlanReport prepare_report(const LocalityPlan& plan, const Dataset& data, const FunctionCatalogue& catalogue,
                          const PlanCheck& check, const std::string& plan_path);

std::string report_html(const PlanReport& report);
// locality,name,zones,area_km2,population,aged_65plus,...: one row per locality.
std::string indicators_csv(const PlanReport& report);
// code,name,category,delegation,locality,locality_name,delivery,hosted_by,demand_share,notes.
std::string functions_csv(const PlanReport& report);
// rule,problem,zone,locality,function,message; then crossing rows.
std::string check_csv(const PlanReport& report);

// Writes report.html, localities.csv, functions.csv, check.csv and
// localities.geojson (with the arrangements as properties) into out_dir, creating
// it if needed. Returns the paths written. Throws lp::Error(write_failed).
std::vector<std::string> write_report(const PlanReport& report, const std::string& out_dir);

// The names write_report writes into its folder (checked against the inputs before any work).
const std::vector<std::string>& report_file_names();

} // namespace lp
