#include "report/rebase_section.hpp"

#include <lp/core/error.hpp>
#include <lp/plan/plan_rebase.hpp>
#include <lp/plan/plan_sources.hpp>
#include <lp/report/html_escape.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <vector>

namespace lp::detail {

namespace {

// Carried counts are estimates: whole people are as precise as they get.
std::string figure(double v) {
    char text[40];
    std::snprintf(text, sizeof text, "%.0f", v);
    return text;
}

// Zones of two layers are not the same unit, so their count changes by no meaningful per cent.
std::string change(double before, double after, bool with_percent) {
    char text[64];
    if (before != 0 && with_percent)
        std::snprintf(text, sizeof text, "%+.0f (%+.1f%%)", after - before, 100 * (after - before) / before);
    else
        std::snprintf(text, sizeof text, "%+.0f", after - before);
    return text;
}

std::string source(const LocalityPlan& plan, const char* role) {
    const auto it = plan.sources.find(role);
    return it == plan.sources.end() ? std::string{} : it->second;
}

} // namespace

std::string rebase_section_html(const PlanReport& r) {
    const std::string origin = source(r.plan, "rebased_from");
    if (origin.empty()) return {};
    std::ostringstream h;
    h << "<h2>Rebased from another zone layer</h2>\n<p>This plan was carried from " << html_escape(origin)
      << " onto the zones of " << html_escape(source(r.plan, "zones"))
      << ": each zone went to the locality holding most of its people (or of its area where the old layer gave "
         "no population); where that cut a locality in pieces, it got back the straddling zone joining them, or a "
         "cut-off piece went to the neighbouring locality it shares the longest border with, whichever placed fewer "
         "people outside the locality holding them.</p>\n";
    if (source(r.plan, "rebase_impact").empty()) return h.str();
    // A relative path (a plan moved together with its table) is read beside the plan; a
    // remote or virtual one is refused (lp::Error(bad_plan)): a plan records local files only.
    const std::string impact_path = recorded_local_path(r.plan, "rebase_impact", r.plan_path.empty() ? "plan" : r.plan_path);
    RebaseImpact impact;
    try {
        impact = read_rebase_impact(impact_path);
    } catch (const Error& e) {
        h << "<p class=\"note\">The impact table cannot be read: " << html_escape(e.what()) << "</p>\n";
        return h.str();
    }
    std::vector<std::string> measures;
    std::map<std::string, std::map<std::string, const RebaseImpactRow*>> rows; // locality -> measure -> row
    for (const auto& row : impact.localities) {
        if (std::find(measures.begin(), measures.end(), row.measure) == measures.end()) measures.push_back(row.measure);
        rows[row.locality][row.measure] = &row;
    }
    h << "<table>\n<tr><th class=\"text\">Locality</th>";
    for (const auto& m : measures)
        h << "<th>" << html_escape(m) << " before</th><th>after</th><th>change</th>";
    h << "</tr>\n";
    for (const auto& locality : r.plan.localities) {
        h << "<tr><td class=\"text\"><span class=\"swatch\" style=\"background:" << html_escape(locality.colour)
          << "\"></span>" << html_escape(locality.name) << "</td>";
        for (const auto& m : measures) {
            const auto found = rows[locality.id].find(m);
            if (found == rows[locality.id].end()) {
                h << "<td>-</td><td>-</td><td>-</td>";
                continue;
            }
            const RebaseImpactRow& row = *found->second;
            h << "<td>" << figure(row.before) << "</td><td>" << figure(row.after) << "</td><td>"
              << change(row.before, row.after, m != "zones") << "</td>";
        }
        h << "</tr>\n";
    }
    h << "</table>\n<p class=\"note\">" << impact.straddling_zones
      << " zones of the new layer straddle localities (under 99% of their people in one); " << impact.repaired_zones
      << " were moved to keep localities whole. The zones and shares are listed in " << html_escape(impact_path)
      << ".</p>\n";
    return h.str();
}

} // namespace lp::detail
