#include <lp/core/error.hpp>
#include <lp/geometry/crs.hpp>
#include <lp/io/point_layer.hpp>
#include <lp/io/zone_layer.hpp>

#include "io/gdal_util.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace lp {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using BgPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BgBox = bg::model::box<BgPoint>;

// The field that names each point: a name field (exactly "name", then the first whose name
// ends in "name", as scotland_hospital24_name), else an address (its first part, before a
// comma, names the place: "Garthdee Medical Group, Health Centre..."), else a label or code.
struct LabelField {
    std::string field;
    bool first_part = false; // up to the first comma
};

LabelField guess_label_field(OGRLayer& layer) {
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (const char* c : {"name", "NAME", "Name", "practice_name", "PracticeName", "hospital_name", "HospitalName"})
        if (defn->GetFieldIndex(c) >= 0) return {c};
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        std::string field = defn->GetFieldDefn(i)->GetNameRef();
        std::string lower = field;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (lower.size() > 4 && lower.ends_with("name")) return {field};
    }
    for (const char* c : {"address", "ADDRESS", "Address"})
        if (defn->GetFieldIndex(c) >= 0) return {c, true};
    for (const char* c : {"label", "code", "practice_code", "PracticeCode"})
        if (defn->GetFieldIndex(c) >= 0) return {c};
    return {};
}

} // namespace

PointLayer read_points(const std::string& path, const ZoneLayer& zones, const std::string& label_field) {
    auto ds = detail::open_vector(path);
    OGRLayer* layer = detail::find_layer(*ds, path, "");
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    if (!srs) throw Error(ErrorKind::crs_problem, path + ": point layer has no coordinate reference system");
    const LabelField guessed = label_field.empty() ? guess_label_field(*layer) : LabelField{label_field};
    const std::string& label = guessed.field;
    const int label_index = label.empty() ? -1 : detail::field_index(*layer, path, label, "label");

    PointLayer out;
    out.source = path;
    out.kind = std::filesystem::path(path).stem().string();
    CoordinateTransform transform(detail::crs_string(*srs), zones.working_crs);
    long long feature_number = 0;
    layer->ResetReading();
    for (auto& feature : *layer) {
        ++feature_number;
        const OGRGeometry* g = feature->GetGeometryRef();
        if (!g || g->IsEmpty()) continue; // a practice without a location cannot be placed; skip it
        const auto type = wkbFlatten(g->getGeometryType());
        std::vector<Point> where;
        if (type == wkbPoint) {
            where.push_back({g->toPoint()->getX(), g->toPoint()->getY()});
        } else if (type == wkbMultiPoint) {
            for (const auto* p : *g->toMultiPoint()) where.push_back({p->getX(), p->getY()});
        } else {
            throw Error(ErrorKind::bad_geometry,
                        path + ": feature " + std::to_string(feature_number) + " is not a point (" +
                            OGRGeometryTypeToName(g->getGeometryType()) + ")");
        }
        for (auto& p : where) {
            out.points.push_back(transform.apply(p));
            std::string text = label_index >= 0 ? feature->GetFieldAsString(label_index) : std::to_string(feature_number);
            if (guessed.first_part && text.find(',') != std::string::npos) text.erase(text.find(','));
            out.labels.push_back(std::move(text));
        }
    }

    std::vector<std::pair<BgBox, std::size_t>> boxes;
    boxes.reserve(zones.size());
    for (std::size_t z = 0; z < zones.size(); ++z) {
        const Box& b = zones.boxes[z];
        boxes.push_back({BgBox({b.min_x, b.min_y}, {b.max_x, b.max_y}), z});
    }
    bgi::rtree<std::pair<BgBox, std::size_t>, bgi::quadratic<16>> index(boxes);
    out.zone.assign(out.points.size(), -1);
    std::vector<std::pair<BgBox, std::size_t>> hits;
    for (std::size_t i = 0; i < out.points.size(); ++i) {
        hits.clear();
        const BgPoint q(out.points[i].x, out.points[i].y);
        index.query(bgi::intersects(q), std::back_inserter(hits));
        std::sort(hits.begin(), hits.end(), [](auto& a, auto& b) { return a.second < b.second; });
        for (const auto& h : hits) {
            if (contains(zones.shapes[h.second], out.points[i])) {
                out.zone[i] = static_cast<long>(h.second);
                break;
            }
        }
    }
    return out;
}

std::vector<double> count_per_zone(const PointLayer& points, std::size_t zone_count) {
    std::vector<double> counts(zone_count, 0.0);
    for (long z : points.zone)
        if (z >= 0 && static_cast<std::size_t>(z) < zone_count) counts[z] += 1;
    return counts;
}

} // namespace lp
