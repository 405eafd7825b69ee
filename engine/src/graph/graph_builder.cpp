#include <lp/core/error.hpp>
#include <lp/graph/graph_builder.hpp>
#include <lp/io/zone_layer.hpp>

#include "core/disjoint_sets.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace lp {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

// std::hypot guards against overflow we cannot have with coordinates in metres, at several times the cost.
inline double norm(double x, double y) { return std::sqrt(x * x + y * y); }

using BgPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BgBox = bg::model::box<BgPoint>;

struct Segment {
    Point p;
    Point q;
    std::uint32_t zone;
};

// Beyond this angle two boundary pieces are not the same border (they cross or meet at a corner).
constexpr double max_sine_between_borders = 0.35;

// Length along s over which t runs within tol of s, nearly parallel to it.
double shared_run(const Segment& s, const Segment& t, double tol) {
    const double dx = s.q.x - s.p.x, dy = s.q.y - s.p.y;
    const double len = norm(dx, dy);
    const double tx = t.q.x - t.p.x, ty = t.q.y - t.p.y;
    const double tlen = norm(tx, ty);
    if (len <= 0 || tlen <= 0) return 0;
    const double ux = dx / len, uy = dy / len;
    if (std::abs(ux * ty - uy * tx) / tlen > max_sine_between_borders) return 0;
    double ua = (t.p.x - s.p.x) * ux + (t.p.y - s.p.y) * uy;
    double da = -(t.p.x - s.p.x) * uy + (t.p.y - s.p.y) * ux;
    double ub = (t.q.x - s.p.x) * ux + (t.q.y - s.p.y) * uy;
    double db = -(t.q.x - s.p.x) * uy + (t.q.y - s.p.y) * ux;
    if (ub < ua) {
        std::swap(ua, ub);
        std::swap(da, db);
    }
    double lo = std::max(0.0, ua), hi = std::min(len, ub);
    if (hi <= lo || ub - ua <= 0) return 0;
    // Offset from s varies linearly along t; keep the part within tol.
    const double slope = (db - da) / (ub - ua);
    auto clip = [&](double bound, bool upper) {
        // upper: d(u) <= bound, else d(u) >= bound, where d(u) = da + slope (u - ua)
        if (slope == 0) {
            if (upper ? da > bound : da < bound) hi = lo;
            return;
        }
        const double u = ua + (bound - da) / slope;
        const bool keep_below = upper == (slope > 0);
        if (keep_below) hi = std::min(hi, u);
        else lo = std::max(lo, u);
    };
    clip(tol, true);
    clip(-tol, false);
    return std::max(0.0, hi - lo);
}

double point_segment_distance(const Point& p, const Point& a, const Point& b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double l2 = dx * dx + dy * dy;
    double t = l2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return norm(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

double segment_distance(const Segment& s, const Segment& t) {
    auto orient = [](const Point& a, const Point& b, const Point& c) {
        return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    };
    const double o1 = orient(s.p, s.q, t.p), o2 = orient(s.p, s.q, t.q);
    const double o3 = orient(t.p, t.q, s.p), o4 = orient(t.p, t.q, s.q);
    if (((o1 > 0) != (o2 > 0)) && ((o3 > 0) != (o4 > 0))) return 0;
    return std::min({point_segment_distance(t.p, s.p, s.q), point_segment_distance(t.q, s.p, s.q),
                     point_segment_distance(s.p, t.p, t.q), point_segment_distance(s.q, t.p, t.q)});
}

std::vector<Segment> boundary_segments(const ZoneLayer& zones) {
    std::vector<Segment> out;
    for (std::uint32_t z = 0; z < zones.size(); ++z) {
        auto add = [&](const Ring& r) {
            for (std::size_t i = 1; i < r.size(); ++i)
                if (!(r[i - 1] == r[i])) out.push_back({r[i - 1], r[i], z});
        };
        for (const auto& poly : zones.shapes[z]) {
            add(poly.exterior);
            for (const auto& h : poly.holes) add(h);
        }
    }
    return out;
}

struct PairStats {
    double length = 0;
    bool touches = false;
};

struct SharedBoundaries {
    std::vector<std::pair<std::uint64_t, PairStats>> pairs; // key: zone_a << 32 | zone_b, a < b; sorted, unique
    std::vector<double> matched;                         // per segment: length shared with other zones
};

// The extent of a layer without its outliers: on each side, the value that all but
// 1 + n/200 zones reach. A vertex typed ten or a million times too large does not
// stretch it.
Box robust_extent(const std::vector<Box>& all) {
    Box out;
    std::vector<Box> boxes;
    for (const Box& b : all)
        if (!b.empty()) boxes.push_back(b);
    if (boxes.empty()) return out;
    const std::size_t n = boxes.size();
    const std::size_t trim = n >= 3 ? std::min(n - 1, 1 + n / 200) : 0;
    std::vector<double> v(n);
    auto nth = [&](auto value, bool largest) {
        for (std::size_t i = 0; i < n; ++i) v[i] = largest ? -value(boxes[i]) : value(boxes[i]);
        std::nth_element(v.begin(), v.begin() + trim, v.end());
        return largest ? -v[trim] : v[trim];
    };
    out.min_x = nth([](const Box& b) { return b.min_x; }, false);
    out.min_y = nth([](const Box& b) { return b.min_y; }, false);
    out.max_x = nth([](const Box& b) { return b.max_x; }, true);
    out.max_y = nth([](const Box& b) { return b.max_y; }, true);
    return out;
}

std::string number_text(double v) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", v);
    return buffer;
}

// A zone this many times the layer's robust size beyond it holds a mistyped coordinate:
// no partnership's zone reaches two orders of magnitude past all the others.
constexpr double absurd_reach = 100.0;

// Refuses, before anything is allocated per segment, the layers whose coordinates would
// make the search unbounded: a zone reaching absurdly far beyond the others (a typo in
// a vertex), or zones smaller than the snap distance (longitude/latitude degrees in a
// layer declared in metres, where every boundary is "within" the snap of every other).
void check_extents(const ZoneLayer& zones, const std::vector<Box>& boxes, const Box& robust, double tol) {
    const std::string crs = zones.working_crs.empty() ? std::string("the layer's CRS") : zones.working_crs;
    for (std::size_t z = 0; z < zones.size(); ++z) {
        const Box& b = boxes[z];
        if (b.empty()) continue;
        if (!std::isfinite(b.min_x) || !std::isfinite(b.min_y) || !std::isfinite(b.max_x) || !std::isfinite(b.max_y))
            throw Error(ErrorKind::bad_geometry, zones.source + ": zone " + zones.ids[z] + " has a coordinate that is not a finite number");
    }
    if (zones.size() < 3) return;
    const double span = std::max(robust.max_x - robust.min_x, robust.max_y - robust.min_y);
    if (span > 0) {
        for (std::size_t z = 0; z < zones.size(); ++z) {
            const Box& b = boxes[z];
            if (b.empty()) continue;
            const double reach = std::max({robust.min_x - b.min_x, b.max_x - robust.max_x, robust.min_y - b.min_y,
                                           b.max_y - robust.max_y});
            if (reach > absurd_reach * span)
                throw Error(ErrorKind::bad_geometry,
                            zones.source + ": zone " + zones.ids[z] + " reaches " + number_text(reach) +
                                " units beyond the other zones (which lie within x " + number_text(robust.min_x) + ".." +
                                number_text(robust.max_x) + ", y " + number_text(robust.min_y) + ".." +
                                number_text(robust.max_y) + "; its extent is x " + number_text(b.min_x) + ".." +
                                number_text(b.max_x) + ", y " + number_text(b.min_y) + ".." + number_text(b.max_y) +
                                "): a mistyped coordinate?");
        }
    }
    auto size_of = [&](std::size_t z) {
        return std::max(boxes[z].max_x - boxes[z].min_x, boxes[z].max_y - boxes[z].min_y);
    };
    std::vector<double> sizes;
    for (std::size_t z = 0; z < zones.size(); ++z)
        if (!boxes[z].empty()) sizes.push_back(size_of(z));
    if (sizes.empty()) return;
    std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
    const double median = sizes[sizes.size() / 2];
    // Under a metre is no zone in a metric CRS either (and 1 unit is the grid's smallest cell).
    const double smallest = std::max(tol, 1.0);
    if (median < smallest) {
        std::size_t first_small = 0;
        while (first_small + 1 < zones.size() && (boxes[first_small].empty() || size_of(first_small) >= smallest))
            ++first_small;
        const bool like_degrees = robust.min_x >= -180 && robust.max_x <= 180 && robust.min_y >= -90 && robust.max_y <= 90;
        throw Error(ErrorKind::crs_problem,
                    zones.source + ": zone " + zones.ids[first_small] + " and half the zones are smaller (median " +
                        number_text(median) + " units across) than " +
                        (tol >= 1.0 ? "the snap distance " + number_text(tol) : std::string("1 metre")) + " in " + crs +
                        (like_degrees ? "; the coordinates look like longitude/latitude degrees in a layer "
                                        "declared in metres (declare its real CRS, e.g. ogr2ogr -a_srs EPSG:4326)"
                                      : "; are the coordinates in the units the layer declares?"));
    }
}

// A segment whose grown box covers more grid cells than this is kept out of the grid
// (it would fill a cell entry per cell it crosses) and found through an R-tree.
constexpr std::int64_t max_cells_per_segment = 64;

// Finds which segments of different zones run along each other. Segments are bucketed
// in a uniform grid (flat, sorted: cache-friendly and far cheaper than an R-tree here);
// a pair is tested only in the cell holding the lower-left corner of the overlap of
// their grown boxes, so each pair is seen once. The few segments longer than
// max_cells_per_segment cells (a straight shore across a loch, or a mistyped vertex)
// are met through an R-tree of their boxes instead, so the work stays bounded by the
// number of segments.
SharedBoundaries shared_boundaries(const std::vector<Segment>& segments, const Box& robust, double tol,
                                   bool want_touches) {
    SharedBoundaries out;
    out.matched.assign(segments.size(), 0.0);
    if (segments.empty()) return out;
    Box extent;
    std::vector<double> lengths;
    lengths.reserve(segments.size());
    for (const auto& s : segments) {
        extent.expand(s.p);
        extent.expand(s.q);
        lengths.push_back(norm(s.q.x - s.p.x, s.q.y - s.p.y));
    }
    std::vector<double> sorted = lengths;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() * 3 / 4, sorted.end());
    // Cells about as long as most segments, and at most 60000 across the layer; a few
    // outlying vertices do not make every cell coarse (the robust extent sizes them).
    double span = std::max(extent.max_x - extent.min_x, extent.max_y - extent.min_y) + 4 * tol;
    const double robust_span = std::max(robust.max_x - robust.min_x, robust.max_y - robust.min_y) + 4 * tol;
    if (span > 2 * robust_span) span = robust_span;
    const double cell = std::max({sorted[sorted.size() * 3 / 4], 8 * tol, 1.0, span / 60000.0});
    const double ox = extent.min_x - 2 * tol, oy = extent.min_y - 2 * tol;
    auto cell_of = [&](double v, double o) {
        return static_cast<std::int64_t>(std::clamp(std::floor((v - o) / cell), -1e18, 1e18));
    };
    // Cell keys wrap every 65536 cells each way: 32 bits for any extent, and cells a
    // segment's box covers never share a key, so each pair is still tested once. (At
    // most 60000 columns across the robust extent: no wrap at all for sound data.)
    auto key_of = [](std::int64_t cx, std::int64_t cy) {
        return (static_cast<std::uint64_t>(cy & 0xffff) << 16) | static_cast<std::uint64_t>(cx & 0xffff);
    };

    struct Grown {
        double min_x, min_y, max_x, max_y;
    };
    std::vector<Grown> grown(segments.size());
    std::vector<std::uint32_t> long_segments;
    std::vector<char> is_long(segments.size(), 0);
    // (cell << 32 | segment) in one word: half the memory of pairs, and sorts faster.
    std::vector<std::uint64_t> entries;
    entries.reserve(segments.size() * 3);
    for (std::uint32_t i = 0; i < segments.size(); ++i) {
        const auto& s = segments[i];
        grown[i] = {std::min(s.p.x, s.q.x) - tol, std::min(s.p.y, s.q.y) - tol, std::max(s.p.x, s.q.x) + tol,
                    std::max(s.p.y, s.q.y) + tol};
        const std::int64_t x0 = cell_of(grown[i].min_x, ox), x1 = cell_of(grown[i].max_x, ox);
        const std::int64_t y0 = cell_of(grown[i].min_y, oy), y1 = cell_of(grown[i].max_y, oy);
        if (x1 - x0 >= max_cells_per_segment || y1 - y0 >= max_cells_per_segment ||
            (x1 - x0 + 1) * (y1 - y0 + 1) > max_cells_per_segment) {
            long_segments.push_back(i);
            is_long[i] = 1;
            continue;
        }
        for (std::int64_t cy = y0; cy <= y1; ++cy)
            for (std::int64_t cx = x0; cx <= x1; ++cx) entries.push_back((key_of(cx, cy) << 32) | i);
    }
    std::sort(entries.begin(), entries.end());

    auto test_pair = [&](std::uint32_t a, std::uint32_t j) {
        if (segments[a].zone > segments[j].zone) std::swap(a, j);
        const Segment& s = segments[a];
        const Segment& t = segments[j];
        const std::uint64_t key = (std::uint64_t(s.zone) << 32) | t.zone;
        const double run = shared_run(s, t, tol);
        if (run > 0) {
            // Contributions are collected flat and summed per pair after a sort:
            // cheaper than a hash map hit per segment pair.
            out.pairs.push_back({key, {run, true}});
            out.matched[a] += run;
            out.matched[j] += std::min(run, lengths[j]);
        } else if (want_touches && segment_distance(s, t) <= tol) {
            out.pairs.push_back({key, {0.0, true}});
        }
    };

    for (std::size_t begin = 0; begin < entries.size();) {
        const std::uint64_t here = entries[begin] >> 32;
        std::size_t end = begin;
        while (end < entries.size() && (entries[end] >> 32) == here) ++end;
        for (std::size_t x = begin; x < end; ++x) {
            const auto i = static_cast<std::uint32_t>(entries[x]);
            for (std::size_t y = x + 1; y < end; ++y) {
                const auto j = static_cast<std::uint32_t>(entries[y]);
                if (segments[i].zone == segments[j].zone) continue;
                const Grown& ga = grown[i];
                const Grown& gb = grown[j];
                const double lo_x = std::max(ga.min_x, gb.min_x), lo_y = std::max(ga.min_y, gb.min_y);
                if (lo_x > std::min(ga.max_x, gb.max_x) || lo_y > std::min(ga.max_y, gb.max_y)) continue;
                if (key_of(cell_of(lo_x, ox), cell_of(lo_y, oy)) != here) continue;
                test_pair(i, j);
            }
        }
        begin = end;
    }

    if (!long_segments.empty()) {
        // Every segment meets the long ones through their boxes: a pair with one long
        // segment is found once, from the other; two long ones from the lower index.
        using Entry = std::pair<BgBox, std::uint32_t>;
        std::vector<Entry> boxes;
        boxes.reserve(long_segments.size());
        for (auto i : long_segments)
            boxes.push_back({BgBox({grown[i].min_x, grown[i].min_y}, {grown[i].max_x, grown[i].max_y}), i});
        const bgi::rtree<Entry, bgi::quadratic<16>> tree(boxes.begin(), boxes.end());
        std::vector<Entry> found;
        for (std::uint32_t i = 0; i < segments.size(); ++i) {
            found.clear();
            tree.query(bgi::intersects(BgBox({grown[i].min_x, grown[i].min_y}, {grown[i].max_x, grown[i].max_y})),
                       std::back_inserter(found));
            std::sort(found.begin(), found.end(), [](const Entry& x, const Entry& y) { return x.second < y.second; });
            for (const auto& [box, j] : found) {
                if (j == i || (is_long[i] && j < i) || segments[i].zone == segments[j].zone) continue;
                test_pair(i, j);
            }
        }
    }

    std::sort(out.pairs.begin(), out.pairs.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::size_t kept = 0;
    for (std::size_t i = 0; i < out.pairs.size(); ++i) {
        if (kept > 0 && out.pairs[kept - 1].first == out.pairs[i].first) {
            out.pairs[kept - 1].second.length += out.pairs[i].second.length;
            out.pairs[kept - 1].second.touches = true;
        } else {
            out.pairs[kept++] = out.pairs[i];
        }
    }
    out.pairs.resize(kept);
    return out;
}


double zone_distance(const ZoneLayer& zones, std::uint32_t a, std::uint32_t b) {
    double best = std::numeric_limits<double>::infinity();
    auto one_way = [&](std::uint32_t from, std::uint32_t to) {
        for (const auto& pa : zones.shapes[from])
            for (const auto& pb : zones.shapes[to])
                for (const auto& p : pa.exterior)
                    for (std::size_t i = 1; i < pb.exterior.size(); ++i)
                        best = std::min(best, point_segment_distance(p, pb.exterior[i - 1], pb.exterior[i]));
    };
    one_way(a, b);
    one_way(b, a);
    return best;
}

// Land components, each with an R-tree of its vertices, for shortest hops between them.
struct Component {
    std::vector<std::pair<BgPoint, std::uint32_t>> vertices; // (vertex, zone)
    Box box;
    bool all_outline = false; // no coastline: every segment of its outline is a vertex source
    bgi::rtree<std::pair<BgPoint, std::uint32_t>, bgi::quadratic<16>> tree;
};

struct Hop {
    double distance = std::numeric_limits<double>::infinity();
    std::uint32_t a = 0, b = 0; // zones
};

double box_distance(const Box& x, const Box& y) {
    const double dx = std::max({0.0, x.min_x - y.max_x, y.min_x - x.max_x});
    const double dy = std::max({0.0, x.min_y - y.max_y, y.min_y - x.max_y});
    return norm(dx, dy);
}

// Shortest vertex-to-vertex hop from the smaller component into the larger one, only
// looking at vertices that could beat `bound`.
Hop shortest_hop(const Component& c, const Component& d, double bound) {
    const bool c_small = c.vertices.size() <= d.vertices.size();
    const Component& small = c_small ? c : d;
    const Component& large = c_small ? d : c;
    Hop best;
    best.distance = bound;
    std::vector<std::pair<BgPoint, std::uint32_t>> found;
    for (const auto& [p, zone] : small.vertices) {
        const Point pt{bg::get<0>(p), bg::get<1>(p)};
        Box single;
        single.expand(pt);
        if (box_distance(single, large.box) >= best.distance) continue;
        found.clear();
        if (std::isfinite(best.distance)) {
            // Once a hop is known, only a closer vertex matters: a box query that
            // usually finds nothing is far cheaper than an open nearest search.
            const BgBox near({pt.x - best.distance, pt.y - best.distance}, {pt.x + best.distance, pt.y + best.distance});
            large.tree.query(bgi::intersects(near) && bgi::nearest(p, 1), std::back_inserter(found));
        } else {
            large.tree.query(bgi::nearest(p, 1), std::back_inserter(found));
        }
        if (found.empty()) continue;
        const double dist = bg::distance(p, found[0].first);
        const std::uint32_t za = c_small ? zone : found[0].second, zb = c_small ? found[0].second : zone;
        if (dist < best.distance || (dist == best.distance && std::make_pair(za, zb) < std::make_pair(best.a, best.b)))
            best = {dist, za, zb};
    }
    return best;
}

// Borůvka over land components: each group but the largest links to its nearest other
// group by the shortest hop, until one group remains. Hops between original components
// are computed at most once, pruned by bounding-box distance.
void join_components(const ZoneLayer& zones, const std::vector<Segment>& segments, const std::vector<double>& matched,
                     double max_metres, detail::DisjointSets& uf, std::vector<Crossing>& crossings) {
    std::unordered_map<std::uint32_t, std::uint32_t> index_of_root;
    std::vector<Component> comps;
    std::vector<std::uint32_t> comp_of(zones.size());
    for (std::uint32_t z = 0; z < zones.size(); ++z) {
        const std::uint32_t root = uf.find(z);
        auto [it, fresh] = index_of_root.emplace(root, static_cast<std::uint32_t>(comps.size()));
        if (fresh) comps.emplace_back();
        comp_of[z] = it->second;
        comps[it->second].box.expand(zones.boxes[z]);
    }
    // Only coastline takes part in a hop: a segment that runs along another zone is inland,
    // and the nearest point of an island group to another is on its coast.
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const double len = norm(segments[i].q.x - segments[i].p.x, segments[i].q.y - segments[i].p.y);
        if (matched[i] >= 0.9 * len) continue;
        Component& c = comps[comp_of[segments[i].zone]];
        c.vertices.push_back({BgPoint(segments[i].p.x, segments[i].p.y), segments[i].zone});
        c.vertices.push_back({BgPoint(segments[i].q.x, segments[i].q.y), segments[i].zone});
    }
    // A component that is all shared border has no coastline (two identical zones on their
    // own): its whole outline takes part, or no hop could ever reach it.
    for (std::size_t i = 0; i < segments.size(); ++i) {
        Component& c = comps[comp_of[segments[i].zone]];
        if (!c.vertices.empty() && !c.all_outline) continue;
        c.all_outline = true;
        c.vertices.push_back({BgPoint(segments[i].p.x, segments[i].p.y), segments[i].zone});
        c.vertices.push_back({BgPoint(segments[i].q.x, segments[i].q.y), segments[i].zone});
    }
    if (comps.size() <= 1) return;
    for (auto& c : comps) c.tree = decltype(c.tree)(c.vertices.begin(), c.vertices.end());

    std::vector<std::uint32_t> representative(comps.size()); // a zone in each component
    for (std::uint32_t z = zones.size(); z-- > 0;) representative[comp_of[z]] = z;
    std::map<std::pair<std::uint32_t, std::uint32_t>, Hop> memo;
    auto hop = [&](std::uint32_t i, std::uint32_t j) {
        const auto key = std::minmax(i, j);
        auto it = memo.find(key);
        if (it == memo.end()) it = memo.emplace(key, shortest_hop(comps[key.first], comps[key.second],
                                                                  std::numeric_limits<double>::infinity())).first;
        return it->second;
    };

    for (;;) {
        std::map<std::uint32_t, std::vector<std::uint32_t>> groups; // union-find root -> components
        for (std::uint32_t c = 0; c < comps.size(); ++c) groups[uf.find(representative[c])].push_back(c);
        if (groups.size() <= 1) return;
        auto weight = [&](const std::vector<std::uint32_t>& g) {
            std::size_t n = 0;
            for (auto c : g) n += comps[c].vertices.size();
            return n;
        };
        std::uint32_t largest = groups.begin()->first;
        for (const auto& [root, g] : groups)
            if (weight(g) > weight(groups[largest])) largest = root;
        std::vector<Hop> links;
        for (const auto& [root, g] : groups) {
            if (root == largest) continue;
            std::vector<std::pair<double, std::pair<std::uint32_t, std::uint32_t>>> candidates;
            for (auto c : g)
                for (std::uint32_t d = 0; d < comps.size(); ++d)
                    if (uf.find(representative[d]) != root)
                        candidates.push_back({box_distance(comps[c].box, comps[d].box), {c, d}});
            std::sort(candidates.begin(), candidates.end());
            Hop best;
            for (const auto& [lower_bound, pair] : candidates) {
                if (lower_bound > best.distance) break;
                const Hop h = hop(pair.first, pair.second);
                if (h.distance < best.distance ||
                    (h.distance == best.distance && std::minmax(h.a, h.b) < std::minmax(best.a, best.b)))
                    best = h;
            }
            links.push_back(best);
        }
        std::sort(links.begin(), links.end(), [](const Hop& x, const Hop& y) {
            return std::tie(x.distance, x.a, x.b) < std::tie(y.distance, y.a, y.b);
        });
        bool joined = false;
        for (const auto& link : links) {
            // Beyond the cap the two stay apart: no ferry runs 6,858 km (a zone misplaced across the
            // globe); the group is not joined to anything further either, its nearest being too far.
            if (!std::isfinite(link.distance) || link.distance > max_metres) continue;
            if (!uf.unite(link.a, link.b)) continue; // two groups chose each other
            joined = true;
            crossings.push_back({std::min(link.a, link.b), std::max(link.a, link.b), link.distance, false,
                                 "nearest component"});
        }
        if (!joined) return; // nothing left to reach (a component without an outline): never loop
    }
}

} // namespace

ContiguityGraph build_contiguity_graph(const ZoneLayer& zones, const GraphOptions& options,
                                       const std::vector<UserCrossing>& user, const std::function<void(int)>& steps) {
    if (steps) steps(0);
    // Measured from the shapes: the layer's boxes may be missing in a layer built in memory.
    std::vector<Box> boxes(zones.size());
    for (std::size_t z = 0; z < zones.size(); ++z) boxes[z] = bounds(zones.shapes[z]);
    const Box robust = robust_extent(boxes);
    check_extents(zones, boxes, robust, options.snap_tolerance);
    const auto segments = boundary_segments(zones);
    const bool queen = options.adjacency == Adjacency::queen;
    if (steps) steps(1);
    const auto shared = shared_boundaries(segments, robust, options.snap_tolerance, queen);

    std::vector<GraphEdge> edges;
    detail::DisjointSets uf(zones.size());
    for (const auto& [key, st] : shared.pairs) {
        const bool rook = st.length >= options.min_shared_length;
        if (!rook && !(queen && st.touches)) continue;
        const auto a = static_cast<std::uint32_t>(key >> 32), b = static_cast<std::uint32_t>(key & 0xffffffffu);
        edges.push_back({a, b, st.length, false});
        uf.unite(a, b);
    }

    std::vector<Crossing> crossings;
    if (!user.empty()) {
        const std::unordered_set<std::string> excluded(zones.excluded_ids.begin(), zones.excluded_ids.end());
        for (std::size_t row = 0; row < user.size(); ++row) {
            const auto& c = user[row];
            auto a = zones.find(c.zone_a);
            auto b = zones.find(c.zone_b);
            const std::string where =
                c.source.empty() ? "crossing " + std::to_string(row + 1) : c.source + " line " + std::to_string(c.line);
            if (!a || !b) {
                const std::string& missing = !a ? c.zone_a : c.zone_b;
                if (excluded.count(missing)) continue; // a crossing elsewhere in a national table
                throw Error(ErrorKind::unknown_zone, where + ": zone '" + missing + "' is not in " + zones.source);
            }
            if (*a == *b) throw Error(ErrorKind::bad_value, where + ": a crossing joins zone " + c.zone_a + " to itself");
            const auto ua = static_cast<std::uint32_t>(std::min(*a, *b)), ub = static_cast<std::uint32_t>(std::max(*a, *b));
            uf.unite(ua, ub);
            crossings.push_back({ua, ub, zone_distance(zones, ua, ub), true, c.note});
        }
    }
    if (!(options.max_crossing_metres >= 0)) // NaN too
        throw Error(ErrorKind::bad_setting, "the longest automatic crossing must be 0 metres or more");
    if (steps) steps(2);
    if (options.join_components)
        join_components(zones, segments, shared.matched, options.max_crossing_metres, uf, crossings);

    // A recorded crossing between zones that already share land is no crossing at all.
    std::unordered_set<std::uint64_t> land;
    if (!crossings.empty())
        for (const auto& e : edges) land.insert((std::uint64_t(std::min(e.a, e.b)) << 32) | std::max(e.a, e.b));
    std::vector<Crossing> kept;
    for (const auto& c : crossings) {
        if (land.count((std::uint64_t(c.a) << 32) | c.b)) continue;
        edges.push_back({c.a, c.b, 0.0, true});
        kept.push_back(c);
    }

    if (steps) steps(3);
    std::vector<double> perimeters(zones.size());
    for (std::size_t z = 0; z < zones.size(); ++z) perimeters[z] = perimeter(zones.shapes[z]);
    ContiguityGraph graph(zones.size(), std::move(edges), zones.areas, std::move(perimeters));
    graph.crossings = std::move(kept);
    return graph;
}

} // namespace lp
