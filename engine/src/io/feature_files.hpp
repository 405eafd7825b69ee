#pragma once
// Writing features through GDAL, for OutputSet. Private to the engine.
#include <lp/io/geojson_writer.hpp>

#include <string>
#include <vector>

namespace lp::detail {

// The GDAL driver for an output path ("GPKG", "ESRI Shapefile", "FlatGeobuf", "PostgreSQL"
// for a "PG:..." connection string), "" for our own RFC 7946 writer. Throws
// lp::Error(bad_setting) for another extension.
std::string output_driver(const std::string& path);

// A PostGIS connection string ("PG:dbname=..."): an output that is a table, not a file.
bool is_database_output(const std::string& path);

// Throws lp::Error(bad_setting), beginning "layer creation option ", for an option that is
// not KEY=VALUE, one the driver does not list (GDAL's own check, as ogr2ogr warns of), one
// the output options already decide (OVERWRITE: --overwrite), or any option for our own
// GeoJSON writer (driver ""). path names the output.
void check_creation_options(const std::string& driver, const std::vector<std::string>& options, const std::string& path);

// The table features go into in a database, as the layer name GDAL's PostgreSQL driver lists
// it under: layer.name laundered as the driver will (lower case, ' - # as _) unless
// LAUNDER=NO, prefixed "schema." when SCHEMA=... is among the creation options. Throws
// lp::Error(bad_setting), beginning "output layer name", when layer.name is empty.
std::string database_table_name(const std::string& path, const OutputLayer& layer);

// Connects to the database of a "PG:..." output (read-only) and throws what writing layer
// there would: lp::Error(write_failed) when GDAL cannot connect, lp::Error(output_is_input)
// when the table exists and layer.overwrite is off.
void check_database_table(const std::string& path, const OutputLayer& layer);

// The attribute names of the features (the first feature's properties, in order).
std::vector<std::string> property_names(const std::vector<Feature>& features);

// The name of the layer the features at path go under: layer.name, or the file's stem.
// For a GeoPackage (geopackage true), throws lp::Error(bad_setting) for a name GeoPackage
// keeps for itself (gpkg_..., rtree_..., sqlite_..., layer_styles).
std::string output_layer_name(const std::string& path, const OutputLayer& layer, bool geopackage);

// For a GeoPackage output whose target (the end of its symlinks) holds a file that is not
// empty: throws what adding layer_name to it would (lp::Error(write_failed) when it is open
// in another program or is no GeoPackage, lp::Error(output_is_input) when it has the layer
// and overwrite is off), reading it only, and returns true. False when there is no such
// file (the output is a new GeoPackage). shown names the output in messages.
bool check_existing_geopackage(const std::string& target, const std::string& layer_name, bool overwrite,
                               const std::string& shown);

// Creates file (a new path) with one layer named layer_name holding the features, in the
// working CRS, with layer.creation_options, and closes it. For a database (driver
// "PostgreSQL", file the connection string), the table goes in within one transaction: the
// old table (replaced only when layer.overwrite, else lp::Error(output_is_input)), the new
// one and its rows are committed together or not at all; no style is written there. For a GeoPackage, file may instead be a copy of an existing
// one: the layer is added to it, replacing one of the same name when overwrite (else
// lp::Error(output_is_input)), and its other layers and their styles stay. shown names the
// output in messages. A Shapefile's fields get their short names
// (lp/io/shapefile_names.hpp); a GeoPackage gets the style (if any) as its layer's default
// in layer_styles, in place of that layer's earlier rows. Throws lp::Error(write_failed).
void write_gdal_features(const std::string& file, const std::string& layer_name, const std::string& driver_name,
                         const std::vector<Feature>& features, const std::string& working_crs, const std::string& shown,
                         const LayerStyle& style = {}, const OutputLayer& layer = {});

} // namespace lp::detail
