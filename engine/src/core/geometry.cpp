#include <lp/core/geometry.hpp>

namespace lp {

double signed_area(const Ring& ring) {
    if (ring.size() < 3) return 0;
    // Shoelace relative to the first vertex: keeps precision with large BNG coordinates.
    const Point o = ring.front();
    double twice = 0;
    for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
        const double x1 = ring[i].x - o.x, y1 = ring[i].y - o.y;
        const double x2 = ring[i + 1].x - o.x, y2 = ring[i + 1].y - o.y;
        twice += x1 * y2 - x2 * y1;
    }
    return twice / 2;
}

double area(const Polygon& polygon) {
    double a = std::abs(signed_area(polygon.exterior));
    for (const auto& hole : polygon.holes) a -= std::abs(signed_area(hole));
    return a;
}

double area(const MultiPolygon& shape) {
    double a = 0;
    for (const auto& p : shape) a += area(p);
    return a;
}

double length(const Ring& ring) {
    double l = 0;
    for (std::size_t i = 1; i < ring.size(); ++i) l += std::hypot(ring[i].x - ring[i - 1].x, ring[i].y - ring[i - 1].y);
    return l;
}

double perimeter(const MultiPolygon& shape) {
    double l = 0;
    for (const auto& p : shape) {
        l += length(p.exterior);
        for (const auto& h : p.holes) l += length(h);
    }
    return l;
}

Box bounds(const MultiPolygon& shape) {
    Box b;
    for (const auto& p : shape)
        for (const auto& pt : p.exterior) b.expand(pt);
    return b;
}

namespace {
bool ring_contains(const Ring& ring, const Point& p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Point& a = ring[i];
        const Point& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}
} // namespace

bool contains(const Polygon& polygon, const Point& p) {
    if (polygon.exterior.size() < 4 || !ring_contains(polygon.exterior, p)) return false;
    for (const auto& h : polygon.holes)
        if (ring_contains(h, p)) return false;
    return true;
}

bool contains(const MultiPolygon& shape, const Point& p) {
    for (const auto& poly : shape)
        if (contains(poly, p)) return true;
    return false;
}

Point interior_point(const MultiPolygon& shape) {
    // Scan-line through the largest polygon: the midpoint of the widest interior span
    // at the height of its bounding-box centre (then a few other heights) is inside
    // even for concave shapes, unlike the centroid.
    const Polygon* best = nullptr;
    double best_area = -1;
    for (const auto& p : shape) {
        const double a = area(p);
        if (a > best_area) { best_area = a; best = &p; }
    }
    if (!best || best->exterior.empty()) return {};
    Box b;
    for (const auto& pt : best->exterior) b.expand(pt);
    Point found{(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
    double widest = -1;
    for (double f : {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8}) {
        const double y = b.min_y + f * (b.max_y - b.min_y);
        std::vector<double> xs;
        auto cut = [&](const Ring& r) {
            for (std::size_t i = 1; i < r.size(); ++i) {
                const Point& a = r[i - 1];
                const Point& c = r[i];
                if ((a.y > y) != (c.y > y)) xs.push_back(a.x + (y - a.y) * (c.x - a.x) / (c.y - a.y));
            }
        };
        cut(best->exterior);
        for (const auto& h : best->holes) cut(h);
        std::sort(xs.begin(), xs.end());
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
            if (xs[i + 1] - xs[i] > widest) {
                widest = xs[i + 1] - xs[i];
                found = {(xs[i] + xs[i + 1]) / 2, y};
            }
        }
        if (widest > 0 && f == 0.5) break;
    }
    return found;
}

} // namespace lp
