#include <lp/render/zone_mesh.hpp>

#include "geometry/geos_context.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <iterator>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace lp {
namespace {

using detail::GeometryDeleter;
using GeomPtr = detail::GeometryPtr;

// Holes of fewer than four points (left by simplification) are dropped, not refused.
GeomPtr make_polygon(const detail::GeosContext& geos, const Polygon& polygon) {
    const auto small = [](const Ring& hole) { return hole.size() < 4; };
    if (std::none_of(polygon.holes.begin(), polygon.holes.end(), small)) return detail::to_geos(geos, polygon);
    Polygon kept{polygon.exterior, {}};
    std::copy_if(polygon.holes.begin(), polygon.holes.end(), std::back_inserter(kept.holes),
                 [&](const Ring& hole) { return !small(hole); });
    return detail::to_geos(geos, kept);
}

// Quantised endpoints as a map key: 1 mm is far below any real vertex spacing and far
// above the rounding a reprojection leaves on shared vertices.
struct SegmentKey {
    std::int64_t ax, ay, bx, by;
    bool operator==(const SegmentKey&) const = default;
};
struct SegmentKeyHash {
    std::size_t operator()(const SegmentKey& k) const noexcept {
        std::uint64_t h = 1469598103934665603ull;
        for (std::int64_t v : {k.ax, k.ay, k.bx, k.by}) {
            h ^= static_cast<std::uint64_t>(v);
            h *= 1099511628211ull;
        }
        return static_cast<std::size_t>(h);
    }
};

SegmentKey key_of(const Point& p, const Point& q) {
    auto mm = [](double v) { return static_cast<std::int64_t>(std::llround(v * 1000.0)); };
    std::int64_t ax = mm(p.x), ay = mm(p.y), bx = mm(q.x), by = mm(q.y);
    if (std::tie(ax, ay) > std::tie(bx, by)) {
        std::swap(ax, bx);
        std::swap(ay, by);
    }
    return {ax, ay, bx, by};
}

bool in_triangle(const float* t, Point p) {
    auto cross = [&](int i, int j) {
        return (t[2 * j] - t[2 * i]) * (p.y - t[2 * i + 1]) - (t[2 * j + 1] - t[2 * i + 1]) * (p.x - t[2 * i]);
    };
    const double d1 = cross(0, 1), d2 = cross(1, 2), d3 = cross(2, 0);
    const bool has_neg = d1 < 0 || d2 < 0 || d3 < 0;
    const bool has_pos = d1 > 0 || d2 > 0 || d3 > 0;
    return !(has_neg && has_pos);
}

// Appends the triangles of one GEOS (multi)polygon, relative to origin; returns the
// area-weighted centroid sums (cx, cy, area), or false when GEOS gave no triangles.
bool append_triangles(GEOSContextHandle_t h, const GEOSGeometry* geometry, Point o, std::vector<float>& out,
                      double& cx, double& cy, double& area_sum) {
    GeomPtr triangles(GEOSConstrainedDelaunayTriangulation_r(h, geometry), GeometryDeleter{h});
    if (!triangles) {
        // An invalid ring (self-touching after simplification) can defeat the
        // triangulator; a repaired copy usually works.
        GeomPtr valid(GEOSMakeValid_r(h, geometry), GeometryDeleter{h});
        if (valid) triangles.reset(GEOSConstrainedDelaunayTriangulation_r(h, valid.get()));
    }
    if (!triangles) return false;
    const int count = GEOSGetNumGeometries_r(h, triangles.get());
    for (int t = 0; t < count; ++t) {
        const GEOSGeometry* tri = GEOSGetGeometryN_r(h, triangles.get(), t);
        const GEOSGeometry* shell = GEOSGetExteriorRing_r(h, tri);
        const GEOSCoordSequence* seq = shell ? GEOSGeom_getCoordSeq_r(h, shell) : nullptr;
        unsigned size = 0;
        if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &size) || size < 3) continue;
        double x[3], y[3];
        for (unsigned i = 0; i < 3; ++i) GEOSCoordSeq_getXY_r(h, seq, i, &x[i], &y[i]);
        for (unsigned i = 0; i < 3; ++i) {
            out.push_back(static_cast<float>(x[i] - o.x));
            out.push_back(static_cast<float>(y[i] - o.y));
        }
        const double a = std::abs((x[1] - x[0]) * (y[2] - y[0]) - (x[2] - x[0]) * (y[1] - y[0])) / 2;
        cx += a * (x[0] + x[1] + x[2]) / 3;
        cy += a * (y[0] + y[1] + y[2]) / 3;
        area_sum += a;
    }
    return true;
}

} // namespace

ZoneMesh build_zone_mesh(const std::vector<MultiPolygon>& shapes, const std::vector<std::string>& ids,
                         std::vector<double> level_tolerances,
                         const std::function<void(std::size_t done, std::size_t total)>& progress) {
    ZoneMesh mesh;
    Box all;
    for (const MultiPolygon& shape : shapes) all.expand(bounds(shape));
    if (!all.empty()) mesh.origin = {std::floor((all.min_x + all.max_x) / 2), std::floor((all.min_y + all.max_y) / 2)};
    const Point o = mesh.origin;
    if (level_tolerances.empty() && !all.empty()) {
        const double side = std::max(all.max_x - all.min_x, all.max_y - all.min_y);
        level_tolerances = {side / 4000, side / 1500, side / 600};
    }
    for (double tolerance : level_tolerances) {
        ZoneMesh::Level level;
        level.tolerance = tolerance;
        level.first_vertex.resize(shapes.size());
        level.vertex_count.resize(shapes.size());
        mesh.levels.push_back(std::move(level));
    }

    detail::GeosContext geos;
    GEOSContextHandle_t h = geos.get();
    std::unordered_map<SegmentKey, std::size_t, SegmentKeyHash> seen; // segment -> index
    const std::size_t n = shapes.size();
    mesh.first_vertex.resize(n);
    mesh.vertex_count.resize(n);
    mesh.boxes.resize(n);
    mesh.centres.resize(n);
    mesh.areas.resize(n);

    for (std::size_t z = 0; z < n; ++z) {
        if (progress && z % 64 == 0) progress(z, n);
        mesh.first_vertex[z] = static_cast<std::uint32_t>(mesh.triangles.size() / 2);
        double cx = 0, cy = 0, area_sum = 0;
        for (ZoneMesh::Level& level : mesh.levels) {
            level.first_vertex[z] = static_cast<std::uint32_t>(level.triangles.size() / 2);
        }
        for (const Polygon& polygon : shapes[z]) {
            if (polygon.exterior.size() < 4) continue;
            GeomPtr geometry;
            try {
                geometry = make_polygon(geos, polygon);
            } catch (const Error&) { // the zone is listed below with GEOS's message, and drawn without it
            }
            if (!geometry || !append_triangles(h, geometry.get(), o, mesh.triangles, cx, cy, area_sum)) {
                mesh.failures.push_back((z < ids.size() ? ids[z] : "zone #" + std::to_string(z)) + ": " +
                                        geos.take_error());
                continue;
            }
            double ignore_x = 0, ignore_y = 0, ignore_a = 0;
            for (ZoneMesh::Level& level : mesh.levels) {
                GeomPtr simple(GEOSTopologyPreserveSimplify_r(h, geometry.get(), level.tolerance), GeometryDeleter{h});
                if (!simple || !append_triangles(h, simple.get(), o, level.triangles, ignore_x, ignore_y, ignore_a)) {
                    // Fall back to the full triangles of this polygon.
                    append_triangles(h, geometry.get(), o, level.triangles, ignore_x, ignore_y, ignore_a);
                }
            }
        }
        for (ZoneMesh::Level& level : mesh.levels) {
            level.vertex_count[z] = static_cast<std::uint32_t>(level.triangles.size() / 2) - level.first_vertex[z];
        }
        mesh.vertex_count[z] = static_cast<std::uint32_t>(mesh.triangles.size() / 2) - mesh.first_vertex[z];
        Box box;
        for (const Polygon& polygon : shapes[z]) {
            auto add_ring = [&](const Ring& ring) {
                for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                    box.expand(Point{ring[i].x - o.x, ring[i].y - o.y});
                    const SegmentKey key = key_of(ring[i], ring[i + 1]);
                    if (key.ax == key.bx && key.ay == key.by) continue;
                    const auto [it, inserted] = seen.emplace(key, mesh.segment_left.size());
                    if (inserted) {
                        mesh.segments.insert(mesh.segments.end(),
                                             {static_cast<float>(ring[i].x - o.x), static_cast<float>(ring[i].y - o.y),
                                              static_cast<float>(ring[i + 1].x - o.x),
                                              static_cast<float>(ring[i + 1].y - o.y)});
                        mesh.segment_left.push_back(static_cast<std::int32_t>(z));
                        mesh.segment_right.push_back(-1);
                    } else if (mesh.segment_left[it->second] != static_cast<std::int32_t>(z)) {
                        mesh.segment_right[it->second] = static_cast<std::int32_t>(z);
                    }
                }
            };
            add_ring(polygon.exterior);
            for (const Ring& hole : polygon.holes) add_ring(hole);
        }
        mesh.boxes[z] = box;
        mesh.extent.expand(box);
        mesh.areas[z] = area_sum;
        mesh.centres[z] = area_sum > 0 ? Point{cx / area_sum - o.x, cy / area_sum - o.y}
                                       : Point{(box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2};
    }
    mesh.index_for_picking();
    if (progress) progress(n, n);
    return mesh;
}

void ZoneMesh::index_for_picking() {
    pick_grid = PickGrid{};
    if (boxes.empty() || extent.empty()) return;
    // About one cell per zone, square-ish cells.
    const double w = std::max(extent.max_x - extent.min_x, 1e-9), h = std::max(extent.max_y - extent.min_y, 1e-9);
    const double side = std::sqrt(w * h / static_cast<double>(boxes.size()));
    PickGrid grid;
    grid.columns = std::clamp(static_cast<int>(std::ceil(w / side)), 1, 1024);
    grid.rows = std::clamp(static_cast<int>(std::ceil(h / side)), 1, 1024);
    grid.cell_w = w / grid.columns;
    grid.cell_h = h / grid.rows;
    const auto cells = [&](const Box& b, auto&& each) {
        if (b.empty()) return;
        const int c0 = std::clamp(static_cast<int>((b.min_x - extent.min_x) / grid.cell_w), 0, grid.columns - 1);
        const int c1 = std::clamp(static_cast<int>((b.max_x - extent.min_x) / grid.cell_w), 0, grid.columns - 1);
        const int r0 = std::clamp(static_cast<int>((b.min_y - extent.min_y) / grid.cell_h), 0, grid.rows - 1);
        const int r1 = std::clamp(static_cast<int>((b.max_y - extent.min_y) / grid.cell_h), 0, grid.rows - 1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) each(static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.columns) + static_cast<std::size_t>(c));
    };
    const std::size_t cell_count = static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows);
    grid.first.assign(cell_count + 1, 0);
    for (const Box& b : boxes) cells(b, [&](std::size_t cell) { ++grid.first[cell + 1]; });
    for (std::size_t c = 0; c < cell_count; ++c) grid.first[c + 1] += grid.first[c];
    grid.zones.resize(grid.first[cell_count]);
    std::vector<std::uint32_t> fill(grid.first.begin(), grid.first.end() - 1);
    for (std::size_t z = 0; z < boxes.size(); ++z) cells(boxes[z], [&](std::size_t cell) { grid.zones[fill[cell]++] = static_cast<std::uint32_t>(z); });
    pick_grid = std::move(grid);
}

int ZoneMesh::zone_at(Point p) const {
    const auto holds = [&](std::size_t z) {
        if (!boxes[z].contains(p)) return false;
        const float* t = triangles.data() + 2 * static_cast<std::size_t>(first_vertex[z]);
        for (std::uint32_t v = 0; v < vertex_count[z]; v += 3, t += 6) {
            if (in_triangle(t, p)) return true;
        }
        return false;
    };
    if (pick_grid.columns == 0) {
        for (std::size_t z = 0; z < boxes.size(); ++z)
            if (holds(z)) return static_cast<int>(z);
        return -1;
    }
    // A zone holding p has a box holding p, so it is listed in p's cell (in zone order).
    if (!extent.contains(p)) return -1;
    const int c = std::clamp(static_cast<int>((p.x - extent.min_x) / pick_grid.cell_w), 0, pick_grid.columns - 1);
    const int r = std::clamp(static_cast<int>((p.y - extent.min_y) / pick_grid.cell_h), 0, pick_grid.rows - 1);
    const std::size_t cell = static_cast<std::size_t>(r) * static_cast<std::size_t>(pick_grid.columns) + static_cast<std::size_t>(c);
    for (std::uint32_t i = pick_grid.first[cell]; i < pick_grid.first[cell + 1]; ++i)
        if (holds(pick_grid.zones[i])) return static_cast<int>(pick_grid.zones[i]);
    return -1;
}

std::vector<std::uint32_t> ZoneMesh::zones_near(Point p, double radius) const {
    std::vector<std::uint32_t> found;
    const int under = zone_at(p);
    if (under >= 0) found.push_back(static_cast<std::uint32_t>(under));
    const double r2 = radius * radius;
    for (std::size_t z = 0; z < centres.size(); ++z) {
        if (static_cast<int>(z) == under) continue;
        const double dx = centres[z].x - p.x, dy = centres[z].y - p.y;
        if (dx * dx + dy * dy <= r2) found.push_back(static_cast<std::uint32_t>(z));
    }
    return found;
}

} // namespace lp
