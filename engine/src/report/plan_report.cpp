#include <lp/report/plan_report.hpp>

#include <lp/community/settlements.hpp>
#include <lp/partition/statistics.hpp>

#include <lp/core/error.hpp>
#include <lp/geometry/dissolve.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/io/output_set.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/report/html_escape.hpp>
#include <lp/report/locality_features.hpp>
#include <lp/report/plan_settlements.hpp>
#include <lp/report/report_style.hpp>
#include <lp/report/svg_map.hpp>
#include <lp/report/tradeoff_chart.hpp>

#include "report/rebase_section.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace lp {

namespace {

constexpr std::array<const char*, 5> simd_colours = {"#b2182b", "#ef8a62", "#e0e0e0", "#67a9cf", "#2166ac"};
constexpr std::array<const char*, 6> urban_rural_names = {"large urban",        "other urban",     "accessible small towns",
                                                          "remote small towns", "accessible rural", "remote rural"};
constexpr std::array<const char*, 6> urban_rural_colours = {"#54278f", "#807dba", "#bcbddc",
                                                            "#fdae6b", "#74c476", "#238b45"};

std::string format(const char* pattern, double v) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, v);
    return buffer;
}

std::string percent(double part, double whole) { return whole > 0 ? format("%.1f%%", 100.0 * part / whole) : "-"; }

std::string optional_number(const std::optional<double>& v, const char* pattern = "%.0f") {
    return v ? format(pattern, *v) : std::string{};
}

std::string kind_label(std::string kind) {
    for (auto& c : kind)
        if (c == '_') c = ' ';
    return kind;
}

// A horizontal stacked bar from shares (inline CSS, no script).
template <std::size_t N>
std::string mix_bar(const std::array<double, N>& values, const std::array<const char*, N>& colours,
                    const std::array<std::string, N>& labels) {
    double total = 0;
    for (double v : values) total += v;
    if (total <= 0) return "-";
    std::string out = "<div class=\"bar\">";
    for (std::size_t i = 0; i < N; ++i) {
        if (values[i] <= 0) continue;
        const double share = 100.0 * values[i] / total;
        out += "<span style=\"width:" + format("%.2f", share) + "%;background:" + colours[i] + "\" title=\"" +
               html_escape(labels[i]) + ": " + format("%.1f", share) + "%\"></span>";
    }
    out += "</div>";
    return out;
}

std::string delivery_class(Delivery d) {
    switch (d) {
    case Delivery::local: return "local";
    case Delivery::hosted: return "hosted";
    case Delivery::partnership_wide: return "wide";
    case Delivery::acute: return "acute";
    }
    return "local";
}

const Arrangement* arrangement_of(const LocalityPlan& plan, const std::string& function, const std::string& locality) {
    auto per_locality = plan.arrangements.find(function);
    if (per_locality == plan.arrangements.end()) return nullptr;
    auto a = per_locality->second.find(locality);
    return a == per_locality->second.end() ? nullptr : &a->second;
}


} // namespace

namespace {

// Main towns and split towns, when the plan records how its settlements were found.
void add_settlements(PlanReport& report, const PlanStatistics& stats, const std::optional<Settlements>& settlements) {
    // No locality, no main towns (evaluate() of no localities has no splits to read).
    if (!settlements || report.plan.localities.empty()) return;
    for (const auto& locality : stats.localities)
        report.main_settlements.push_back(locality.main_settlement >= 0 ? settlements->groups.names[locality.main_settlement]
                                                                        : std::string());
    if (stats.splits.empty()) return;
    const auto& splits = stats.splits.front();
    for (std::size_t i = 0; i < splits.split.size(); ++i)
        report.split_settlements.push_back(settlements->groups.names[splits.split[i]] + " (" +
                                           std::to_string(splits.pieces[i]) + " localities" +
                                           (splits.needed[i] > 1 ? ", too large for one)" : ")"));
}

} // namespace

PlanReport prepare_report(const LocalityPlan& plan, const Dataset& data, const FunctionCatalogue& catalogue,
                          const PlanCheck& check, const std::string& plan_path) {
    PlanReport report;
    report.plan = plan;
    report.catalogue = catalogue;
    report.check = check;
    report.plan_path = plan_path;
    report.working_crs = data.zones.working_crs;
    const auto groups = zone_groups(plan, data.zones.ids);
    report.shapes = dissolve_groups(data.zones.shapes, data.zones.boxes, groups, static_cast<int>(plan.localities.size()));
    report.indicators = locality_indicators(plan, data, &report.shapes);
    report.shares = function_demand_shares(plan, catalogue, driver_columns(data), data.zones.ids);
    for (const auto& layer : data.points) report.point_kinds.push_back(layer.kind);
    std::set<std::string> seen;
    auto add_source = [&](const std::string& s) {
        if (!s.empty() && seen.insert(s).second) report.data_sources.push_back(s);
    };
    add_source(data.zones.source);
    for (const auto& s : data.demand.sources) add_source(s);
    for (const auto& layer : data.points) add_source(layer.source);
    add_source(catalogue.source);
    const std::optional<Settlements> settlements = plan_settlements(plan, data);
    // One evaluation for the main and split towns here and in the locality layer.
    const PlanStatistics statistics = locality_statistics(plan, data, groups, settlements ? &*settlements : nullptr);
    add_settlements(report, statistics, settlements);
    report.balance = measure_balance(plan, data.zones.ids, data.demand);
    LocalityFacts facts;
    facts.indicators = &report.indicators;
    facts.statistics = &statistics;
    facts.settlements = settlements ? &*settlements : nullptr;
    report.locality_layer = locality_features(plan, data, report.shapes, catalogue, facts);
    return report;
}

std::string report_html(const PlanReport& r) {
    const auto& plan = r.plan;
    std::ostringstream h;
    const std::string title = "Locality plan: " + (plan.partnership_name.empty() ? plan.partnership_code : plan.partnership_name);
    h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << html_escape(title)
      << "</title>\n<style>" << report_stylesheet() << "</style>\n</head>\n<body>\n";
    h << "<h1>" << html_escape(title) << "</h1>\n<p class=\"sub\">";
    if (!plan.partnership_code.empty()) h << "Partnership " << html_escape(plan.partnership_code) << " &middot; ";
    double population = 0;
    std::size_t zones = 0;
    bool have_population = false;
    for (const auto& ind : r.indicators) {
        zones += ind.zones;
        if (ind.population) {
            population += *ind.population;
            have_population = true;
        }
    }
    h << plan.localities.size() << " localities &middot; " << zones << " data zones";
    if (have_population) h << " &middot; population " << thousands(population);
    h << "</p>\n";
    if (!plan.notes.empty()) h << "<p>" << html_escape(plan.notes) << "</p>\n";

    // The statutory check first: it is what a reader needs to know before the detail.
    h << "<div class=\"status " << (r.check.valid() ? "valid" : "invalid") << "\">"
      << (r.check.valid() ? "Statutory check: VALID. The plan divides the area into localities and sets out "
                            "arrangements for every integration function in each (s.29(3))."
                          : "Statutory check: NOT VALID, " + std::to_string(r.check.failures.size()) +
                                (r.check.failures.size() == 1 ? " problem" : " problems") + " (listed below).")
      << "</div>\n";

    h << "<h2>Map of the localities</h2>\n";
    SvgMapOptions map_options;
    map_options.title = title;
    map_options.width = 900;
    map_options.max_height = 820;
    h << svg_locality_map(r.shapes, plan, map_options);

    // Indicators.
    const bool towns = !r.main_settlements.empty();
    h << "<h2>Demand indicators</h2>\n<table>\n<thead><tr><th class=\"text\">Locality</th>"
      << (towns ? "<th class=\"text\" title=\"The settlement with most people in the locality\">Main town</th>" : "")
      << "<th>Zones</th><th>Area km&sup2;</th>"
         "<th>Population</th><th title=\"People living in zones that touch another locality: where a boundary runs "
         "through a neighbourhood\">On a boundary</th><th>Aged 65+</th><th>Aged 75+</th>"
         "<th class=\"text\">SIMD quintile mix</th>"
         "<th class=\"text\">Urban-rural mix</th><th>GP drive min</th><th>GP public transport min</th>";
    for (const auto& kind : r.point_kinds) h << "<th>" << html_escape(kind_label(kind)) << "</th>";
    h << "</tr></thead>\n"; // a header row printed on every page the table runs to
    std::array<std::string, 5> simd_labels;
    for (int q = 0; q < 5; ++q)
        simd_labels[q] = "SIMD quintile " + std::to_string(q + 1) + (q == 0 ? " (most deprived)" : q == 4 ? " (least deprived)" : "");
    std::array<std::string, 6> ur_labels;
    for (int c = 0; c < 6; ++c) ur_labels[c] = std::to_string(c + 1) + " " + urban_rural_names[c];
    for (std::size_t l = 0; l < r.indicators.size() && l < plan.localities.size(); ++l) {
        const auto& ind = r.indicators[l];
        const auto& loc = plan.localities[l];
        h << "<tr><td class=\"text name\"><span class=\"swatch\" style=\"background:" << html_escape(loc.colour) << "\"></span>"
          << html_escape(loc.name.empty() ? loc.id : loc.name) << "</td>"
          << (towns ? "<td class=\"text\">" + html_escape(l < r.main_settlements.size() ? r.main_settlements[l] : "") + "</td>"
                    : std::string())
          << "<td>" << ind.zones << "</td><td>"
          << format("%.1f", ind.area_km2) << "</td><td>" << (ind.population ? thousands(*ind.population) : "") << "</td>";
        auto aged = [&](const std::optional<double>& v) {
            h << "<td>" << (v ? thousands(*v) : "") << (v && ind.population ? " <small>(" + percent(*v, *ind.population) + ")</small>" : "")
              << "</td>";
        };
        aged(ind.people_on_boundary);
        aged(ind.aged_65plus);
        aged(ind.aged_75plus);
        h << "<td class=\"text\">"
          << (ind.simd_quintile_population ? mix_bar(*ind.simd_quintile_population, simd_colours, simd_labels) : "")
          << "</td><td class=\"text\">"
          << (ind.urban_rural_population ? mix_bar(*ind.urban_rural_population, urban_rural_colours, ur_labels) : "")
          << "</td><td>" << optional_number(ind.gp_drive_minutes, "%.1f") << "</td><td>"
          << optional_number(ind.gp_public_transport_minutes, "%.1f") << "</td>";
        for (const auto& kind : r.point_kinds) {
            auto it = ind.points_inside.find(kind);
            h << "<td>" << (it == ind.points_inside.end() ? 0 : it->second) << "</td>";
        }
        h << "</tr>\n";
    }
    h << "</table>\n<p class=\"key\">SIMD: ";
    for (int q = 0; q < 5; ++q)
        h << "<span><span class=\"swatch\" style=\"background:" << simd_colours[q] << "\"></span>" << html_escape(simd_labels[q])
          << "</span>";
    h << "<br>Urban-rural (Scottish Government 6-fold, 2016): ";
    for (int c = 0; c < 6; ++c)
        h << "<span><span class=\"swatch\" style=\"background:" << urban_rural_colours[c] << "\"></span>"
          << html_escape(ur_labels[c]) << "</span>";
    double on_boundary = 0, everyone = 0;
    for (const auto& ind : r.indicators) {
        on_boundary += ind.people_on_boundary.value_or(0);
        everyone += ind.population.value_or(0);
    }
    if (towns) {
        h << "</p>\n<p class=\"note\">Settlements split between localities: ";
        if (r.split_settlements.empty()) h << "none";
        for (std::size_t i = 0; i < r.split_settlements.size(); ++i)
            h << (i ? "; " : "") << html_escape(r.split_settlements[i]);
        h << ".";
    }
    if (everyone > 0 && r.indicators.size() > 0 && r.indicators.front().people_on_boundary)
        h << "</p>\n<p class=\"note\">On a boundary: " << thousands(on_boundary) << " people (" << percent(on_boundary, everyone)
          << " of the population) live in zones that touch another locality; boundaries through empty land, rivers "
             "and hills rather than through neighbourhoods leave few.";
    h << "</p>\n<p class=\"note\">Mixes are shares of the population; GP access times are population-weighted means "
         "of the zones' SIMD access indicators; service points are counted by point-in-polygon.</p>\n";

    // Functions.
    if (!r.balance.empty()) {
        // The plan's own balance rules, each locality's deviation from the mean, marked when outside.
        h << "<h2>Balance</h2>\n<table>\n<tr><th class=\"text\">Rule</th>";
        for (const auto& l : r.plan.localities) h << "<th class=\"text\">" << html_escape(l.name) << "</th>";
        h << "</tr>\n";
        for (const auto& m : r.balance) {
            h << "<tr><td class=\"text\">Balance " << html_escape(describe_rule(m.rule)) << "</td>";
            for (std::size_t l = 0; l < r.plan.localities.size(); ++l) {
                if (!m.problem.empty() || l >= m.deviation.size()) { h << "<td>-</td>"; continue; }
                h << (m.outside[l] ? "<td class=\"missing\">" : "<td>") << format_deviation(m.deviation[l])
                  << (m.outside[l] ? " (outside)" : "") << "</td>";
            }
            h << "</tr>\n";
        }
        h << "</table>\n<p class=\"note\">Each locality's total against the mean over the localities; the band is "
             "the plan's own rule, not a statutory one.";
        for (const auto& m : r.balance)
            if (!m.problem.empty()) h << " " << html_escape(describe_rule(m.rule) + ": " + m.problem) << ".";
        h << "</p>\n";
    }

    h << "<h2 class=\"functions\">Integration functions: arrangements and share of demand</h2>\n<table class=\"functions\">\n"
         "<thead><tr><th class=\"text\">Code</th>"
         "<th class=\"text\">Function</th><th class=\"text\">Demand driver</th>";
    for (const auto& loc : plan.localities)
        h << "<th class=\"text\"><span class=\"swatch\" style=\"background:" << html_escape(loc.colour) << "\"></span>"
          << html_escape(loc.name.empty() ? loc.id : loc.name) << "</th>";
    h << "</tr></thead>\n";
    std::string category;
    std::vector<std::string> notes;
    for (std::size_t f = 0; f < r.catalogue.functions.size(); ++f) {
        const auto& fn = r.catalogue.functions[f];
        if (fn.category != category) {
            category = fn.category;
            h << "<tr><th class=\"text\" colspan=\"" << 3 + plan.localities.size() << "\">" << html_escape(category) << "</th></tr>\n";
        }
        const FunctionDemandShare* share = f < r.shares.size() && r.shares[f].code == fn.code ? &r.shares[f] : nullptr;
        h << "<tr><td class=\"text\">" << html_escape(fn.code) << "</td><td class=\"text\">" << html_escape(fn.name)
          << (fn.delegation == Delegation::may ? " <small>(optional)</small>" : "") << "</td><td class=\"text\"><small>"
          << html_escape(format_demand_expression(fn.demand)) << "</small></td>";
        for (std::size_t l = 0; l < plan.localities.size(); ++l) {
            const auto& loc = plan.localities[l];
            const Arrangement* a = arrangement_of(plan, fn.code, loc.id);
            if (!a) {
                h << "<td class=\"text missing\">no arrangement</td>";
                continue;
            }
            h << "<td class=\"text " << delivery_class(a->delivery) << "\"" ;
            if (!a->notes.empty()) {
                h << " title=\"" << html_escape(a->notes) << "\"";
                notes.push_back(fn.code + " in " + (loc.name.empty() ? loc.id : loc.name) + ": " + a->notes);
            }
            h << ">" << html_escape(describe_arrangement(*a));
            if (share && share->available) h << "<br><small>" << format("%.1f", 100.0 * share->share[l]) << "% of demand</small>";
            if (!a->notes.empty()) h << " <small>[" << notes.size() << "]</small>";
            h << "</td>";
        }
        h << "</tr>\n";
    }
    h << "</table>\n<p class=\"note\">Demand share: each locality's share of the partnership's demand for the function, "
         "from the driver columns (a weighted mean of the columns' shares; *deprivation weights each zone by its SIMD "
         "quintile, quintile 1 counting five times quintile 5).</p>\n";
    std::vector<std::string> unavailable;
    for (const auto& s : r.shares)
        if (!s.available) unavailable.push_back(s.code + ": " + s.why_unavailable);
    if (!unavailable.empty()) {
        h << "<p class=\"note\">No demand share for ";
        for (std::size_t i = 0; i < unavailable.size(); ++i) h << (i ? "; " : "") << html_escape(unavailable[i]);
        h << ".</p>\n";
    }
    if (!notes.empty()) {
        h << "<h3>Notes on arrangements</h3>\n<ol>\n";
        for (const auto& n : notes) h << "<li>" << html_escape(n) << "</li>\n";
        h << "</ol>\n";
    }

    // Check detail.
    h << "<h2>Statutory check</h2>\n<ol class=\"note\"><li>At least two localities.</li><li>Every data zone of the area "
         "in exactly one locality, none outside the area.</li><li>Every locality has an arrangement for every integration "
         "function.</li><li>Each locality is one connected area; the only breaks allowed are water crossings, listed "
         "below.</li></ol>\n";
    if (r.check.valid()) {
        h << "<p>All four rules are met.</p>\n";
    } else {
        constexpr std::size_t shown = 300;
        h << "<ul class=\"failures\">\n";
        for (std::size_t i = 0; i < r.check.failures.size() && i < shown; ++i) {
            const auto& f = r.check.failures[i];
            h << "<li>Rule " << statutory_rule(f.problem) << ": " << html_escape(f.message) << "</li>\n";
        }
        if (r.check.failures.size() > shown)
            h << "<li>... and " << r.check.failures.size() - shown << " more (all in check.csv)</li>\n";
        h << "</ul>\n";
    }
    if (!r.check.crossings_used.empty()) {
        h << "<h3>Water crossings joining localities</h3>\n<table>\n<tr><th class=\"text\">Locality</th><th class=\"text\">"
             "From zone</th><th class=\"text\">To zone</th><th class=\"text\">Crossing</th><th class=\"text\">Source</th></tr>\n";
        for (const auto& c : r.check.crossings_used) {
            const int l = locality_index(plan, c.locality);
            h << "<tr><td class=\"text\">" << html_escape(l >= 0 && !plan.localities[l].name.empty() ? plan.localities[l].name : c.locality)
              << "</td><td class=\"text\">" << html_escape(c.zone_a) << "</td><td class=\"text\">" << html_escape(c.zone_b)
              << "</td><td class=\"text\">" << html_escape(c.note) << "</td><td class=\"text\">"
              << (c.recorded_in_plan ? "recorded in the plan" : "found by the graph builder") << "</td></tr>\n";
        }
        h << "</table>\n";
    }
    if (!r.check.warnings.empty()) {
        h << "<h3>Warnings</h3>\n<ul>\n";
        for (const auto& w : r.check.warnings) h << "<li>" << html_escape(w) << "</li>\n";
        h << "</ul>\n";
    }

    h << detail::rebase_section_html(r);
    if (r.ensemble) h << ensemble_section_html(*r.ensemble, r.shapes, plan);
    if (r.tradeoff) h << tradeoff_section_html(*r.tradeoff);

    h << "<h2>Sources</h2>\n<ul class=\"note\">\n";
    if (!r.plan_path.empty()) h << "<li>Plan: " << html_escape(source_name(r.plan_path)) << "</li>\n";
    if (r.tradeoff) h << "<li>Trade-off: " << html_escape(r.tradeoff->source) << "</li>\n";
    // By name, not by where they lay on the machine that made the report.
    for (const auto& s : r.data_sources) h << "<li>" << html_escape(source_name(s)) << "</li>\n";
    if (!r.working_crs.empty()) h << "<li>Map projection: " << html_escape(r.working_crs) << "</li>\n";
    h << "</ul>\n" << report_footer() << "</body>\n</html>\n";
    return h.str();
}

std::string indicators_csv(const PlanReport& r) {
    std::vector<std::string> header = {"locality",    "name",        "zones",      "area_km2", "population",
                                       "aged_65plus", "aged_75plus", "people_on_boundary"};
    for (int q = 1; q <= 5; ++q) header.push_back("pop_simd_q" + std::to_string(q));
    for (int c = 1; c <= 6; ++c) header.push_back("pop_urban_rural_" + std::to_string(c));
    header.push_back("gp_drive_minutes");
    header.push_back("gp_public_transport_minutes");
    for (const auto& kind : r.point_kinds) header.push_back(kind);
    std::string out = csv_line(header);
    for (const auto& ind : r.indicators) {
        std::vector<std::string> row = {ind.id, ind.name, std::to_string(ind.zones), format("%.3f", ind.area_km2),
                                        optional_number(ind.population), optional_number(ind.aged_65plus),
                                        optional_number(ind.aged_75plus), optional_number(ind.people_on_boundary)};
        for (int q = 0; q < 5; ++q)
            row.push_back(ind.simd_quintile_population ? format("%.0f", (*ind.simd_quintile_population)[q]) : "");
        for (int c = 0; c < 6; ++c)
            row.push_back(ind.urban_rural_population ? format("%.0f", (*ind.urban_rural_population)[c]) : "");
        row.push_back(optional_number(ind.gp_drive_minutes, "%.2f"));
        row.push_back(optional_number(ind.gp_public_transport_minutes, "%.2f"));
        for (const auto& kind : r.point_kinds) {
            auto it = ind.points_inside.find(kind);
            row.push_back(std::to_string(it == ind.points_inside.end() ? 0 : it->second));
        }
        out += csv_line(row);
    }
    return out;
}

std::string functions_csv(const PlanReport& r) {
    std::string out = csv_line({"code", "name", "category", "delegation", "locality", "locality_name", "delivery",
                                "hosted_by", "demand_share", "notes"});
    for (std::size_t f = 0; f < r.catalogue.functions.size(); ++f) {
        const auto& fn = r.catalogue.functions[f];
        const FunctionDemandShare* share = f < r.shares.size() && r.shares[f].code == fn.code ? &r.shares[f] : nullptr;
        for (std::size_t l = 0; l < r.plan.localities.size(); ++l) {
            const auto& loc = r.plan.localities[l];
            const Arrangement* a = arrangement_of(r.plan, fn.code, loc.id);
            out += csv_line({fn.code, fn.name, fn.category, to_string(fn.delegation), loc.id, loc.name,
                             a ? to_string(a->delivery) : "none", a ? a->hosted_by : "",
                             share && share->available ? format("%.6f", share->share[l]) : "", a ? a->notes : ""});
        }
    }
    return out;
}

std::string check_csv(const PlanReport& r) {
    std::string out = csv_line({"rule", "problem", "zone", "locality", "function", "message"});
    for (const auto& f : r.check.failures)
        out += csv_line({std::to_string(statutory_rule(f.problem)), to_string(f.problem), f.zone, f.locality, f.function,
                         f.message});
    for (const auto& c : r.check.crossings_used)
        out += csv_line({"4", "crossing_used", c.zone_a + " - " + c.zone_b, c.locality, "",
                         c.note + (c.recorded_in_plan ? " (recorded in the plan)" : " (found by the graph builder)")});
    return out;
}

const std::vector<std::string>& report_file_names() {
    static const std::vector<std::string> names{"report.html", "localities.csv", "functions.csv", "check.csv",
                                                "localities.geojson"};
    return names;
}

std::vector<std::string> write_report(const PlanReport& report, const std::string& out_dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) throw Error(ErrorKind::write_failed, out_dir + ": cannot create the report folder (" + ec.message() + ")");
    const fs::path dir(out_dir);
    std::vector<std::string> written;
    OutputSet outputs; // the whole folder's files, or none of them
    auto write = [&](const char* name, const std::string& text) {
        const auto path = (dir / name).string();
        outputs.add_text(path, text);
        written.push_back(path);
    };
    write("report.html", report_html(report));
    write("localities.csv", indicators_csv(report));
    write("functions.csv", functions_csv(report));
    write("check.csv", check_csv(report));
    const auto geojson = (dir / "localities.geojson").string();
    outputs.add_features(geojson, report.locality_layer,
                         report.working_crs);
    written.push_back(geojson);
    outputs.commit();
    return written;
}

} // namespace lp
