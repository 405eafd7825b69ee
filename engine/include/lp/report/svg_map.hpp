#pragma once
// An inline SVG map of dissolved locality boundaries, with a name label on each
// locality and a legend, for the HTML report. No external resources.
#include <lp/core/geometry.hpp>
#include <lp/plan/locality_plan.hpp>

#include <string>
#include <vector>

namespace lp {

struct SvgMapOptions {
    double width = 900;          // pixels of the map area (the legend is added below)
    double max_height = 900;
    double margin = 12;
    std::string title;           // <title> for screen readers
    // Small print under the legend, a line each (attribution: a map for a document must
    // carry the licence line; the report has it in its footer instead).
    std::vector<std::string> notes;
};

// shapes[i] is the boundary of plan.localities[i] in a planar CRS (metres, y up).
std::string svg_locality_map(const std::vector<MultiPolygon>& shapes, const LocalityPlan& plan,
                             const SvgMapOptions& options = {});

// The localities in pale fills, and over them every border between two zones drawn as
// a line whose colour and width grow with frequency[i] (0..1: the share of an
// ensemble's plans in which lines[i] is a locality boundary); plan_boundary[i] marks the
// plan's own boundaries with a dark outline. A colour scale replaces the legend.
std::string svg_boundary_frequency_map(const std::vector<MultiPolygon>& shapes, const LocalityPlan& plan,
                                       const std::vector<std::vector<Ring>>& lines,
                                       const std::vector<double>& frequency, const std::vector<bool>& plan_boundary,
                                       const SvgMapOptions& options = {});

} // namespace lp
