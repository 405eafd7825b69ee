#pragma once
// The report's ensemble section: where the plan sits among the plans `boundaries
// ensemble` sampled under its rules - a histogram per measure with the plan marked, and
// a map of how often each border between zones is a locality boundary.
#include <lp/core/geometry.hpp>
#include <lp/plan/locality_plan.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lp {

struct EnsembleMetricView {
    std::string name;               // e.g. "cut_length_m"
    double plan = 0;
    double percentile = 0;          // 0..100
    std::vector<double> values;     // per sampled plan
    std::vector<unsigned> chain;    // per sampled plan (metrics.csv's chain column)
};

struct EnsembleView {
    std::string folder;
    std::string variant;            // "reversible" or "plain"
    std::string distribution;       // what was sampled, in words
    std::size_t zones = 0;
    std::size_t samples = 0;
    std::uint64_t steps = 0;
    unsigned chains = 0;
    double moved_share = 0;
    bool interrupted = false;
    std::vector<EnsembleMetricView> metrics;
    std::vector<std::vector<Ring>> border_lines; // working CRS, per border
    std::vector<double> border_frequency;        // per border, 0..1
    std::vector<bool> plan_boundary;             // per border
};

// Reads summary.json, metrics.csv and boundary_frequency.geojson from folder (the lines
// into working_crs). Throws lp::Error(file_not_found) or lp::Error(bad_value) naming the file.
EnsembleView read_ensemble(const std::string& folder, const std::string& working_crs);

// An inline SVG histogram of values with a line at the plan's value.
std::string svg_histogram(const std::vector<double>& values, double plan_value, const std::string& title);

// The section (h2 and all), for report_html.
std::string ensemble_section_html(const EnsembleView& view, const std::vector<MultiPolygon>& shapes,
                                  const LocalityPlan& plan);

} // namespace lp
