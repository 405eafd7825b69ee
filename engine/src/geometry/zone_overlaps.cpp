#include <lp/core/error.hpp>
#include <lp/geometry/zone_overlaps.hpp>

#include "core/worker_threads.hpp"
#include "geometry/shape_overlay.hpp"

#include <string>

namespace lp {

ZoneOverlaps zone_overlaps(const ZoneLayer& zones, const ZoneLayer& other) {
    if (zones.working_crs != other.working_crs)
        throw Error(ErrorKind::crs_problem, zones.source + " is in " + zones.working_crs + " but " + other.source +
                                               " in " + other.working_crs + ": overlaps need one working CRS");
    const auto boxes_of = [](const ZoneLayer& layer) {
        if (layer.boxes.size() == layer.size()) return layer.boxes;
        std::vector<Box> boxes; // a layer made by hand may come without its measures
        for (const auto& shape : layer.shapes) boxes.push_back(bounds(shape));
        return boxes;
    };
    const std::vector<Box> other_boxes = boxes_of(other);
    const std::vector<Box> zone_boxes = boxes_of(zones);
    const detail::ShapeTree tree = detail::build_shape_tree(other_boxes);
    ZoneOverlaps result(zones.size());
    const std::size_t n = zones.size();
    // Contiguous runs of zones (neighbours in the file), so each thread prepares few of the other's.
    detail::run_workers(detail::worker_count(n / 256 + 1), [&](unsigned w, unsigned workers) {
        detail::ShapeOverlay overlay(other.shapes, other_boxes, tree);
        const detail::GeosContext& geos = overlay.geos();
        std::vector<std::size_t> hits;
        for (std::size_t z = n * w / workers; z < n * (w + 1) / workers; ++z) {
            try {
                overlay.candidates(zone_boxes[z], hits);
                if (hits.empty()) continue;
                auto g = detail::to_geos(geos, zones.shapes[z]);
                const auto zone_prepared = detail::prepare(geos, g.get());
                double zone_area = 0;
                if (!GEOSArea_r(geos, g.get(), &zone_area)) geos.fail("area");
                for (const std::size_t o : hits) {
                    double common = 0;
                    if (overlay.covers(o, g.get())) {
                        common = zone_area;
                    } else {
                        const char holds = GEOSPreparedCovers_r(geos, zone_prepared.get(), overlay.geometry(o));
                        if (holds == 2) geos.fail("covers test");
                        if (holds) {
                            if (!GEOSArea_r(geos, overlay.geometry(o), &common)) geos.fail("area");
                        } else if (overlay.intersects(o, g.get())) {
                            common = overlay.intersection_area(overlay.geometry(o), g.get());
                        }
                    }
                    if (common > 0) result[z].push_back({static_cast<std::uint32_t>(o), common});
                }
            } catch (const Error& e) {
                throw Error(e.kind(), zones.source + ": zone " + zones.ids[z] + ": " + e.what());
            }
        }
    });
    return result;
}

} // namespace lp
