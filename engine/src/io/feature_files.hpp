#pragma once
// Writing features through GDAL, for OutputSet. Private to the engine.
#include <lp/io/geojson_writer.hpp>

#include <string>
#include <vector>

namespace lp::detail {

// The GDAL driver for an output path ("GPKG", "ESRI Shapefile"), "" for our own RFC 7946
// writer. Throws lp::Error(bad_setting) for another extension.
std::string output_driver(const std::string& path);

// The attribute names of the features (the first feature's properties, in order).
std::vector<std::string> property_names(const std::vector<Feature>& features);

// Creates file (a new path) with one layer named layer_name holding the features, in the
// working CRS, and closes it. shown names the output in messages. A Shapefile's fields get
// their short names (lp/io/shapefile_names.hpp); a GeoPackage gets the style (if any) as
// its layer's default in layer_styles. Throws lp::Error(write_failed).
void write_gdal_features(const std::string& file, const std::string& layer_name, const std::string& driver_name,
                         const std::vector<Feature>& features, const std::string& working_crs, const std::string& shown,
                         const LayerStyle& style = {});

} // namespace lp::detail
