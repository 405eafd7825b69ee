#include <lp/core/error.hpp>
#include <lp/geometry/crs.hpp>
#include <lp/io/zone_layer.hpp>

#include "core/worker_threads.hpp"
#include "geometry/geos_context.hpp"
#include "io/gdal_util.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace lp {

std::optional<std::size_t> ZoneLayer::find(const std::string& id) const {
    auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

const std::vector<std::string>* ZoneLayer::field(const std::string& name) const {
    for (std::size_t i = 0; i < field_names.size(); ++i)
        if (field_names[i] == name) return &fields[i];
    return nullptr;
}

void ZoneLayer::rebuild_index() {
    index_.clear();
    index_.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) index_.emplace(ids[i], i);
}

ZoneLayer subset(const ZoneLayer& layer, const std::vector<std::size_t>& zones) {
    ZoneLayer out;
    out.source = layer.source;
    out.layer_name = layer.layer_name;
    out.id_field = layer.id_field;
    out.source_crs = layer.source_crs;
    out.working_crs = layer.working_crs;
    out.field_names = layer.field_names;
    out.fields.resize(layer.fields.size());
    std::set<std::string> kept;
    for (std::size_t z : zones) {
        out.ids.push_back(layer.ids[z]);
        out.names.push_back(layer.names[z]);
        out.shapes.push_back(layer.shapes[z]);
        out.areas.push_back(layer.areas[z]);
        out.boxes.push_back(layer.boxes[z]);
        for (std::size_t f = 0; f < layer.fields.size(); ++f) out.fields[f].push_back(layer.fields[f][z]);
        kept.insert(layer.ids[z]);
    }
    out.excluded_ids = layer.excluded_ids;
    for (std::size_t z = 0; z < layer.size(); ++z)
        if (!kept.count(layer.ids[z])) out.excluded_ids.push_back(layer.ids[z]);
    for (const auto& r : layer.repairs)
        if (kept.count(r.zone_id)) out.repairs.push_back(r);
    out.rebuild_index();
    return out;
}

namespace {

void append_ring(const OGRLinearRing* ring, Ring& out) {
    const int n = ring->getNumPoints();
    out.resize(n);
    for (int i = 0; i < n; ++i) out[i] = {ring->getX(i), ring->getY(i)};
    if (n > 0 && !(out.front() == out.back())) out.push_back(out.front());
}

void append_polygons(const OGRGeometry* g, MultiPolygon& out) {
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon: {
        const auto* poly = g->toPolygon();
        if (poly->IsEmpty()) return;
        Polygon p;
        append_ring(poly->getExteriorRing(), p.exterior);
        for (int i = 0; i < poly->getNumInteriorRings(); ++i) {
            p.holes.emplace_back();
            append_ring(poly->getInteriorRing(i), p.holes.back());
        }
        out.push_back(std::move(p));
        return;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbMultiSurface: {
        const auto* coll = g->toGeometryCollection();
        for (int i = 0; i < coll->getNumGeometries(); ++i) append_polygons(coll->getGeometryRef(i), out);
        return;
    }
    case wkbCurvePolygon: {
        std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
        if (linear) append_polygons(linear.get(), out);
        return;
    }
    default:
        return; // points and lines inside a zone layer carry no area
    }
}

// Great Britain, generously: where the British National Grid is the natural choice.
bool in_great_britain(double lon, double lat) { return lon > -9.5 && lon < 2.5 && lat > 49.0 && lat < 61.5; }

std::string choose_working_crs(const std::string& source_crs, const Box& extent) {
    if (source_crs == "EPSG:27700") return source_crs;
    CoordinateTransform to_wgs84(source_crs, "EPSG:4326");
    const Point centre = to_wgs84.apply(Point{(extent.min_x + extent.max_x) / 2, (extent.min_y + extent.max_y) / 2});
    if (in_great_britain(centre.x, centre.y)) return "EPSG:27700";
    const int zone = std::clamp(static_cast<int>(std::floor((centre.x + 180.0) / 6.0)) + 1, 1, 60);
    return "EPSG:" + std::to_string((centre.y >= 0 ? 32600 : 32700) + zone);
}

std::string guess_name_field(OGRLayer& layer, const std::string& id_field) {
    std::vector<std::string> candidates;
    if (id_field.size() > 5 && id_field.ends_with("_code")) candidates.push_back(id_field.substr(0, id_field.size() - 5) + "_name");
    if (id_field.size() > 2 && id_field.ends_with("cd")) candidates.push_back(id_field.substr(0, id_field.size() - 2) + "nm");
    for (const char* c : {"name", "NAME", "Name"}) candidates.push_back(c);
    for (const auto& c : candidates)
        if (layer.GetLayerDefn()->GetFieldIndex(c.c_str()) >= 0) return c;
    return {};
}

} // namespace

ZoneLayer read_zones(const ZoneReadOptions& options) {
    if (options.id_field.empty()) throw Error(ExitCode::usage, options.path + ": no id field given (--id-field)");
    auto ds = detail::open_vector(options.path);
    OGRLayer* layer = detail::find_layer(*ds, options.path, options.layer);
    const int id_index = detail::field_index(*layer, options.path, options.id_field, "id");
    const std::string name_field =
        options.name_field.empty() ? guess_name_field(*layer, options.id_field) : options.name_field;
    const int name_index = name_field.empty() ? -1 : detail::field_index(*layer, options.path, name_field, "name");
    int filter_index = -1;
    if (!options.filter_field.empty()) {
        filter_index = detail::field_index(*layer, options.path, options.filter_field, "filter");
        if (options.filter_values.empty())
            throw Error(ExitCode::usage, "--filter-field " + options.filter_field + " needs at least one --filter value");
    }
    const std::set<std::string> wanted(options.filter_values.begin(), options.filter_values.end());

    if (layer->GetLayerDefn()->GetGeomFieldCount() == 0)
        throw Error(ExitCode::bad_geometry, options.path + ": layer '" + layer->GetName() +
                                                "' is a table without geometry, not a zone layer (tables go in --demand)");
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    if (!srs)
        throw Error(ExitCode::crs_problem, options.path + ": layer '" + layer->GetName() +
                                               "' has no coordinate reference system (a Shapefile needs its .prj file); "
                                               "assign one, e.g. ogr2ogr -a_srs EPSG:27700");

    ZoneLayer out;
    out.source = options.path;
    out.layer_name = layer->GetName();
    out.id_field = options.id_field;
    out.source_crs = detail::crs_string(*srs);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int field_count = defn->GetFieldCount();
    for (int f = 0; f < field_count; ++f) out.field_names.emplace_back(defn->GetFieldDefn(f)->GetNameRef());
    out.fields.resize(field_count);

    std::unordered_map<std::string, long long> first_feature;
    std::vector<std::string> problems;
    layer->ResetReading();
    long long feature_number = 0;
    for (auto& feature : *layer) {
        ++feature_number;
        if (filter_index >= 0 && !wanted.count(feature->GetFieldAsString(filter_index))) {
            out.excluded_ids.emplace_back(feature->GetFieldAsString(id_index));
            continue;
        }
        std::string id = feature->IsFieldSetAndNotNull(id_index) ? feature->GetFieldAsString(id_index) : "";
        const std::string where = options.path + ": feature " + std::to_string(feature_number);
        if (id.empty()) {
            problems.push_back(where + " has no " + options.id_field);
            continue;
        }
        auto [it, fresh] = first_feature.emplace(id, feature_number);
        if (!fresh) {
            problems.push_back(where + ": duplicate " + options.id_field + " '" + id + "' (first at feature " +
                               std::to_string(it->second) + ")");
            continue;
        }
        const OGRGeometry* g = feature->GetGeometryRef();
        MultiPolygon shape;
        if (g) append_polygons(g, shape);
        if (shape.empty())
            throw Error(ExitCode::bad_geometry, where + " (" + options.id_field + " " + id + ") has no polygon geometry");
        out.ids.push_back(std::move(id));
        out.names.push_back(name_index >= 0 ? feature->GetFieldAsString(name_index) : "");
        for (int f = 0; f < field_count; ++f) out.fields[f].emplace_back(feature->GetFieldAsString(f));
        out.shapes.push_back(std::move(shape));
    }
    if (!problems.empty() && !options.tolerate_bad_ids) {
        std::string message = std::to_string(problems.size()) + " zone id problem(s):";
        for (std::size_t i = 0; i < problems.size() && i < 20; ++i) message += "\n  " + problems[i];
        if (problems.size() > 20) message += "\n  ...";
        throw Error(ExitCode::duplicate_id, message);
    }
    out.id_problems = std::move(problems);
    if (out.ids.empty()) {
        if (filter_index >= 0) {
            std::string values;
            for (const auto& v : options.filter_values) values += (values.empty() ? "" : ", ") + v;
            throw Error(ExitCode::filter_matches_nothing,
                        options.path + ": no feature has " + options.filter_field + " in {" + values + "}");
        }
        throw Error(ExitCode::filter_matches_nothing, options.path + ": layer '" + out.layer_name + "' holds no zones");
    }

    Box extent;
    for (const auto& s : out.shapes) extent.expand(bounds(s));
    out.working_crs = options.working_crs.empty() ? choose_working_crs(out.source_crs, extent) : options.working_crs;
    {
        CoordinateTransform transform(out.source_crs, out.working_crs);
        for (auto& s : out.shapes) transform.apply(s);
    }

    // Validate and repair on every core, one GEOS context per thread; repairs are then
    // listed in zone order whatever the thread timing.
    const std::size_t n = out.shapes.size();
    std::vector<std::string> reasons(n);
    out.areas.resize(n);
    out.boxes.resize(n);
    // Small layers are not worth a second thread: at least 256 zones each.
    detail::run_workers(detail::worker_count(n / 256 + 1), [&](unsigned w, unsigned workers) {
        detail::GeosContext geos;
        for (std::size_t z = w; z < n; z += workers) {
            auto g = detail::to_geos(geos, out.shapes[z]);
            const char valid = GEOSisValid_r(geos, g.get());
            if (valid == 2) geos.fail("validity test");
            if (!valid) {
                char* reason = GEOSisValidReason_r(geos, g.get());
                reasons[z] = reason ? reason : "invalid";
                GEOSFree_r(geos, reason);
                auto fixed = detail::own(geos, GEOSMakeValid_r(geos, g.get()), "make-valid");
                out.shapes[z] = detail::from_geos(geos, fixed.get());
                if (out.shapes[z].empty())
                    throw Error(ExitCode::bad_geometry,
                                options.path + ": zone " + out.ids[z] + " has no area left after repairing its geometry");
            }
            out.areas[z] = area(out.shapes[z]);
            out.boxes[z] = bounds(out.shapes[z]);
        }
    });
    for (std::size_t z = 0; z < n; ++z)
        if (!reasons[z].empty()) out.repairs.push_back({out.ids[z], std::move(reasons[z])});
    out.rebuild_index();
    return out;
}

} // namespace lp
