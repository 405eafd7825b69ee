#pragma once
// Opening GDAL sources with errors that name the file. Private to the engine.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>

namespace lp::detail {

// Registers drivers once, quiets GDAL's own stderr chatter (we report errors ourselves).
void ensure_gdal();

// Throws lp::Error(file_not_found) when the path does not exist or GDAL cannot read it.
GDALDatasetUniquePtr open_vector(const std::string& path);

// layer empty: the first layer. Throws lp::Error(layer_not_found) listing the layers.
OGRLayer* find_layer(GDALDataset& ds, const std::string& path, const std::string& layer);

// Throws lp::Error(field_not_found) listing the fields there are.
int field_index(OGRLayer& layer, const std::string& path, const std::string& field, const char* role);

std::string field_list(OGRLayer& layer);

// "EPSG:27700" when the CRS has an EPSG code, else its WKT2.
std::string crs_string(const OGRSpatialReference& srs);

} // namespace lp::detail
