#pragma once
// Plain planar geometry the engine passes around. Coordinates are in the working
// CRS (metres) unless a function says otherwise. Rings are closed (first == last).
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace lp {

struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

using Ring = std::vector<Point>;

struct Polygon {
    Ring exterior;
    std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>;

struct Box {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return min_x > max_x; }
    void expand(const Point& p) {
        min_x = std::min(min_x, p.x); min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x); max_y = std::max(max_y, p.y);
    }
    void expand(const Box& b) {
        if (b.empty()) return;
        min_x = std::min(min_x, b.min_x); min_y = std::min(min_y, b.min_y);
        max_x = std::max(max_x, b.max_x); max_y = std::max(max_y, b.max_y);
    }
    bool intersects(const Box& b) const {
        return !(b.min_x > max_x || b.max_x < min_x || b.min_y > max_y || b.max_y < min_y);
    }
    bool contains(const Point& p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
    Box grown(double d) const { return {min_x - d, min_y - d, max_x + d, max_y + d}; }
}; // struct Box

// Signed area (shoelace): positive for counter-clockwise rings.
double signed_area(const Ring& ring);
double area(const Polygon& polygon);
double area(const MultiPolygon& shape);
double length(const Ring& ring);
double perimeter(const MultiPolygon& shape);
Box bounds(const MultiPolygon& shape);
// Even-odd point in polygon, holes respected.
bool contains(const Polygon& polygon, const Point& p);
bool contains(const MultiPolygon& shape, const Point& p);
// A point inside the shape (on its largest polygon), good for labels.
Point interior_point(const MultiPolygon& shape);

} // namespace lp
