#include "gdal_util.hpp"

#include <lp/core/error.hpp>
#include <lp/io/zone_layer.hpp>

#include <cpl_error.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <mutex>

namespace lp {

bool is_gdal_source_name(const std::string& path) {
    if (path.starts_with("/vsi")) return true;
    // A connection string or URL GDAL opens itself: PG:dbname=..., WFS:https://...,
    // https://host/file.gpkg. Two letters or more before the colon, so no Windows drive.
    const auto colon = path.find(':');
    if (colon == std::string::npos || colon < 2) return false;
    return std::all_of(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(colon),
                       [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

} // namespace lp

namespace lp::detail {

void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

std::string gdal_name_of(const std::string& path) {
    if (is_gdal_source_name(path)) return path;
    // A zipped shapefile (or any zipped layer) is read in place through GDAL's zip reader.
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower.ends_with(".zip")) return "/vsizip/" + path;
    return path;
}

GDALDatasetUniquePtr open_vector(const std::string& path) {
    ensure_gdal();
    if (!is_gdal_source_name(path)) {
        std::error_code ec; // a name too long for the system is a named error too, not an exception
        const auto status = std::filesystem::status(path, ec);
        if (ec && ec != std::errc::no_such_file_or_directory)
            throw Error(ErrorKind::file_not_found, path + ": cannot be read (" + ec.message() + ")");
        if (!std::filesystem::exists(status)) throw Error(ErrorKind::file_not_found, path + ": file not found");
        // A FIFO or device could block GDAL, or never end; a folder may be a layer (a .gdb).
        if (!std::filesystem::is_regular_file(status) && !std::filesystem::is_directory(status))
            throw Error(ErrorKind::file_not_found, path + ": cannot be read (not a file: a FIFO, device or socket)");
    }
    GDALDatasetUniquePtr ds(GDALDataset::Open(gdal_name_of(path).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) {
        std::string why = CPLGetLastErrorMsg();
        throw Error(ErrorKind::file_not_found,
                    path + ": GDAL cannot read it as a vector layer or table" + (why.empty() ? "" : " (" + why + ")"));
    }
    return ds;
}

OGRLayer* find_layer(GDALDataset& ds, const std::string& path, const std::string& layer) {
    if (ds.GetLayerCount() == 0) throw Error(ErrorKind::layer_not_found, path + ": holds no layers");
    std::string names;
    for (int i = 0; i < ds.GetLayerCount(); ++i) names += (i ? ", " : "") + std::string(ds.GetLayer(i)->GetName());
    if (layer.empty()) {
        // The one layer, or the one with geometry (a GeoPackage's layer_styles table is a
        // layer too); several and none named is a question only the caller can answer.
        std::vector<OGRLayer*> spatial;
        for (int i = 0; i < ds.GetLayerCount(); ++i)
            if (ds.GetLayer(i)->GetGeomType() != wkbNone) spatial.push_back(ds.GetLayer(i));
        if (ds.GetLayerCount() == 1) return ds.GetLayer(0);
        if (spatial.size() == 1) return spatial.front();
        throw Error(ErrorKind::layer_not_found, path + ": holds " + std::to_string(ds.GetLayerCount()) +
                                                    " layers (" + names + "); name the one to read (--layer)");
    }
    if (OGRLayer* l = ds.GetLayerByName(layer.c_str())) return l;
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
