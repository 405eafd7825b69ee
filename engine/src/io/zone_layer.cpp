#include <lp/core/error.hpp>
#include <lp/geometry/crs.hpp>
#include <lp/io/zone_layer.hpp>

#include "core/worker_threads.hpp"
#include "geometry/geos_context.hpp"
#include "io/gdal_util.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

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

std::size_t vertex_count(const MultiPolygon& shape) {
    std::size_t count = 0;
    for (const auto& polygon : shape) {
        count += polygon.exterior.size();
        for (const auto& hole : polygon.holes) count += hole.size();
    }
    return count;
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

// Reprojects zones into the working CRS, validates them (repairing what is invalid, with
// GEOS's reason kept) and measures them. A zone that repair leaves without area is marked
// in `emptied` for the caller to name. One PROJ transformation and GEOS context per thread.
struct ZonePreparation {
    const std::string& source_crs;
    const std::string& working_crs;
    MultiPolygon* shapes;
    std::vector<std::string>& reasons;
    std::vector<double>& areas;
    std::vector<Box>& boxes;
    std::vector<char>& emptied;
    std::vector<std::string>& unprojected; // per zone: why it cannot be reprojected, for the reader to name

    // Zones first, first + step, ... below end, on the calling thread. With progress, each
    // zone begun is counted in `started` (shared by the workers), and `report` (one
    // worker's) is called every 64 of this call's zones.
    void run(std::size_t first, std::size_t end, std::size_t step, std::atomic<std::size_t>* started = nullptr,
             const std::function<void()>* report = nullptr) const {
        const CoordinateTransform transform(source_crs, working_crs);
        detail::GeosContext geos;
        std::size_t mine = 0;
        for (std::size_t z = first; z < end; z += step) {
            if (started) started->fetch_add(1, std::memory_order_relaxed);
            if (report && (++mine & 63) == 0) (*report)();
            MultiPolygon& shape = shapes[z];
            try {
                transform.apply(shape);
            } catch (const Error& e) { // e.g. a coordinate outside the CRS's area of use
                if (e.kind() != ErrorKind::crs_problem) throw;
                unprojected[z] = e.what();
                continue;
            }
            auto g = detail::to_geos(geos, shape);
            const char valid = GEOSisValid_r(geos, g.get());
            if (valid == 2) geos.fail("validity test");
            if (!valid) {
                char* reason = GEOSisValidReason_r(geos, g.get());
                reasons[z] = reason ? reason : "invalid";
                GEOSFree_r(geos, reason);
                auto fixed = detail::own(geos, GEOSMakeValid_r(geos, g.get()), "make-valid");
                shape = detail::from_geos(geos, fixed.get());
                if (shape.empty()) {
                    emptied[z] = 1;
                    continue;
                }
            }
            areas[z] = area(shape);
            boxes[z] = bounds(shape);
        }
    }
}; // struct ZonePreparation

// Prepares zones on a second thread while the first still reads: the reader publishes how
// many zones it has appended, the preparer follows. Only while the zones' vector keeps its
// storage: the reader stops the preparer before growing it.
class PreparationFollower {
public:
    explicit PreparationFollower(const ZonePreparation& preparation) : preparation_(preparation) {
        thread_ = std::thread([this] { follow(); });
    }
    ~PreparationFollower() { stop(); }
    PreparationFollower(const PreparationFollower&) = delete;
    PreparationFollower& operator=(const PreparationFollower&) = delete;

    void publish(std::size_t appended) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            published_ = appended;
        }
        wake_.notify_one();
    }
    // Waits for the zones published so far; returns how many are prepared, and in `error`
    // what the preparer threw (to be raised after the reader's own errors).
    std::size_t finish(std::exception_ptr& error) {
        stop();
        error = error_;
        return prepared_;
    }

private:
    void stop() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            done_ = true;
        }
        wake_.notify_one();
        if (thread_.joinable()) thread_.join();
    }
    void follow() {
        try {
            for (;;) {
                std::size_t until = 0;
                {
                    std::unique_lock<std::mutex> lock(mutex_);
                    wake_.wait(lock, [&] { return done_ || published_ > prepared_; });
                    if (published_ <= prepared_) return; // done, and nothing left to prepare
                    until = published_;
                }
                // Outside the lock: the reader publishes on while these zones are prepared.
                preparation_.run(prepared_, until, 1);
                prepared_ = until;
            }
        } catch (...) {
            error_ = std::current_exception();
        }
    }

    const ZonePreparation& preparation_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::size_t published_ = 0; // guarded by mutex_
    bool done_ = false;         // guarded by mutex_
    std::size_t prepared_ = 0;  // the preparer's own until it is joined
    std::exception_ptr error_;
    std::thread thread_;
}; // class PreparationFollower

} // namespace

namespace {

// GEOS's validity test, which every zone goes through, takes time that grows with the square
// of the vertices on some shapes: a star (spikes in and out) of 20,000 vertices took 10 s, of
// 50,000 57 s, so one of a million would take days, while an ordinary ring of 400,000
// vertices takes 5 s in all (issue 24 item 9). A Data Zone, even at full resolution, has far
// fewer than the default; at the default a star costs a few minutes at worst.
constexpr std::size_t default_max_zone_vertices = 100000;

} // namespace

std::size_t zone_vertex_budget(const ZoneReadOptions& options) {
    if (options.max_zone_vertices > 0) return options.max_zone_vertices;
    const char* text = std::getenv("LP_MAX_ZONE_VERTICES");
    if (!text || !*text) return default_max_zone_vertices;
    char* end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (*end != '\0' || errno == ERANGE || value == 0 || text[0] == '-' || text[0] == '+' || text[0] == ' ')
        throw Error(ErrorKind::bad_setting, std::string("LP_MAX_ZONE_VERTICES=") + text +
                                                ": the vertex budget of a zone must be a whole number of 1 or more");
    return static_cast<std::size_t>(value);
}

ZoneLayer read_zones(const ZoneReadOptions& options, const ReadProgressCallback& progress) {
    if (options.id_field.empty()) throw Error(ErrorKind::bad_setting, options.path + ": no id field given");
    if (options.filter_field.empty() && !options.filter_values.empty()) // not silently every zone
        throw Error(ErrorKind::bad_setting, "filter values " + options.filter_values.front() +
                                                (options.filter_values.size() > 1 ? ", ..." : "") +
                                                " need a filter field to look them up in");
    const std::size_t vertex_budget = zone_vertex_budget(options); // a bad setting before any reading
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
            throw Error(ErrorKind::bad_setting, "filter field " + options.filter_field + " needs at least one value to keep");
    }
    const std::set<std::string> wanted(options.filter_values.begin(), options.filter_values.end());

    if (layer->GetLayerDefn()->GetGeomFieldCount() == 0)
        throw Error(ErrorKind::bad_geometry, options.path + ": layer '" + layer->GetName() +
                                                "' is a table without geometry, not a zone layer (a table is read as a demand table)");
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    if (!srs)
        throw Error(ErrorKind::crs_problem, options.path + ": layer '" + layer->GetName() +
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

    // The id index is built as the features come (one hash of every id, not two).
    auto& index = out.index_;
    std::vector<long long> feature_of_zone; // for naming the first of a duplicate
    std::size_t expected = 0;
    // FALSE: only a count the driver has without reading every feature (GeoPackage and
    // Shapefile have one; a GeoJSON or CSV source answers -1), so progress has a total when
    // it is cheap and none otherwise.
    const GIntBig feature_count = layer->GetFeatureCount(FALSE);
    const std::size_t features_total = feature_count > 0 ? static_cast<std::size_t>(feature_count) : 0;
    if (feature_count > 0 && filter_index < 0) {
        expected = features_total;
        index.reserve(expected);
        feature_of_zone.reserve(expected);
        out.ids.reserve(expected);
        out.names.reserve(expected);
        out.shapes.reserve(expected);
        for (auto& field : out.fields) field.reserve(expected);
    }
    // Where the working CRS is known before reading (the data is in British National Grid,
    // or --crs names one), a large layer is reprojected and validated on a second thread as
    // it is read (a million zones: 2 s of validation behind 5 s of reading); otherwise the
    // CRS follows from the extent of every zone, so preparation waits for the whole read.
    if (!options.working_crs.empty()) {
        check_working_crs(options.working_crs); // the viewer's too, not only the command line's
        out.working_crs = options.working_crs;
    }
    else if (out.source_crs == "EPSG:27700") out.working_crs = out.source_crs;
    std::vector<std::string> reasons(expected);
    std::vector<double> areas(expected);
    std::vector<Box> boxes(expected);
    std::vector<char> emptied(expected, 0);
    std::vector<std::string> unprojected(expected);
    const ZonePreparation preparation{out.source_crs, out.working_crs, out.shapes.data(), reasons, areas, boxes, emptied,
                                      unprojected};
    std::optional<PreparationFollower> follower;
    if (!out.working_crs.empty() && expected >= 20000 && std::thread::hardware_concurrency() > 1)
        follower.emplace(preparation);
    std::size_t prepared = 0;
    std::exception_ptr preparation_error;
    std::vector<std::string> problems;
    layer->ResetReading();
    long long feature_number = 0;
    auto where = [&] { return options.path + ": feature " + std::to_string(feature_number); };
    for (auto& feature : *layer) {
        // Every 64 features, those before this one (all handled): a call costs little beside
        // GDAL's reading of one feature.
        if (progress && feature_number > 0 && (feature_number & 63) == 0)
            progress({ReadStage::reading_features, static_cast<std::size_t>(feature_number), features_total,
                      out.ids.size(), 0, 0});
        ++feature_number;
        if (filter_index >= 0 && !wanted.count(feature->GetFieldAsString(filter_index))) {
            out.excluded_ids.emplace_back(feature->GetFieldAsString(id_index));
            continue;
        }
        std::string id = feature->IsFieldSetAndNotNull(id_index) ? feature->GetFieldAsString(id_index) : "";
        if (id.empty()) {
            problems.push_back(where() + " has no " + options.id_field);
            continue;
        }
        auto [it, fresh] = index.emplace(id, out.ids.size());
        if (!fresh) {
            problems.push_back(where() + ": duplicate " + options.id_field + " '" + id + "' (first at feature " +
                               std::to_string(feature_of_zone[it->second]) + ")");
            continue;
        }
        const OGRGeometry* g = feature->GetGeometryRef();
        MultiPolygon shape;
        if (g) append_polygons(g, shape);
        if (shape.empty())
            throw Error(ErrorKind::bad_geometry, where() + " (" + options.id_field + " " + id + ") has no polygon geometry");
        if (const std::size_t vertices = vertex_count(shape); vertices > vertex_budget)
            throw Error(ErrorKind::bad_geometry,
                        where() + " (" + options.id_field + " " + id + ") has " + std::to_string(vertices) +
                            " vertices, more than the " + std::to_string(vertex_budget) +
                            " a zone may have (its validity test could take hours); simplify the layer (e.g. "
                            "ogr2ogr -simplify 1 simpler.gpkg " + options.path +
                            ") or raise the budget with the environment variable LP_MAX_ZONE_VERTICES=" +
                            std::to_string(vertices));
        {
            // NaN or infinite coordinates (a broken export) cannot be reprojected or compared.
            auto finite = [](const Ring& ring) {
                return std::all_of(ring.begin(), ring.end(),
                                   [](const auto& p) { return std::isfinite(p.x) && std::isfinite(p.y); });
            };
            for (const auto& polygon : shape)
                if (!finite(polygon.exterior) || !std::all_of(polygon.holes.begin(), polygon.holes.end(), finite))
                    throw Error(ErrorKind::bad_geometry, where() + " (" + options.id_field + " " + id +
                                                            ") has a coordinate that is not a finite number (NaN or Inf)");
        }
        feature_of_zone.push_back(feature_number);
        out.ids.push_back(std::move(id));
        out.names.push_back(name_index >= 0 ? feature->GetFieldAsString(name_index) : "");
        for (int f = 0; f < field_count; ++f) out.fields[f].emplace_back(feature->GetFieldAsString(f));
        if (follower && out.shapes.size() == expected) {
            // More features than the layer counted: the vector may move, the rest waits for the read.
            prepared = follower->finish(preparation_error);
            follower.reset();
        }
        out.shapes.push_back(std::move(shape));
        if (follower && (out.shapes.size() & 63) == 0) follower->publish(out.shapes.size());
    }
    if (progress)
        progress({ReadStage::reading_features, static_cast<std::size_t>(feature_number),
                  std::max(features_total, static_cast<std::size_t>(feature_number)), out.ids.size(), 0, 0});
    if (follower) {
        follower->publish(out.shapes.size());
        prepared = follower->finish(preparation_error);
        follower.reset();
    }
    if (!problems.empty() && !options.tolerate_bad_ids) {
        std::string message = std::to_string(problems.size()) + " zone id problem(s):";
        for (std::size_t i = 0; i < problems.size() && i < 20; ++i) message += "\n  " + problems[i];
        if (problems.size() > 20) message += "\n  ...";
        throw Error(ErrorKind::duplicate_id, message);
    }
    out.id_problems = std::move(problems);
    if (out.ids.empty()) {
        if (filter_index >= 0) {
            std::string values;
            for (const auto& v : options.filter_values) values += (values.empty() ? "" : ", ") + v;
            throw Error(ErrorKind::filter_matches_nothing,
                        options.path + ": no feature has " + options.filter_field + " in {" + values + "}");
        }
        throw Error(ErrorKind::filter_matches_nothing, options.path + ": layer '" + out.layer_name + "' holds no zones");
    }

    if (preparation_error) std::rethrow_exception(preparation_error);
    if (out.working_crs.empty()) {
        Box extent;
        for (const auto& s : out.shapes) extent.expand(bounds(s));
        out.working_crs = choose_working_crs(out.source_crs, extent);
    }

    // What the second thread did not prepare is prepared now on every core; repairs are
    // then listed in zone order whatever the thread timing.
    const std::size_t n = out.shapes.size();
    reasons.resize(n);
    areas.resize(n);
    boxes.resize(n);
    emptied.resize(n, 0);
    unprojected.resize(n);
    const ZonePreparation rest{out.source_crs, out.working_crs, out.shapes.data(), reasons, areas, boxes, emptied,
                               unprojected};
    // Small layers are not worth a second thread: at least 256 zones each. With progress,
    // the zones go in blocks of 256, every worker counting what it finished and worker 0
    // (the calling thread) reporting, so the callback is never called from two threads.
    if (!progress) {
        detail::run_workers(detail::worker_count((n - prepared) / 256 + 1), [&](unsigned w, unsigned workers) {
            rest.run(prepared + w, n, workers);
        });
    } else {
        std::atomic<std::size_t> started{prepared};
        progress({ReadStage::preparing_zones, prepared, n, n, 0, 0});
        const std::function<void()> report = [&] {
            progress({ReadStage::preparing_zones, started.load(std::memory_order_relaxed), n, n, 0, 0});
        };
        detail::run_workers(detail::worker_count((n - prepared) / 256 + 1), [&](unsigned w, unsigned workers) {
            rest.run(prepared + w, n, workers, &started, w == 0 ? &report : nullptr);
        });
        progress({ReadStage::preparing_zones, n, n, n, 0, 0});
    }
    for (std::size_t z = 0; z < n; ++z)
        if (!unprojected[z].empty())
            throw Error(ErrorKind::crs_problem, options.path + ": feature " + std::to_string(feature_of_zone[z]) + " (" +
                                                    options.id_field + " " + out.ids[z] + "): " + unprojected[z] +
                                                    " (from " + out.source_crs + " to " + out.working_crs + ")");
    for (std::size_t z = 0; z < n; ++z)
        if (emptied[z])
            throw Error(ErrorKind::bad_geometry,
                        options.path + ": zone " + out.ids[z] + " has no area left after repairing its geometry");
    out.areas = std::move(areas);
    out.boxes = std::move(boxes);
    for (std::size_t z = 0; z < n; ++z)
        if (!reasons[z].empty()) out.repairs.push_back({out.ids[z], std::move(reasons[z])});
    return out;
}

} // namespace lp
