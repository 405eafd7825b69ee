#pragma once
// What a map renderer needs from a zone layer, computed once: every zone cut into
// triangles (GEOS constrained Delaunay, holes respected) and every boundary segment
// with the zone on each side, so locality boundaries are the segments whose two sides
// lie in different localities. Coordinates are floats relative to `origin` so a GPU can
// take them as they are; picking (which zone is under a point) works on the same data.
#include <lp/core/geometry.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lp {

struct ZoneMesh {
    Point origin;                             // working CRS point subtracted from every vertex
    std::vector<float> triangles;             // x,y per vertex, three vertices per triangle
    std::vector<std::uint32_t> first_vertex;  // per zone: its first vertex in `triangles` (zone order)
    std::vector<std::uint32_t> vertex_count;  // per zone: vertices (3 x triangles)
    std::vector<Box> boxes;                   // per zone, relative to origin
    std::vector<Point> centres;               // per zone: area-weighted centroid of its triangles, relative
    std::vector<double> areas;                // per zone: area of its triangles (m2)

    // The same zones simplified (GEOS topology-preserving) and triangulated again, finest
    // first: for views where a pixel is wider than a level's tolerance, so the difference
    // cannot be seen but the triangle count drops several-fold.
    struct Level {
        double tolerance = 0;                     // metres
        std::vector<float> triangles;             // as `triangles`
        std::vector<std::uint32_t> first_vertex;  // per zone
        std::vector<std::uint32_t> vertex_count;  // per zone
    };
    std::vector<Level> levels;

    std::vector<float> segments;              // x,y,x,y per boundary segment
    std::vector<std::int32_t> segment_left;   // zone on one side
    std::vector<std::int32_t> segment_right;  // zone on the other, -1 when outside every zone
    Box extent;                               // of the whole layer, relative to origin
    std::vector<std::string> failures;        // zones GEOS could not triangulate (drawn unfilled)

    std::size_t zone_count() const { return first_vertex.size(); }
    std::size_t vertex_total() const { return triangles.size() / 2; }
    std::size_t segment_total() const { return segment_left.size(); }

    // For picking: a grid over `extent` listing per cell, in zone order, the zones whose
    // boxes meet it, so zone_at() tests the few zones of one cell rather than every zone
    // (map labels test dozens of points a frame while a plan is edited: 7,000 zones for
    // all of Scotland). Built by build_zone_mesh; empty in a mesh put together by hand,
    // where zone_at() tests every zone.
    struct PickGrid {
        int columns = 0, rows = 0;
        double cell_w = 0, cell_h = 0;
        std::vector<std::uint32_t> first;  // per cell (row-major), then the end: into `zones`
        std::vector<std::uint32_t> zones;
    };
    PickGrid pick_grid;

    // Zone containing the point (relative coordinates), -1 for none: the first in zone
    // order whose triangles hold it.
    int zone_at(Point p) const;
    // Fills pick_grid from the boxes and the extent.
    void index_for_picking();
    // Zones whose centre lies within radius of p, plus the zone under p.
    std::vector<std::uint32_t> zones_near(Point p, double radius) const;
}; // struct ZoneMesh

// shapes: one per zone in the working CRS; ids name zones in failures.
// level_tolerances: metres for each simplified level; empty picks 1/4000, 1/1500 and
// 1/600 of the layer's larger side (about 0.25, 0.65 and 1.6 km for Scotland).
// progress (optional): zones triangulated of all, every few dozen zones and at the end
// (a second on all of Scotland: the viewer's loading screen shows it).
ZoneMesh build_zone_mesh(const std::vector<MultiPolygon>& shapes, const std::vector<std::string>& ids,
                         std::vector<double> level_tolerances = {},
                         const std::function<void(std::size_t done, std::size_t total)>& progress = {});

} // namespace lp
