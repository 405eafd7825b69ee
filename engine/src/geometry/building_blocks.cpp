#include <lp/core/error.hpp>
#include <lp/geometry/building_blocks.hpp>
#include <lp/geometry/crs.hpp>

#include "core/worker_threads.hpp"
#include "geometry/geos_context.hpp"
#include "geometry/shape_overlay.hpp"
#include "io/gdal_util.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <limits>
#include <memory>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace lp {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using detail::BgBox;
using detail::to_bg;

BuildingBlockSpec parse_building_blocks(const std::string& text) {
    const auto malformed = [&] {
        return Error(ErrorKind::bad_setting, "building blocks " + text + ": expected FILE[:LAYER]:FIELD");
    };
    const std::size_t last = text.rfind(':');
    if (last == std::string::npos || last == 0 || last + 1 == text.size()) throw malformed();
    BuildingBlockSpec spec;
    spec.path = text.substr(0, last);
    spec.field = text.substr(last + 1);
    // FILE:LAYER:FIELD, unless what stands before the field is itself a file (a path with a colon).
    const std::size_t middle = spec.path.rfind(':');
    std::error_code ignored;
    if (middle != std::string::npos && !std::filesystem::exists(spec.path, ignored)) {
        spec.layer = spec.path.substr(middle + 1);
        spec.path.resize(middle);
        if (spec.path.empty() || spec.layer.empty()) throw malformed();
    }
    return spec;
}

namespace {

struct Block {
    std::string id;
    std::string name;
    MultiPolygon shape; // working CRS, valid
    Box box;
}; // struct Block

// The name that goes with an id field, as the zone layer guesses it: ward22_code -> ward22_name,
// wd22cd -> wd22nm, else a field called name.
std::string name_field_for(OGRLayer& layer, const std::string& id_field) {
    const auto present = [&](const std::string& f) { return layer.GetLayerDefn()->GetFieldIndex(f.c_str()) >= 0; };
    const auto stem = [&](std::size_t suffix) { return id_field.substr(0, id_field.size() - suffix); };
    if (id_field.size() > 5 && id_field.ends_with("_code") && present(stem(5) + "_name")) return stem(5) + "_name";
    if (id_field.size() > 2 && id_field.ends_with("cd") && present(stem(2) + "nm")) return stem(2) + "nm";
    for (const char* plain : {"name", "NAME", "Name"})
        if (present(plain)) return plain;
    return {};
}

detail::GeometryPtr valid_geos(const detail::GeosContext& geos, const MultiPolygon& shape) {
    auto g = detail::to_geos(geos, shape);
    const char valid = GEOSisValid_r(geos, g.get());
    if (valid == 2) geos.fail("validity test");
    if (valid) return g;
    return detail::own(geos, GEOSMakeValid_r(geos, g.get()), "make-valid");
}

// The block's features made one valid shape: each repaired, several unioned.
MultiPolygon merge_parts(const detail::GeosContext& geos, std::vector<detail::GeometryPtr>& parts) {
    if (parts.size() == 1) return detail::from_geos(geos, parts.front().get());
    auto collection = detail::collection(geos, GEOS_GEOMETRYCOLLECTION, std::move(parts));
    auto merged = detail::own(geos, GEOSUnaryUnion_r(geos, collection.get()), "union");
    return detail::from_geos(geos, merged.get());
}

// Reads every polygon feature of the layer into the working CRS, grouped by the field's
// value; blocks come sorted by id (which decides ties). Features without a value or
// without area are passed over.
std::vector<Block> read_blocks(OGRLayer& layer, const BuildingBlockSpec& spec, const std::string& working_crs) {
    const std::string& path = spec.path;
    const int id_index = detail::field_index(layer, path, spec.field, "block");
    const std::string name_field = name_field_for(layer, spec.field);
    const int name_index = name_field.empty() ? -1 : layer.GetLayerDefn()->GetFieldIndex(name_field.c_str());
    if (layer.GetLayerDefn()->GetGeomFieldCount() == 0)
        throw Error(ErrorKind::bad_geometry, path + ": layer '" + layer.GetName() +
                                                "' is a table without geometry, not a layer of building blocks");
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (!srs)
        throw Error(ErrorKind::crs_problem, path + ": layer '" + layer.GetName() +
                                               "' has no coordinate reference system (a Shapefile needs its .prj file); "
                                               "assign one, e.g. ogr2ogr -a_srs EPSG:27700");
    const std::string source_crs = detail::crs_string(*srs);
    const CoordinateTransform transform(source_crs, working_crs.empty() ? source_crs : working_crs);
    detail::GeosContext geos;

    std::vector<Block> blocks;
    std::vector<std::vector<detail::GeometryPtr>> parts;
    std::unordered_map<std::string, std::size_t> index;
    long long feature_number = 0;
    layer.ResetReading();
    for (auto& feature : layer) {
        ++feature_number;
        const OGRGeometry* g = feature->GetGeometryRef();
        if (!feature->IsFieldSetAndNotNull(id_index) || !g || g->IsEmpty()) continue;
        std::string id = feature->GetFieldAsString(id_index);
        if (id.empty()) continue;
        detail::GeometryPtr source(g->exportToGEOS(geos), detail::GeometryDeleter{geos.get()});
        if (!source)
            throw Error(ErrorKind::bad_geometry, path + ": feature " + std::to_string(feature_number) + " (" +
                                                    spec.field + " " + id + "): GDAL cannot hand its geometry to GEOS");
        MultiPolygon shape = detail::from_geos(geos, source.get());
        if (shape.empty()) continue; // points and lines carry no area
        transform.apply(shape);
        auto [it, fresh] = index.emplace(id, blocks.size());
        if (fresh) {
            std::string name = name_index >= 0 ? feature->GetFieldAsString(name_index) : "";
            blocks.push_back({id, name.empty() ? id : std::move(name), {}, {}});
            parts.emplace_back();
        }
        parts[it->second].push_back(valid_geos(geos, shape));
    }
    std::vector<Block> kept;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        blocks[b].shape = merge_parts(geos, parts[b]);
        if (blocks[b].shape.empty()) continue; // nothing left after repair
        blocks[b].box = bounds(blocks[b].shape);
        kept.push_back(std::move(blocks[b]));
    }
    if (kept.empty())
        throw Error(ErrorKind::bad_geometry, path + ": layer '" + layer.GetName() + "' holds no polygons with a " +
                                                spec.field);
    std::sort(kept.begin(), kept.end(), [](const Block& a, const Block& b) { return a.id < b.id; });
    return kept;
}

struct Choice {
    int block = -1;
    double share = 0;
};

// One thread's matcher over the blocks' shapes (made GEOS geometries as its zones need them).
class BlockMatcher {
public:
    BlockMatcher(const std::vector<MultiPolygon>& shapes, const std::vector<Box>& boxes, const detail::ShapeTree& tree)
        : blocks_(shapes, boxes, tree) {}

    // The block holding the most of the zone (equal overlaps: the first by id); none: the nearest.
    Choice choose(const MultiPolygon& zone, double zone_area, const Box& box) {
        const detail::GeosContext& geos = blocks_.geos();
        auto g = detail::to_geos(geos, zone);
        blocks_.candidates(box, hits_);
        // Most zones lie wholly in one block: a prepared test, no overlay.
        meeting_.clear();
        for (const std::size_t b : hits_) {
            if (blocks_.covers(b, g.get())) return {static_cast<int>(b), 1.0};
            if (blocks_.intersects(b, g.get())) meeting_.push_back(b);
        }
        if (meeting_.size() > 1) first_holding_label(g.get());
        const double tie = 1e-9 * zone_area; // overlaps this close are equal
        double best_area = 0;
        Choice best;
        for (const std::size_t b : meeting_) {
            // Another block holds at most what the best leaves of the zone plus what it shares
            // with the best (nothing where blocks do not overlap): once the best holds more
            // than half, that bound spares most overlays.
            if (best.block >= 0 && zone_area - best_area < best_area - tie &&
                zone_area - best_area + overlap(best.block, b) < best_area - tie)
                continue;
            const double a = blocks_.intersection_area(blocks_.geometry(b), g.get());
            const bool more = a > best_area + tie;
            const bool equal_but_first = best.block >= 0 && a >= best_area - tie && static_cast<int>(b) < best.block;
            if (a > 0 && (more || equal_but_first)) {
                best_area = std::max(a, best_area);
                best.block = static_cast<int>(b);
            }
        }
        if (best.block < 0) return nearest(g.get(), box); // touching at most
        best.share = zone_area > 0 ? std::min(1.0, best_area / zone_area) : 0.0;
        return best;
    }

private:
    // Puts first the block holding a point inside the zone: likely the one holding most of it.
    void first_holding_label(const GEOSGeometry* zone) {
        const detail::GeosContext& geos = blocks_.geos();
        auto label = detail::own(geos, GEOSPointOnSurface_r(geos, zone), "point on surface");
        for (std::size_t i = 0; i < meeting_.size(); ++i) {
            if (blocks_.intersects(meeting_[i], label.get())) {
                std::rotate(meeting_.begin(), meeting_.begin() + static_cast<std::ptrdiff_t>(i),
                            meeting_.begin() + static_cast<std::ptrdiff_t>(i) + 1);
                return;
            }
        }
    }

    // The area two blocks share: none in a clean layer, slivers in a generalised one.
    double overlap(std::size_t a, std::size_t b) {
        if (a > b) std::swap(a, b);
        const auto key = static_cast<std::uint64_t>(a) * blocks_.size() + b;
        if (auto it = overlaps_.find(key); it != overlaps_.end()) return it->second;
        double shared = 0;
        if (blocks_.boxes()[a].intersects(blocks_.boxes()[b]))
            shared = blocks_.intersection_area(blocks_.geometry(a), blocks_.geometry(b));
        overlaps_.emplace(key, shared);
        return shared;
    }

    Choice nearest(const GEOSGeometry* zone, const Box& box) {
        // Blocks in order of the distance between boxes, which no shape distance undercuts.
        const BgBox query = to_bg(box);
        const detail::GeosContext& geos = blocks_.geos();
        Choice best;
        double best_distance = std::numeric_limits<double>::infinity();
        const auto& tree = blocks_.tree();
        for (auto it = tree.qbegin(bgi::nearest(query, static_cast<unsigned>(blocks_.size()))); it != tree.qend();
             ++it) {
            if (bg::distance(query, it->first) > best_distance) break;
            const std::size_t b = it->second;
            double d = 0;
            if (!GEOSPreparedDistance_r(geos, blocks_.prepared(b), zone, &d)) geos.fail("distance");
            if (d < best_distance || (d == best_distance && static_cast<int>(b) < best.block)) {
                best_distance = d;
                best.block = static_cast<int>(b);
            }
        }
        return best;
    }

    detail::ShapeOverlay blocks_;
    std::unordered_map<std::uint64_t, double> overlaps_;
    std::vector<std::size_t> hits_;
    std::vector<std::size_t> meeting_;
}; // class BlockMatcher

} // namespace

BlockAssignment assign_building_blocks(const ZoneLayer& zones, const BuildingBlockSpec& spec,
                                       double low_overlap_threshold) {
    auto ds = detail::open_vector(spec.path);
    OGRLayer* layer = detail::find_layer(*ds, spec.path, spec.layer);
    std::vector<Block> blocks;
    std::vector<Choice> choices(zones.size());
    try {
        blocks = read_blocks(*layer, spec, zones.working_crs);
        std::vector<MultiPolygon> shapes;
        std::vector<Box> boxes;
        for (Block& b : blocks) {
            shapes.push_back(std::move(b.shape));
            boxes.push_back(b.box);
        }
        const detail::ShapeTree tree = detail::build_shape_tree(boxes);
        // Contiguous runs of zones (neighbours in the file), so each thread prepares few blocks.
        const std::size_t n = zones.size();
        detail::run_workers(detail::worker_count(n / 512 + 1), [&](unsigned w, unsigned workers) {
            BlockMatcher matcher(shapes, boxes, tree);
            for (std::size_t z = n * w / workers; z < n * (w + 1) / workers; ++z) {
                const MultiPolygon& shape = zones.shapes[z];
                // A layer made by hand may come without its measures.
                const double zone_area = z < zones.areas.size() ? zones.areas[z] : area(shape);
                const Box box = z < zones.boxes.size() ? zones.boxes[z] : bounds(shape);
                try {
                    choices[z] = matcher.choose(shape, zone_area, box);
                } catch (const Error& e) {
                    throw Error(e.kind(), std::string(e.what()) + " (zone " + zones.ids[z] + ")");
                }
            }
        });
    } catch (const Error& e) {
        // PROJ's and GEOS's messages do not know the file.
        const std::string message = e.what();
        if (message.starts_with(spec.path)) throw;
        throw Error(e.kind(), spec.path + ": " + message);
    }

    BlockAssignment out;
    std::vector<int> number(blocks.size(), -1); // blocks in order of first zone
    for (std::size_t z = 0; z < zones.size(); ++z) {
        const Choice& c = choices[z];
        int& k = number[c.block];
        if (k < 0) {
            k = static_cast<int>(out.block_ids.size());
            out.block_ids.push_back(blocks[c.block].id);
            out.block_names.push_back(blocks[c.block].name);
        }
        out.block_of_zone.push_back(k);
        out.share.push_back(c.share);
        if (c.share < low_overlap_threshold) out.low_overlap.push_back({z, k, c.share});
    }
    return out;
}

} // namespace lp
