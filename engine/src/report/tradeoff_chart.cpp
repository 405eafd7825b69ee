#include <lp/report/tradeoff_chart.hpp>

#include <lp/core/error.hpp>
#include <lp/report/html_escape.hpp>
#include <lp/report/report_style.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <sstream>

namespace lp {

namespace {

std::string format(const char* pattern, double value) {
    char text[64];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

// "12.5%" below 100, "212%" from there.
std::string percent_label(double pct) { return format(std::fabs(pct) >= 100 ? "%.0f%%" : "%.1f%%", pct); }

// A whole cell as a number, else lp::Error(bad_value) naming file, line and column.
double number_cell(const CsvTable& table, std::size_t row, std::size_t column, const std::string& name) {
    const std::string& text = column < table.rows[row].size() ? table.rows[row][column] : std::string();
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value))
        throw Error(ErrorKind::bad_value, table.source + " line " + std::to_string(table.row_lines[row]) + ": " + name +
                                             " '" + text + "' is not a number");
    return value;
}

// The band's tolerance in percent when its label has one ("5%", "0.05", "25%:soft"); "soft" alone has none.
std::optional<double> band_tolerance_pct(const std::string& band) {
    std::string text = band.substr(0, band.find(':'));
    const bool pct = !text.empty() && text.back() == '%';
    if (pct) text.pop_back();
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
    return pct ? value : value * 100.0;
}

// A step of 1, 2, 2.5 or 5 times a power of ten giving about four intervals up to top.
double nice_step(double top, bool whole) {
    const double raw = top / 4.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / magnitude;
    double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
    if (whole) step = std::max(1.0, std::ceil(step));
    return step;
}

struct Series {
    const char* key;      // data-series
    const char* title;    // the panel's title
    const char* colour;
    bool whole;           // counts: whole-number ticks
    std::function<double(const TradeoffPoint&)> value;
    std::function<std::string(double)> label;
}; // struct Series

constexpr double chart_width = 960, chart_height = 330, panel_gap = 28;
constexpr double axis_left = 48, axis_right = 6, plot_top = 62, plot_bottom_margin = 50;

void draw_panel(std::ostringstream& s, const TradeoffView& view, const Series& series, double left, double width,
                bool band_marks) {
    const double plot_left = left + axis_left, plot_width = width - axis_left - axis_right;
    const double plot_bottom = chart_height - plot_bottom_margin, plot_height = plot_bottom - plot_top;
    double top = 0;
    for (const auto& point : view.bands) {
        top = std::max(top, series.value(point));
        if (band_marks)
            if (const auto tolerance = band_tolerance_pct(point.band)) top = std::max(top, *tolerance);
    }
    if (top <= 0) top = 1;
    const double step = nice_step(top, series.whole);
    top = std::ceil(top / step - 1e-9) * step;
    auto y_of = [&](double v) { return plot_bottom - plot_height * std::clamp(v / top, 0.0, 1.0); };

    s << "<g class=\"panel\" data-series=\"" << series.key << "\">\n";
    s << "<text x=\"" << format("%.1f", left) << "\" y=\"20\" font-size=\"15\" font-weight=\"600\">"
      << html_escape(series.title) << "</text>\n";
    if (band_marks)
        s << "<text x=\"" << format("%.1f", left) << "\" y=\"38\" font-size=\"12\" fill=\"#444\">from the mean; dashed: "
             "the band asked for</text>\n";
    for (double tick = 0; tick <= top + step * 1e-6; tick += step) {
        const double y = y_of(tick);
        s << "<line x1=\"" << format("%.1f", plot_left) << "\" x2=\"" << format("%.1f", plot_left + plot_width)
          << "\" y1=\"" << format("%.1f", y) << "\" y2=\"" << format("%.1f", y) << "\" stroke=\""
          << (tick == 0 ? "#333" : "#d4d4d4") << "\" stroke-width=\"1\"/>\n";
        s << "<text x=\"" << format("%.1f", plot_left - 6) << "\" y=\"" << format("%.1f", y + 4)
          << "\" font-size=\"12\" text-anchor=\"end\" fill=\"#333\">"
          << format("%g", std::round(tick * 1000) / 1000) << "</text>\n";
    }
    s << "<line x1=\"" << format("%.1f", plot_left) << "\" x2=\"" << format("%.1f", plot_left) << "\" y1=\""
      << format("%.1f", plot_top) << "\" y2=\"" << format("%.1f", plot_bottom) << "\" stroke=\"#333\"/>\n";

    const std::size_t n = view.bands.size();
    const double slot = plot_width / static_cast<double>(std::max<std::size_t>(n, 1));
    const double bar = std::min(52.0, slot * 0.62);
    bool rotate = false; // labels wider than their slot are turned
    for (const auto& point : view.bands) rotate = rotate || point.band.size() * 7.2 > slot - 4;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& point = view.bands[i];
        const double value = series.value(point);
        const double centre = plot_left + slot * (static_cast<double>(i) + 0.5);
        const double y = y_of(value);
        const std::string text = series.label(value);
        s << "<rect class=\"mark\" data-series=\"" << series.key << "\" data-band=\"" << html_escape(point.band)
          << "\" x=\"" << format("%.1f", centre - bar / 2) << "\" y=\"" << format("%.1f", y) << "\" width=\""
          << format("%.1f", bar) << "\" height=\"" << format("%.1f", plot_bottom - y) << "\" fill=\"" << series.colour
          << "\"><title>" << html_escape(point.band) << ": " << html_escape(text) << "</title></rect>\n";
        double label_above = y; // the value goes above the bar and the band's line, whichever is higher
        if (band_marks)
            if (const auto tolerance = band_tolerance_pct(point.band)) {
                const double ty = y_of(*tolerance);
                label_above = std::min(label_above, ty);
                s << "<line class=\"band\" x1=\"" << format("%.1f", centre - slot * 0.45) << "\" x2=\""
                  << format("%.1f", centre + slot * 0.45) << "\" y1=\"" << format("%.1f", ty) << "\" y2=\""
                  << format("%.1f", ty) << "\" stroke=\"#111\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n";
            }
        s << "<text x=\"" << format("%.1f", centre) << "\" y=\"" << format("%.1f", label_above - 5)
          << "\" font-size=\"12\" text-anchor=\"middle\" fill=\"#111\">" << html_escape(text) << "</text>\n";
        const double label_y = plot_bottom + 18;
        if (rotate)
            s << "<text x=\"" << format("%.1f", centre) << "\" y=\"" << format("%.1f", label_y)
              << "\" font-size=\"12\" text-anchor=\"end\" transform=\"rotate(-35 " << format("%.1f", centre) << " "
              << format("%.1f", label_y) << ")\">" << html_escape(point.band) << "</text>\n";
        else
            s << "<text x=\"" << format("%.1f", centre) << "\" y=\"" << format("%.1f", label_y)
              << "\" font-size=\"13\" text-anchor=\"middle\">" << html_escape(point.band) << "</text>\n";
    }
    s << "<text x=\"" << format("%.1f", plot_left + plot_width / 2) << "\" y=\"" << format("%.1f", chart_height - 6)
      << "\" font-size=\"12\" text-anchor=\"middle\" fill=\"#444\">band</text>\n";
    s << "</g>\n";
}

} // namespace

TradeoffView read_tradeoff_table(const CsvTable& table) {
    auto column = [&](const char* name) {
        const auto c = table.column(name);
        if (!c)
            throw Error(ErrorKind::field_not_found, table.source + ": no column " + name +
                                                        " (is this the tradeoff.csv `boundaries tradeoff` wrote?)");
        return *c;
    };
    const std::size_t band = column("band"), towns = column("towns_split"), people = column("people_on_boundary"),
                      people_pct = column("people_on_boundary_pct"), deviation = column("largest_deviation_pct"),
                      cut = column("cut_km"), changed = column("zones_changed"), within = column("within_tolerance"),
                      beyond = column("beyond_soft_band"), seconds = column("seconds");
    TradeoffView view;
    view.source = table.source;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        TradeoffPoint point;
        point.band = band < row.size() ? row[band] : std::string();
        if (point.band.empty())
            throw Error(ErrorKind::bad_value, table.source + " line " + std::to_string(table.row_lines[r]) + ": no band");
        point.towns_split = static_cast<int>(number_cell(table, r, towns, "towns_split"));
        point.people_on_boundary = number_cell(table, r, people, "people_on_boundary");
        point.people_on_boundary_pct = number_cell(table, r, people_pct, "people_on_boundary_pct");
        point.largest_deviation_pct = number_cell(table, r, deviation, "largest_deviation_pct");
        point.cut_km = number_cell(table, r, cut, "cut_km");
        if (changed < row.size() && !row[changed].empty())
            point.zones_changed = static_cast<int>(number_cell(table, r, changed, "zones_changed"));
        point.within_tolerance = within < row.size() && row[within] == "true";
        point.beyond_soft_band = static_cast<int>(number_cell(table, r, beyond, "beyond_soft_band"));
        point.seconds = number_cell(table, r, seconds, "seconds");
        view.bands.push_back(std::move(point));
    }
    if (view.bands.empty()) throw Error(ErrorKind::bad_value, table.source + ": no bands (an empty trade-off)");
    return view;
}

TradeoffView read_tradeoff_csv(const std::string& path) { return read_tradeoff_table(read_csv_file(path)); }

std::string tradeoff_chart_svg(const TradeoffView& view) {
    const Series series[] = {
        {"towns_split", "Towns split", "#d55e00", true, [](const TradeoffPoint& p) { return double(p.towns_split); },
         [](double v) { return format("%.0f", v); }},
        {"people_on_boundary_pct", "People on a boundary (%)", "#0072b2", false,
         [](const TradeoffPoint& p) { return p.people_on_boundary_pct; }, percent_label},
        {"largest_deviation_pct", "Largest deviation (%)", "#009e73", false,
         [](const TradeoffPoint& p) { return p.largest_deviation_pct; }, percent_label},
    };
    std::ostringstream s;
    s << "<svg class=\"tradeoff-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << chart_width << " "
      << chart_height << "\" width=\"100%\" style=\"max-width:" << chart_width
      << "px\" role=\"img\" aria-labelledby=\"tradeoff-chart-title\" font-family=\"system-ui,-apple-system,'Segoe UI',"
         "Roboto,sans-serif\">\n<title id=\"tradeoff-chart-title\">Trade-off by band: towns split, people on a "
         "boundary and the largest deviation</title>\n";
    const double width = (chart_width - panel_gap * 2) / 3;
    for (std::size_t p = 0; p < 3; ++p)
        draw_panel(s, view, series[p], static_cast<double>(p) * (width + panel_gap), width, p == 2);
    s << "</svg>\n";
    return s.str();
}

std::string tradeoff_table_html(const TradeoffView& view) {
    std::ostringstream h;
    h << "<table class=\"tradeoff\">\n<tr><th class=\"text\">Band</th><th>Towns split</th><th>People on a boundary</th>"
         "<th>Share of people</th><th>Largest deviation</th><th>Boundary (km)</th><th>Zones changed</th>"
         "<th>Every hard band met</th><th>Localities beyond a soft band</th><th>Seconds</th></tr>\n";
    for (const auto& p : view.bands)
        h << "<tr><td class=\"text\">" << html_escape(p.band) << "</td><td>" << p.towns_split << "</td><td>"
          << thousands(p.people_on_boundary) << "</td><td>" << format("%.1f%%", p.people_on_boundary_pct) << "</td><td>"
          << format("%.1f%%", p.largest_deviation_pct) << "</td><td>" << format("%.1f", p.cut_km) << "</td><td>"
          << (p.zones_changed ? std::to_string(*p.zones_changed) : "-") << "</td><td>"
          << (p.within_tolerance ? "yes" : "no") << "</td><td>" << p.beyond_soft_band << "</td><td>"
          << format("%.2f", p.seconds) << "</td></tr>\n";
    h << "</table>\n";
    return h.str();
}

std::string tradeoff_section_html(const TradeoffView& view) {
    std::ostringstream h;
    h << "<h2>Trade-off: what each band costs</h2>\n<p class=\"note\">Each band is one run of the same options with the "
         "first balance rule's tolerance set to it. A tighter band balances the localities more evenly and may split "
         "towns between localities and put more people on a boundary; a soft band lets a locality exceed it to keep a "
         "town whole, and says which and why. Zones changed: zones in another locality than under the band before.</p>\n";
    h << tradeoff_chart_svg(view) << tradeoff_table_html(view);
    return h.str();
}

std::string tradeoff_page_html(const TradeoffView& view, const std::string& title, const std::string& subtitle) {
    std::ostringstream h;
    h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << html_escape(title)
      << "</title>\n<style>" << report_stylesheet() << "</style>\n</head>\n<body>\n<h1>" << html_escape(title)
      << "</h1>\n";
    if (!subtitle.empty()) h << "<p class=\"sub\">" << html_escape(subtitle) << "</p>\n";
    h << tradeoff_section_html(view);
    h << report_footer() << "</body>\n</html>\n";
    return h.str();
}

} // namespace lp
