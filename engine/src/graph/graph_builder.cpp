#include <lp/core/error.hpp>
#include <lp/graph/graph_builder.hpp>
#include <lp/io/zone_layer.hpp>

#include "io/gdal_util.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace lp {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

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
    const double len = std::hypot(dx, dy);
    const double tx = t.q.x - t.p.x, ty = t.q.y - t.p.y;
    const double tlen = std::hypot(tx, ty);
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
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
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

std::unordered_map<std::uint64_t, PairStats> shared_boundaries(const std::vector<Segment>& segments, double tol,
                                                               bool want_touches) {
    std::vector<std::pair<BgBox, std::uint32_t>> boxes;
    boxes.reserve(segments.size());
    for (std::uint32_t i = 0; i < segments.size(); ++i) {
        const auto& s = segments[i];
        boxes.push_back({BgBox({std::min(s.p.x, s.q.x) - tol, std::min(s.p.y, s.q.y) - tol},
                               {std::max(s.p.x, s.q.x) + tol, std::max(s.p.y, s.q.y) + tol}),
                         i});
    }
    const bgi::rtree<std::pair<BgBox, std::uint32_t>, bgi::quadratic<16>> tree(boxes);
    std::unordered_map<std::uint64_t, PairStats> pairs;
    std::vector<std::pair<BgBox, std::uint32_t>> hits;
    for (std::uint32_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        hits.clear();
        tree.query(bgi::intersects(boxes[i].first), std::back_inserter(hits));
        for (const auto& h : hits) {
            const Segment& t = segments[h.second];
            if (t.zone <= s.zone) continue; // each unordered pair of zones once
            const double run = shared_run(s, t, tol);
            const std::uint64_t key = (std::uint64_t(s.zone) << 32) | t.zone;
            if (run > 0) {
                auto& st = pairs[key];
                st.length += run;
                st.touches = true;
            } else if (want_touches && segment_distance(s, t) <= tol) {
                pairs[key].touches = true;
            }
        }
    }
    return pairs;
}

struct UnionFind {
    std::vector<std::uint32_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
    std::uint32_t find(std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    bool unite(std::uint32_t a, std::uint32_t b) {
        a = find(a);
        b = find(b);
        if (a == b) return false;
        parent[std::max(a, b)] = std::min(a, b);
        return true;
    }
};

double zone_distance(const ZoneLayer& zones, std::uint32_t a, std::uint32_t b) {
    double best = std::numeric_limits<double>::infinity();
    for (const auto& pa : zones.shapes[a])
        for (const auto& pb : zones.shapes[b])
            for (const auto& p : pa.exterior)
                for (std::size_t i = 1; i < pb.exterior.size(); ++i)
                    best = std::min(best, point_segment_distance(p, pb.exterior[i - 1], pb.exterior[i]));
    return best;
}

// Borůvka over land components: every component but the largest links to its nearest
// other component by the shortest vertex-to-vertex hop, until one component remains.
void join_components(const ZoneLayer& zones, UnionFind& uf, std::vector<Crossing>& crossings) {
    using Value = std::pair<BgPoint, std::uint32_t>;
    std::vector<Value> vertices;
    for (std::uint32_t z = 0; z < zones.size(); ++z)
        for (const auto& poly : zones.shapes[z])
            for (std::size_t i = 1; i < poly.exterior.size(); ++i)
                vertices.push_back({BgPoint(poly.exterior[i].x, poly.exterior[i].y), z});
    const bgi::rtree<Value, bgi::quadratic<16>> tree(vertices);
    for (;;) {
        std::unordered_map<std::uint32_t, std::size_t> sizes;
        for (std::uint32_t z = 0; z < zones.size(); ++z) ++sizes[uf.find(z)];
        if (sizes.size() <= 1) return;
        std::uint32_t largest = sizes.begin()->first;
        for (const auto& [root, n] : sizes)
            if (n > sizes[largest] || (n == sizes[largest] && root < largest)) largest = root;
        struct Link {
            double distance = std::numeric_limits<double>::infinity();
            std::uint32_t a = 0, b = 0;
        };
        std::unordered_map<std::uint32_t, Link> best;
        for (const auto& [point, zone] : vertices) {
            const std::uint32_t root = uf.find(zone);
            if (root == largest) continue;
            std::vector<Value> found;
            tree.query(bgi::satisfies([&](const Value& v) { return uf.find(v.second) != root; }) &&
                           bgi::nearest(point, 1),
                       std::back_inserter(found));
            if (found.empty()) continue;
            const double d = bg::distance(point, found[0].first);
            Link& link = best[root];
            const bool better = d < link.distance ||
                                (d == link.distance && std::make_pair(zone, found[0].second) < std::make_pair(link.a, link.b));
            if (better) link = {d, zone, found[0].second};
        }
        std::vector<Link> links;
        for (const auto& [root, link] : best) links.push_back(link);
        std::sort(links.begin(), links.end(), [](const Link& x, const Link& y) {
            return std::tie(x.distance, x.a, x.b) < std::tie(y.distance, y.a, y.b);
        });
        for (const auto& link : links) {
            if (!uf.unite(link.a, link.b)) continue; // two components chose each other
            crossings.push_back({std::min(link.a, link.b), std::max(link.a, link.b),
                                 zone_distance(zones, link.a, link.b), false, "nearest component"});
        }
    }
}

} // namespace

std::vector<UserCrossing> read_crossings_csv(const std::string& path) {
    auto ds = detail::open_vector(path);
    OGRLayer* layer = detail::find_layer(*ds, path, "");
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    int ia = defn->GetFieldIndex("zone_a"), ib = defn->GetFieldIndex("zone_b"), in = defn->GetFieldIndex("note");
    if (ia < 0 || ib < 0) {
        if (defn->GetFieldCount() < 2)
            throw Error(ExitCode::field_not_found, path + ": a crossings table needs columns zone_a,zone_b[,note]");
        ia = 0;
        ib = 1;
        if (in < 0 && defn->GetFieldCount() > 2) in = 2;
    }
    std::vector<UserCrossing> out;
    layer->ResetReading();
    for (auto& f : *layer) out.push_back({f->GetFieldAsString(ia), f->GetFieldAsString(ib), in >= 0 ? f->GetFieldAsString(in) : ""});
    return out;
}

ContiguityGraph build_contiguity_graph(const ZoneLayer& zones, const GraphOptions& options) {
    const auto segments = boundary_segments(zones);
    const bool queen = options.adjacency == Adjacency::queen;
    const auto pairs = shared_boundaries(segments, options.snap_tolerance, queen);

    std::vector<GraphEdge> edges;
    UnionFind uf(zones.size());
    for (const auto& [key, st] : pairs) {
        const bool rook = st.length >= options.min_shared_length;
        if (!rook && !(queen && st.touches)) continue;
        const auto a = static_cast<std::uint32_t>(key >> 32), b = static_cast<std::uint32_t>(key & 0xffffffffu);
        edges.push_back({a, b, st.length, false});
        uf.unite(a, b);
    }

    std::vector<Crossing> crossings;
    if (!options.crossings_csv.empty()) {
        const std::unordered_set<std::string> excluded(zones.excluded_ids.begin(), zones.excluded_ids.end());
        const auto user = read_crossings_csv(options.crossings_csv);
        for (std::size_t row = 0; row < user.size(); ++row) {
            const auto& c = user[row];
            auto a = zones.find(c.zone_a);
            auto b = zones.find(c.zone_b);
            const std::string where = options.crossings_csv + " line " + std::to_string(row + 2);
            if (!a || !b) {
                const std::string& missing = !a ? c.zone_a : c.zone_b;
                if (excluded.count(missing)) continue; // a crossing elsewhere in a national table
                throw Error(ExitCode::unknown_zone, where + ": zone '" + missing + "' is not in " + zones.source);
            }
            if (*a == *b) throw Error(ExitCode::bad_value, where + ": a crossing joins zone " + c.zone_a + " to itself");
            const auto ua = static_cast<std::uint32_t>(std::min(*a, *b)), ub = static_cast<std::uint32_t>(std::max(*a, *b));
            uf.unite(ua, ub);
            crossings.push_back({ua, ub, zone_distance(zones, ua, ub), true, c.note});
        }
    }
    if (options.join_components) join_components(zones, uf, crossings);

    // A recorded crossing between zones that already share land is no crossing at all.
    std::unordered_set<std::uint64_t> land;
    for (const auto& e : edges) land.insert((std::uint64_t(std::min(e.a, e.b)) << 32) | std::max(e.a, e.b));
    std::vector<Crossing> kept;
    for (const auto& c : crossings) {
        if (land.count((std::uint64_t(c.a) << 32) | c.b)) continue;
        edges.push_back({c.a, c.b, 0.0, true});
        kept.push_back(c);
    }

    std::vector<double> perimeters(zones.size());
    for (std::size_t z = 0; z < zones.size(); ++z) perimeters[z] = perimeter(zones.shapes[z]);
    ContiguityGraph graph(zones.size(), std::move(edges), zones.areas, std::move(perimeters));
    graph.crossings = std::move(kept);
    return graph;
}

} // namespace lp
