#include "gdal_util.hpp"

#include <lp/core/error.hpp>

#include <cpl_error.h>

#include <filesystem>
#include <mutex>

namespace lp::detail {

void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

GDALDatasetUniquePtr open_vector(const std::string& path) {
    ensure_gdal();
    if (!path.starts_with("/vsi") && !std::filesystem::exists(path))
        throw Error(ErrorKind::file_not_found, path + ": file not found");
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) {
        std::string why = CPLGetLastErrorMsg();
        throw Error(ErrorKind::file_not_found,
                    path + ": GDAL cannot read it as a vector layer or table" + (why.empty() ? "" : " (" + why + ")"));
    }
    return ds;
}

OGRLayer* find_layer(GDALDataset& ds, const std::string& path, const std::string& layer) {
    if (ds.GetLayerCount() == 0) throw Error(ErrorKind::layer_not_found, path + ": holds no layers");
    if (layer.empty()) return ds.GetLayer(0);
    if (OGRLayer* l = ds.GetLayerByName(layer.c_str())) return l;
    std::string names;
    for (int i = 0; i < ds.GetLayerCount(); ++i) names += (i ? ", " : "") + std::string(ds.GetLayer(i)->GetName());
    throw Error(ErrorKind::layer_not_found, path + ": no layer named '" + layer + "' (layers: " + names + ")");
}

std::string field_list(OGRLayer& layer) {
    std::string names;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) names += (i ? ", " : "") + std::string(defn->GetFieldDefn(i)->GetNameRef());
    return names;
}

int field_index(OGRLayer& layer, const std::string& path, const std::string& field, const char* role) {
    const int i = layer.GetLayerDefn()->GetFieldIndex(field.c_str());
    if (i < 0)
        throw Error(ErrorKind::field_not_found, path + ": no " + role + " field '" + field + "' in layer '" +
                                                   layer.GetName() + "' (fields: " + field_list(layer) + ")");
    return i;
}

std::string crs_string(const OGRSpatialReference& srs) {
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code) return std::string(auth) + ":" + code;
    OGRSpatialReference copy(srs);
    if (copy.AutoIdentifyEPSG() == OGRERR_NONE) {
        auth = copy.GetAuthorityName(nullptr);
        code = copy.GetAuthorityCode(nullptr);
        if (auth && code) return std::string(auth) + ":" + code;
    }
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&wkt, options);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

} // namespace lp::detail
