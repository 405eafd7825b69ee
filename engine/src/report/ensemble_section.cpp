#include <lp/report/ensemble_section.hpp>

#include <lp/core/error.hpp>
#include <lp/ensemble/mixing.hpp>
#include <lp/geometry/crs.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/io/text_file.hpp>
#include <lp/report/html_escape.hpp>
#include <lp/report/svg_map.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace lp {

namespace {

nlohmann::json read_json(const std::string& path) {
    std::string text;
    try {
        text = read_text_file(path, "ensemble summary");
    } catch (const Error& e) {
        throw Error(e.kind(), std::string(e.what()) + "; is this a `boundaries ensemble` folder?");
    }
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::bad_value, path + ": not valid JSON (" + std::string(e.what()) + ")");
    }
}

std::string number(double value) {
    char text[32];
    if (std::fabs(value) >= 1000) std::snprintf(text, sizeof text, "%.0f", value);
    else std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

// How a planner reads each measure.
std::string describe(const std::string& name) {
    if (name == "cut_length_m") return "Length of boundary between localities (m)";
    if (name == "people_on_boundary") return "People living in zones on a locality boundary";
    if (name == "split_groups") return "Keep-whole groups split";
    if (name == "mean_polsby_popper") return "Mean compactness (Polsby-Popper, 1 = a circle)";
    if (name.rfind("max_deviation_", 0) == 0) return "Largest deviation from the mean, " + name.substr(14);
    if (name.size() > 6 && name.substr(name.size() - 6) == "_split") {
        std::string kind = name.substr(0, name.size() - 6);
        std::replace(kind.begin(), kind.end(), '_', ' ');
        return "Number of " + kind + " split";
    }
    return name;
}

void read_line(const nlohmann::json& coordinates, const CoordinateTransform& transform, std::vector<Ring>& lines) {
    Ring line;
    for (const auto& c : coordinates) line.push_back(transform.apply(Point{c.at(0).get<double>(), c.at(1).get<double>()}));
    if (line.size() >= 2) lines.push_back(std::move(line));
}

} // namespace

EnsembleView read_ensemble(const std::string& folder, const std::string& working_crs) {
    namespace fs = std::filesystem;
    EnsembleView view;
    view.folder = folder;
    const std::string summary_path = (fs::path(folder) / "summary.json").string();
    const auto summary = read_json(summary_path);
    try {
        view.variant = summary.at("variant").get<std::string>();
        view.distribution = summary.at("distribution").get<std::string>();
        view.zones = summary.at("zones").get<std::size_t>();
        view.samples = summary.at("samples").get<std::size_t>();
        view.steps = summary.at("steps").get<std::uint64_t>();
        view.chains = summary.at("chains").get<unsigned>();
        view.moved_share = summary.at("moved_share").get<double>();
        view.interrupted = summary.at("interrupted").get<bool>();
        for (const auto& [name, metric] : summary.at("metrics").items())
            view.metrics.push_back({name, metric.at("plan").get<double>(), metric.at("percentile").get<double>(), {}, {}});
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::bad_value, summary_path + ": " + e.what());
    }

    const std::string metrics_path = (fs::path(folder) / "metrics.csv").string();
    const CsvTable table = read_csv_file(metrics_path);
    const auto chain_column = table.column("chain");
    for (auto& metric : view.metrics) {
        const auto column = table.column(metric.name);
        if (!column) throw Error(ErrorKind::bad_value, metrics_path + ": no column " + metric.name);
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const std::string& cell = table.rows[r].at(*column);
            char* end = nullptr;
            const double value = std::strtod(cell.c_str(), &end);
            if (cell.empty() || *end != '\0')
                throw Error(ErrorKind::bad_value, metrics_path + " line " + std::to_string(table.row_lines[r]) + ": " +
                                                     metric.name + " '" + cell + "' is not a number");
            metric.values.push_back(value);
            metric.chain.push_back(chain_column ? static_cast<unsigned>(std::strtoul(table.rows[r].at(*chain_column).c_str(), nullptr, 10)) : 0u);
        }
    }

    const std::string borders_path = (fs::path(folder) / "boundary_frequency.geojson").string();
    const auto geojson = read_json(borders_path);
    const CoordinateTransform transform("EPSG:4326", working_crs);
    try {
        for (const auto& feature : geojson.at("features")) {
            const auto& geometry = feature.at("geometry");
            std::vector<Ring> lines;
            if (geometry.at("type") == "LineString") read_line(geometry.at("coordinates"), transform, lines);
            else
                for (const auto& part : geometry.at("coordinates")) read_line(part, transform, lines);
            view.border_lines.push_back(std::move(lines));
            view.border_frequency.push_back(feature.at("properties").at("frequency").get<double>());
            view.plan_boundary.push_back(feature.at("properties").at("plan_boundary").get<bool>() &&
                                         !feature.at("properties").value("crossing", false));
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::bad_value, borders_path + ": " + e.what());
    }
    return view;
}

std::string svg_histogram(const std::vector<double>& values, double plan_value, const std::string& title) {
    const double width = 420, height = 150, left = 10, right = 10, top = 10, bottom = 34;
    double low = plan_value, high = plan_value;
    for (const double v : values) {
        low = std::min(low, v);
        high = std::max(high, v);
    }
    if (high - low < 1e-12 * std::max(1.0, std::fabs(high))) {
        low -= 0.5;
        high += 0.5;
    }
    const int bins = 30;
    std::vector<int> counts(bins, 0);
    for (const double v : values)
        ++counts[static_cast<std::size_t>(std::clamp(static_cast<int>((v - low) / (high - low) * bins), 0, bins - 1))];
    const int tallest = std::max(1, *std::max_element(counts.begin(), counts.end()));
    const double plot_w = width - left - right, plot_h = height - top - bottom;
    auto x_of = [&](double v) { return left + (v - low) / (high - low) * plot_w; };
    std::ostringstream svg;
    char buf[160];
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"histogram\" width=\"" << width << "\" height=\"" << height
        << "\" viewBox=\"0 0 " << width << " " << height << "\" role=\"img\"><title>" << html_escape(title)
        << "</title>";
    for (int b = 0; b < bins; ++b) {
        const double h = plot_h * counts[static_cast<std::size_t>(b)] / tallest;
        std::snprintf(buf, sizeof buf, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#8fb3d9\"/>",
                      left + b * plot_w / bins, top + plot_h - h, plot_w / bins - 1, h);
        svg << buf;
    }
    std::snprintf(buf, sizeof buf, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-width=\"3\"/>",
                  x_of(plan_value), x_of(plan_value), top - 4, top + plot_h);
    svg << buf;
    svg << "<g font-family=\"sans-serif\" font-size=\"11\" fill=\"#333\">";
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\">", left, height - 18);
    svg << buf << html_escape(number(low)) << "</text>";
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", width - right, height - 18);
    svg << buf << html_escape(number(high)) << "</text>";
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#c0392b\" font-weight=\"bold\">",
                  std::clamp(x_of(plan_value), left + 30, width - right - 30), height - 4);
    svg << buf << "plan " << html_escape(number(plan_value)) << "</text></g></svg>";
    return svg.str();
}

std::string ensemble_section_html(const EnsembleView& view, const std::vector<MultiPolygon>& shapes,
                                  const LocalityPlan& plan) {
    std::ostringstream h;
    h << "<h2>The plan among plans drawn under the same rules</h2>\n<p>" << view.samples
      << " plans were sampled (" << view.steps << " ReCom steps in " << view.chains << " chains, "
      << number(100 * view.moved_share) << "% of steps moved" << (view.interrupted ? ", stopped early" : "")
      << ") with the same zones, number of localities, balance bands, locked zones and contiguity. Sampled: "
      << html_escape(view.distribution)
      << ". A percentile near 0 or 100 marks a plan unusual among them: a choice to explain, not an error.</p>\n";
    // How much the samples are worth (lp/ensemble/mixing.hpp), from metrics.csv's chains.
    std::vector<MixingDiagnostics> mixing;
    for (const auto& metric : view.metrics) {
        std::vector<std::vector<double>> chains;
        for (std::size_t i = 0; i < metric.values.size(); ++i) {
            const unsigned c = i < metric.chain.size() ? metric.chain[i] : 0u;
            if (c >= chains.size()) chains.resize(c + 1);
            chains[c].push_back(metric.values[i]);
        }
        mixing.push_back(mixing_diagnostics(chains));
    }
    const bool all_reliable = std::all_of(mixing.begin(), mixing.end(), [](const auto& d) { return reliable(d); });
    if (!all_reliable)
        h << "<p style=\"color:#a01818\"><strong>Warning: " << kUnreliableWarning << ".</strong> A measure marked below has "
          << "fewer than " << number(kMinReliableEss) << " effective samples or chains that disagree (R-hat above "
          << kMaxReliableRhat << "); its percentile is not to be quoted.</p>\n";
    h << "<table>\n<tr><th class=\"text\">Measure</th><th>Plan</th><th>Percentile</th><th>90% interval</th>"
         "<th>Effective samples</th><th>R-hat</th><th>Ensemble 5%</th><th>Median</th><th>Ensemble 95%</th></tr>\n";
    for (std::size_t m = 0; m < view.metrics.size(); ++m) {
        const auto& metric = view.metrics[m];
        const PercentileInterval interval = percentile_interval(metric.percentile, mixing[m].ess);
        std::vector<double> sorted = metric.values;
        std::sort(sorted.begin(), sorted.end());
        auto q = [&](double p) {
            if (sorted.empty()) return std::string("-");
            return number(sorted[static_cast<std::size_t>(std::lround(p * static_cast<double>(sorted.size() - 1)))]);
        };
        h << "<tr><td class=\"text\">" << html_escape(describe(metric.name)) << "</td><td>" << number(metric.plan)
          << "</td><td>" << number(metric.percentile) << "</td><td>" << number(interval.low) << " - "
          << number(interval.high) << "</td><td>" << number(mixing[m].ess) << (reliable(mixing[m]) ? "" : " (too few)")
          << "</td><td>" << (std::isfinite(mixing[m].rhat) ? number(mixing[m].rhat) : std::string("-")) << "</td><td>"
          << q(0.05) << "</td><td>" << q(0.5) << "</td><td>" << q(0.95) << "</td></tr>\n";
    }
    h << "</table>\n<div class=\"histograms\">\n";
    for (const auto& metric : view.metrics)
        h << "<figure style=\"display:inline-block;margin:8px\"><figcaption>" << html_escape(describe(metric.name))
          << " (plan at percentile " << number(metric.percentile) << ")</figcaption>"
          << svg_histogram(metric.values, metric.plan, describe(metric.name)) << "</figure>\n";
    h << "</div>\n<h3>How often each border is a locality boundary</h3>\n"
         "<p class=\"note\">Each border between two data zones, coloured by the share of sampled plans that draw a "
         "locality boundary along it; the plan's own boundaries are the dark blue lines beneath. Dark red lines "
         "are boundaries the rules all but force; a plan boundary in pale yellow is one that few sampled plans "
         "draw there.</p>\n";
    SvgMapOptions options;
    options.title = "Boundary frequency in the ensemble";
    options.width = 900;
    options.max_height = 820;
    h << svg_boundary_frequency_map(shapes, plan, view.border_lines, view.border_frequency, view.plan_boundary, options);
    return h.str();
}

} // namespace lp
