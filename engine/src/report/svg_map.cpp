#include <lp/report/svg_map.hpp>

#include <lp/report/html_escape.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace lp {

namespace {

// Maps planar coordinates (y up) onto SVG pixels (y down), keeping the aspect ratio.
class Projection {
public:
    Projection(const Box& box, double width, double max_height, double margin) {
        const double w = std::max(box.max_x - box.min_x, 1.0);
        const double h = std::max(box.max_y - box.min_y, 1.0);
        scale_ = std::min((width - 2 * margin) / w, (max_height - 2 * margin) / h);
        min_x_ = box.min_x;
        max_y_ = box.max_y;
        margin_ = margin;
        height_ = h * scale_ + 2 * margin;
    }
    double x(double px) const { return margin_ + (px - min_x_) * scale_; }
    double y(double py) const { return margin_ + (max_y_ - py) * scale_; }
    double height() const { return height_; }
    double scale() const { return scale_; }

private:
    double scale_ = 1, min_x_ = 0, max_y_ = 0, margin_ = 0, height_ = 0;
}; // class Projection

std::string fixed(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}

// One path for a whole multipolygon, even-odd filled so holes show. Vertices closer
// than half a pixel to the previous one are dropped: the map does not need them and
// the report stays small.
std::string path_data(const MultiPolygon& shape, const Projection& p) {
    std::string d;
    auto ring = [&](const Ring& r) {
        if (r.size() < 4) return;
        double last_x = 1e300, last_y = 1e300;
        std::size_t written = 0;
        for (std::size_t i = 0; i + 1 < r.size(); ++i) {
            const double x = p.x(r[i].x), y = p.y(r[i].y);
            if (written > 0 && std::fabs(x - last_x) < 0.5 && std::fabs(y - last_y) < 0.5) continue;
            d += written == 0 ? 'M' : 'L';
            d += fixed(x);
            d += ' ';
            d += fixed(y);
            last_x = x;
            last_y = y;
            ++written;
        }
        d += "Z";
    };
    for (const auto& polygon : shape) {
        ring(polygon.exterior);
        for (const auto& hole : polygon.holes) ring(hole);
    }
    return d;
}

std::string scale_label(double metres) {
    char buffer[32];
    if (metres >= 1000) std::snprintf(buffer, sizeof buffer, "%g km", metres / 1000);
    else std::snprintf(buffer, sizeof buffer, "%g m", metres);
    return buffer;
}

std::string polyline_data(const Ring& line, const Projection& p) {
    std::string d;
    double last_x = 1e300, last_y = 1e300;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const double x = p.x(line[i].x), y = p.y(line[i].y);
        if (i > 0 && i + 1 < line.size() && std::fabs(x - last_x) < 0.5 && std::fabs(y - last_y) < 0.5) continue;
        d += i == 0 ? 'M' : 'L';
        d += fixed(x);
        d += ' ';
        d += fixed(y);
        last_x = x;
        last_y = y;
    }
    return d;
}

// Pale yellow (never a boundary) through orange to dark red (always one).
std::string heat_colour(double share) {
    const double t = std::clamp(share, 0.0, 1.0);
    const double r = 255 - 115 * t * t;
    const double g = 230 - 230 * t;
    const double b = 150 - 150 * std::sqrt(t);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", static_cast<int>(r), static_cast<int>(g), static_cast<int>(b));
    return buffer;
}

} // namespace

std::string svg_boundary_frequency_map(const std::vector<MultiPolygon>& shapes, const LocalityPlan& plan,
                                       const std::vector<std::vector<Ring>>& lines,
                                       const std::vector<double>& frequency, const std::vector<bool>& plan_boundary,
                                       const SvgMapOptions& options) {
    Box box;
    for (const auto& s : shapes) box.expand(bounds(s));
    if (box.empty())
        for (const auto& parts : lines)
            for (const auto& line : parts)
                for (const auto& point : line) box.expand(point);
    if (box.empty()) box = Box{0, 0, 1, 1};
    const Projection projection(box, options.width, options.max_height, options.margin);
    const double scale_height = 44;
    const double total_height = projection.height() + scale_height;

    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"frequency-map\" width=\"" << fixed(options.width)
        << "\" height=\"" << fixed(total_height) << "\" viewBox=\"0 0 " << fixed(options.width) << " "
        << fixed(total_height) << "\" role=\"img\">\n";
    svg << "<title>" << html_escape(options.title.empty() ? "Boundary frequency" : options.title) << "</title>\n";
    svg << "<rect x=\"0\" y=\"0\" width=\"" << fixed(options.width) << "\" height=\"" << fixed(projection.height())
        << "\" fill=\"#eef4f8\"/>\n";
    for (std::size_t i = 0; i < shapes.size() && i < plan.localities.size(); ++i)
        svg << "<path d=\"" << path_data(shapes[i], projection) << "\" fill=\"#ffffff\" fill-rule=\"evenodd\" stroke=\"none\"/>\n";
    // The plan's boundaries first, wide and dark, so the frequency lines sit on them.
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i >= plan_boundary.size() || !plan_boundary[i]) continue;
        for (const auto& line : lines[i])
            svg << "<path d=\"" << polyline_data(line, projection)
                << "\" fill=\"none\" stroke=\"#1f3b73\" stroke-width=\"5\" stroke-linecap=\"round\"/>\n";
    }
    // Rare boundaries first so that the frequent ones are drawn on top.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < lines.size() && i < frequency.size(); ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return frequency[a] < frequency[b]; });
    for (const std::size_t i : order) {
        const double share = frequency[i];
        for (const auto& line : lines[i])
            svg << "<path d=\"" << polyline_data(line, projection) << "\" fill=\"none\" stroke=\"" << heat_colour(share)
                << "\" stroke-width=\"" << fixed(share > 0 ? 1.0 + 2.5 * share : 0.6) << "\" stroke-linecap=\"round\"/>\n";
    }
    // The colour scale.
    const double y = projection.height() + 8;
    const int steps = 10;
    const double step_width = 24;
    svg << "<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#111\">";
    for (int s = 0; s <= steps; ++s)
        svg << "<rect x=\"" << fixed(options.margin + s * step_width) << "\" y=\"" << fixed(y) << "\" width=\""
            << fixed(step_width) << "\" height=\"12\" fill=\"" << heat_colour(s / double(steps)) << "\"/>";
    svg << "<text x=\"" << fixed(options.margin) << "\" y=\"" << fixed(y + 28)
        << "\">0%</text><text x=\"" << fixed(options.margin + steps * step_width) << "\" y=\"" << fixed(y + 28)
        << "\">100% of sampled plans draw a boundary here</text>";
    svg << "<rect x=\"" << fixed(options.margin + 560) << "\" y=\"" << fixed(y + 4) << "\" width=\"30\" height=\"5\" fill=\"#1f3b73\"/>"
        << "<text x=\"" << fixed(options.margin + 596) << "\" y=\"" << fixed(y + 11) << "\">the plan's boundaries</text></g>\n";
    svg << "</svg>\n";
    return svg.str();
}

std::string svg_locality_map(const std::vector<MultiPolygon>& shapes, const LocalityPlan& plan,
                             const SvgMapOptions& options) {
    Box box;
    for (const auto& s : shapes) box.expand(bounds(s));
    if (box.empty()) box = Box{0, 0, 1, 1};
    const Projection projection(box, options.width, options.max_height, options.margin);

    const std::size_t n = std::min(shapes.size(), plan.localities.size());
    const double legend_row = 22;
    const double legend_columns = n > 6 ? 3 : n > 3 ? 2 : 1;
    const double legend_rows = std::ceil(double(n) / legend_columns);
    const double legend_height = 16 + legend_rows * legend_row;
    const double note_row = 15;
    const double notes_height = options.notes.empty() ? 0 : 4 + note_row * static_cast<double>(options.notes.size());
    const double total_height = projection.height() + legend_height + notes_height;

    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"locality-map\" width=\"" << fixed(options.width)
        << "\" height=\"" << fixed(total_height) << "\" viewBox=\"0 0 " << fixed(options.width) << " "
        << fixed(total_height) << "\" role=\"img\">\n";
    svg << "<title>" << html_escape(options.title.empty() ? "Localities" : options.title) << "</title>\n";
    svg << "<rect x=\"0\" y=\"0\" width=\"" << fixed(options.width) << "\" height=\"" << fixed(projection.height())
        << "\" fill=\"#eef4f8\"/>\n";
    for (std::size_t i = 0; i < n; ++i) {
        const auto& l = plan.localities[i];
        svg << "<path d=\"" << path_data(shapes[i], projection) << "\" fill=\""
            << html_escape(l.colour.empty() ? default_locality_colour(i) : l.colour)
            << "\" fill-opacity=\"0.75\" fill-rule=\"evenodd\" stroke=\"#222\" stroke-width=\"1\">"
            << "<title>" << html_escape(l.name.empty() ? l.id : l.name) << "</title></path>\n";
    }
    // Names on top of every shape, with a white halo so they read over any fill; kept inside
    // the map and off each other (a name nudged up or down a line or two rather than drawn
    // over its neighbour's, as Dunfermline's and Rosyth's were).
    struct Placed {
        double x0, y0, x1, y1;
    };
    std::vector<Placed> placed;
    for (std::size_t i = 0; i < n; ++i) {
        if (shapes[i].empty()) continue;
        const auto& l = plan.localities[i];
        const std::string name = l.name.empty() ? l.id : l.name;
        const Point at = interior_point(shapes[i]);
        const double half_width = 0.5 * 8.0 * static_cast<double>(name.size()) + 3; // bold 13 px sans: ~8 px a letter
        const double half_height = 9;
        double x = projection.x(at.x);
        x = std::clamp(x, half_width + 2, std::max(half_width + 2, options.width - half_width - 2));
        double y = projection.y(at.y);
        for (const double dy : {0.0, -18.0, 18.0, -36.0, 36.0}) {
            const Placed box{x - half_width, y + dy - half_height, x + half_width, y + dy + half_height};
            const bool clear = std::none_of(placed.begin(), placed.end(), [&](const Placed& p) {
                return box.x0 < p.x1 && p.x0 < box.x1 && box.y0 < p.y1 && p.y0 < box.y1;
            });
            if (clear) {
                y += dy;
                break;
            }
        }
        placed.push_back({x - half_width, y - half_height, x + half_width, y + half_height});
        svg << "<text x=\"" << fixed(x) << "\" y=\"" << fixed(y)
            << "\" text-anchor=\"middle\" dominant-baseline=\"middle\" font-family=\"sans-serif\" font-size=\"13\""
               " font-weight=\"bold\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">"
            << html_escape(name) << "</text>\n";
    }
    // Legend under the map.
    const double column_width = options.width / legend_columns;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& l = plan.localities[i];
        const double x = options.margin + (i % std::size_t(legend_columns)) * column_width;
        const double y = projection.height() + 10 + std::floor(double(i) / legend_columns) * legend_row;
        svg << "<rect x=\"" << fixed(x) << "\" y=\"" << fixed(y) << "\" width=\"16\" height=\"14\" fill=\""
            << html_escape(l.colour.empty() ? default_locality_colour(i) : l.colour)
            << "\" fill-opacity=\"0.75\" stroke=\"#222\"/>";
        svg << "<text x=\"" << fixed(x + 22) << "\" y=\"" << fixed(y + 11)
            << "\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#111\">" << html_escape(l.id) << " "
            << html_escape(l.name == l.id ? std::string{} : l.name) << "</text>\n";
    }
    // A scale bar: a round number of kilometres near a fifth of the map width.
    const double metres_per_pixel = 1.0 / projection.scale();
    const double target = options.width / 5 * metres_per_pixel;
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    double bar = magnitude;
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (step * magnitude <= target) bar = step * magnitude;
    const double bar_pixels = bar / metres_per_pixel;
    const double bar_y = projection.height() - 14;
    svg << "<g font-family=\"sans-serif\" font-size=\"11\"><rect x=\"" << fixed(options.margin) << "\" y=\"" << fixed(bar_y)
        << "\" width=\"" << fixed(bar_pixels) << "\" height=\"4\" fill=\"#222\"/><text x=\"" << fixed(options.margin)
        << "\" y=\"" << fixed(bar_y - 4) << "\">"
        << scale_label(bar)
        << "</text></g>\n";
    for (std::size_t i = 0; i < options.notes.size(); ++i) {
        const double y = projection.height() + legend_height + note_row * static_cast<double>(i + 1);
        svg << "<text class=\"note\" x=\"" << fixed(options.margin) << "\" y=\"" << fixed(y)
            << "\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#333\">" << html_escape(options.notes[i]) << "</text>\n";
    }
    svg << "</svg>\n";
    return svg.str();
}

} // namespace lp
