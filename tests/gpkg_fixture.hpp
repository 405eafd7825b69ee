#pragma once
// A GeoPackage as a GIS team keeps one, for the tests that write a layer into it (issue 22:
// writing there must keep what it held): two layers of its own and a QGIS style for one of
// them in layer_styles, made the way QGIS makes that table (OGR, an `id` primary key).
// And what to compare before and after: each layer's feature count, the style rows.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace lp::test {

// The QML of the team's own style for their wards layer.
inline const std::string corporate_wards_qml = "<qgis version=\"3.22\"><renderer-v2 type=\"singleSymbol\"/></qgis>";

// Creates path (which must not exist) with "wards" (2 polygons, British National Grid),
// "sites" (3 points) and one layer_styles row, for wards.
inline void make_corporate_gpkg(const std::string& path) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) throw std::runtime_error("GDAL has no GPKG driver");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw std::runtime_error(path + ": cannot create");
    OGRSpatialReference bng;
    bng.importFromEPSG(27700);
    auto add = [&](const char* name, OGRwkbGeometryType type, const std::vector<std::string>& wkts) {
        OGRLayer* layer = ds->CreateLayer(name, &bng, type, nullptr);
        OGRFieldDefn field("label", OFTString);
        if (!layer || layer->CreateField(&field) != OGRERR_NONE) throw std::runtime_error(path + ": cannot create " + name);
        for (std::size_t i = 0; i < wkts.size(); ++i) {
            OGRFeature feature(layer->GetLayerDefn());
            feature.SetField("label", (std::string(name) + " " + std::to_string(i + 1)).c_str());
            OGRGeometry* geometry = nullptr;
            OGRGeometryFactory::createFromWkt(wkts[i].c_str(), &bng, &geometry);
            feature.SetGeometryDirectly(geometry);
            if (layer->CreateFeature(&feature) != OGRERR_NONE) throw std::runtime_error(path + ": cannot write " + name);
        }
    };
    add("wards", wkbMultiPolygon,
        {"MULTIPOLYGON(((300000 700000,301000 700000,301000 701000,300000 701000,300000 700000)))",
         "MULTIPOLYGON(((301000 700000,302000 700000,302000 701000,301000 701000,301000 700000)))"});
    add("sites", wkbPoint, {"POINT(300500 700500)", "POINT(301500 700500)", "POINT(301900 700900)"});
    const char* options[] = {"FID=id", nullptr};
    OGRLayer* styles = ds->CreateLayer("layer_styles", nullptr, wkbNone, const_cast<char**>(options));
    if (!styles) throw std::runtime_error(path + ": cannot create layer_styles");
    for (const char* column : {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                               "styleQML", "styleSLD", "description", "owner", "ui"}) {
        OGRFieldDefn field(column, OFTString);
        styles->CreateField(&field);
    }
    OGRFieldDefn use("useAsDefault", OFTInteger);
    use.SetSubType(OFSTBoolean);
    styles->CreateField(&use);
    OGRFieldDefn time("update_time", OFTDateTime);
    styles->CreateField(&time);
    OGRFeature row(styles->GetLayerDefn());
    row.SetField("f_table_catalog", "");
    row.SetField("f_table_schema", "");
    row.SetField("f_table_name", "wards");
    row.SetField("f_geometry_column", "geom");
    row.SetField("styleName", "corporate wards");
    row.SetField("styleQML", corporate_wards_qml.c_str());
    row.SetField("useAsDefault", 1);
    if (styles->CreateFeature(&row) != OGRERR_NONE) throw std::runtime_error(path + ": cannot write its style");
}

// Each layer's feature count (layer_styles too), by name.
inline std::map<std::string, long long> gpkg_layers(const std::string& path) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw std::runtime_error(path + ": cannot open");
    std::map<std::string, long long> layers;
    for (int i = 0; i < ds->GetLayerCount(); ++i)
        layers[ds->GetLayer(i)->GetName()] = static_cast<long long>(ds->GetLayer(i)->GetFeatureCount());
    return layers;
}

// The rows of layer_styles: layer (f_table_name), style name, QML.
inline std::vector<std::tuple<std::string, std::string, std::string>> gpkg_styles(const std::string& path) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw std::runtime_error(path + ": cannot open");
    std::vector<std::tuple<std::string, std::string, std::string>> rows;
    if (OGRLayer* styles = ds->GetLayerByName("layer_styles"))
        while (OGRFeatureUniquePtr row{styles->GetNextFeature()})
            rows.emplace_back(row->GetFieldAsString("f_table_name"), row->GetFieldAsString("styleName"),
                              row->GetFieldAsString("styleQML"));
    return rows;
}

// The rows of layer_styles for one layer.
inline std::vector<std::tuple<std::string, std::string, std::string>> gpkg_styles_of(const std::string& path,
                                                                                     const std::string& layer) {
    std::vector<std::tuple<std::string, std::string, std::string>> rows;
    for (const auto& row : gpkg_styles(path))
        if (std::get<0>(row) == layer) rows.push_back(row);
    return rows;
}

} // namespace lp::test
