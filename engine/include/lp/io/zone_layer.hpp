#pragma once
// A layer of zones (Data Zones or any small areas) read through GDAL, reprojected
// into a planar working CRS and repaired where invalid.
#include <lp/core/geometry.hpp>
#include <lp/io/read_progress.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace lp {

struct GeometryRepair {
    std::string zone_id;
    std::string what; // GEOS's reason, e.g. "Self-intersection at or near point ..."
};

struct ZoneReadOptions {
    std::string path;
    std::string layer;                 // empty: the first layer
    std::string id_field;              // required, e.g. "dz11_code"
    std::string name_field;            // empty: guessed (<id stem>_name, "name")
    std::string filter_field;          // e.g. "ca_code"
    std::vector<std::string> filter_values;
    std::string working_crs;           // empty: EPSG:27700 when the data is in Great Britain, else a UTM zone
    bool tolerate_bad_ids = false;     // keep the first of duplicate ids and skip empty ids, listing
                                       // them in ZoneLayer::id_problems, instead of failing (inspect)
    std::size_t max_zone_vertices = 0; // 0: zone_vertex_budget()'s default
};

// The most vertices one zone may have (zone_layer.cpp says why): options.max_zone_vertices
// when set, else the environment variable LP_MAX_ZONE_VERTICES (a whole number >= 1; anything
// else is bad_setting), else 100,000. A zone past it is bad_geometry naming the file, the
// feature, its vertices, the budget and how to raise it, before any validity test.
std::size_t zone_vertex_budget(const ZoneReadOptions& options);

class ZoneLayer {
public:
    std::string source;
    std::string layer_name;
    std::string id_field;
    std::string source_crs;   // as the file declares it, e.g. "EPSG:27700"
    std::string working_crs;  // what shapes are in, e.g. "EPSG:27700"

    std::vector<std::string> ids;
    std::vector<std::string> names;
    std::vector<MultiPolygon> shapes; // working CRS, valid
    std::vector<double> areas;        // square metres
    std::vector<Box> boxes;

    // Every attribute of the source layer, as text, column-major: fields[f][zone].
    std::vector<std::string> field_names;
    std::vector<std::vector<std::string>> fields;

    std::vector<GeometryRepair> repairs;
    std::vector<std::string> excluded_ids; // ids the filter left out (a national table may name them)
    std::vector<std::string> id_problems; // only with tolerate_bad_ids: duplicate or missing ids

    std::size_t size() const { return ids.size(); }
    std::optional<std::size_t> find(const std::string& id) const;
    // nullptr when the layer has no such attribute.
    const std::vector<std::string>* field(const std::string& name) const;
    void rebuild_index();

private:
    friend ZoneLayer read_zones(const ZoneReadOptions& options, const ReadProgressCallback& progress); // builds index_ as it reads
    std::unordered_map<std::string, std::size_t> index_;
}; // class ZoneLayer

// Throws lp::Error (file_not_found, layer_not_found, field_not_found, crs_problem,
// duplicate_id, filter_matches_nothing, bad_geometry). progress, when given, hears of the
// features read and the zones prepared (lp/io/read_progress.hpp), never of the finish: a
// caller that reads more (load_dataset) reports that.
ZoneLayer read_zones(const ZoneReadOptions& options, const ReadProgressCallback& progress = {});

// Whether GDAL would take path for something other than a local file: a virtual file
// system path (/vsicurl/, /vsizip/...), a URL (https://...) or a connection string (PG:...,
// WFS:...). The command line may name these; a plan file records local files only.
bool is_gdal_source_name(const std::string& path);

// A sub-layer holding only the given zones, in the given order.
ZoneLayer subset(const ZoneLayer& layer, const std::vector<std::size_t>& zones);

} // namespace lp
