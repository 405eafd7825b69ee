#pragma once
// Writing features: RFC 7946 GeoJSON (WGS84 lon/lat, CCW exteriors, CW holes,
// 6 decimals, no crs member) and, through GDAL, GeoPackage or Shapefile.
#include <lp/core/geometry.hpp>
#include <lp/io/layer_style.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lp {

struct Feature {
    MultiPolygon shape;           // working CRS
    nlohmann::ordered_json properties = nlohmann::ordered_json::object();
};

// The layer features are written as inside a GeoPackage or a PostGIS database. A
// GeoPackage that exists already keeps its other layers and their rows of layer_styles: the
// features go in as one more layer, and a layer of the same name (SQLite's rule: whatever its
// case) is replaced only with overwrite. An empty name is the file's stem (a database output
// needs a name). The same holds for a table of a database ("PG:dbname=..."): its other tables
// stay, one of that name is replaced only with overwrite. GeoJSON and Shapefile hold one layer
// and are replaced whole, so name and overwrite do not matter to them.
// creation_options are GDAL's layer creation options ("KEY=VALUE", as ogr2ogr's -lco), checked
// against the driver's list; our own GeoJSON writer takes none.
struct OutputLayer {
    std::string name;
    bool overwrite = false;
    std::vector<std::string> creation_options;
};

// How the refusal of a GeoPackage layer (or database table) that exists ends: the message is "<path>: has a
// layer '<name>' already; nothing was written: " followed by this (a program may put its
// own option names in place of these words).
inline constexpr const char* existing_layer_advice = "overwrite that layer, or write under another layer name";

// Format chosen by extension: .geojson/.json (RFC 7946), .gpkg, .shp, .fgb, or a PostGIS
// connection string ("PG:dbname=gis host=..."), whose table is layer.name. Written as an
// OutputSet of its own (lp/io/output_set.hpp): temporary files, fsynced, then renamed, so a
// failure never leaves half a file (nor half a Shapefile). Throws lp::Error(write_failed).
// To write it together with other files, use OutputSet::add_features.
// Into a GeoPackage that exists, the features go as layer (above), in a copy of the file
// that then replaces it: throws lp::Error(output_is_input) when that layer exists and
// overwrite is off, lp::Error(bad_setting) for a name GeoPackage keeps for itself (gpkg_...,
// rtree_..., sqlite_..., layer_styles), lp::Error(write_failed) when the file is not a
// GeoPackage, or is open in another program (a -wal or -journal file beside it).
// A style (when not empty) goes into a GeoPackage's layer_styles table as its layer's
// default style, replacing the rows of that layer only, and beside a Shapefile as
// <name>.qml; GeoJSON has no place for one.
// A Shapefile's field names are shortened (lp/io/shapefile_names.hpp) and
// <name>.fields.csv maps them to the full names.
void write_features(const std::string& path, const std::vector<Feature>& features,
                    const std::string& working_crs, const LayerStyle& style = {}, const OutputLayer& layer = {});

// The layer the features at path go under inside a GeoPackage (layer.name, or the file's
// stem) or the table in a database (as PostGIS names it: lower case unless LAUNDER=NO, with
// its schema when SCHEMA=... is given); "" for other outputs.
std::string geopackage_layer_name(const std::string& path, const OutputLayer& layer);

// Throws what write_features would for a path it cannot take (unknown format, missing
// folder; for a GeoPackage that exists, or a database, what it would throw for layer; a
// creation option the format does not have: lp::Error(bad_setting) beginning "layer creation
// option "), so a command can refuse before doing the work. Reads the GeoPackage (connects to
// the database), never writes it.
void check_output_path(const std::string& path, const OutputLayer& layer = {});
// Only the folder, for outputs of any kind (CSV, JSON).
void check_output_folder(const std::string& path);

// path as it may be shown in messages and logs: a connection string's password=... value
// replaced by ***; any other path as it is.
std::string shown_output_name(const std::string& path);

// RFC 7946 text for the features (used by write_features and by tests).
std::string to_geojson(const std::vector<Feature>& features, const std::string& working_crs);

// RFC 7946 text for points (working CRS in, WGS84 out), one properties object each.
std::string points_to_geojson(const std::vector<Point>& points, const std::vector<nlohmann::ordered_json>& properties,
                              const std::string& working_crs);

} // namespace lp
