#pragma once
// A QGIS project (.qgz: a zip holding one .qgs XML document) that opens the given layers,
// styled, with paths relative to the project so the folder can be moved or shared.
#include <lp/core/geometry.hpp>
#include <lp/io/layer_style.hpp>

#include <string>
#include <vector>

namespace lp {

struct QgisLayer {
    std::string id;             // unique in the project, e.g. "localities"
    std::string name;           // shown in the layers panel
    std::string source;         // relative to the project: "localities.gpkg|layername=localities"
    bool points = false;        // point layer (else polygons)
    std::string crs;            // the layer's CRS, "EPSG:27700"
    std::string style_elements; // renderer-v2 (and labeling) elements, see lp/io/layer_style.hpp
    bool labels = false;        // style_elements carries labeling to switch on
};

struct QgisProject {
    std::string title;
    std::string crs;            // the project's (map canvas) CRS
    Box extent;                 // in crs: where the map opens
    std::vector<QgisLayer> layers; // drawn first to last at the bottom: the first is on top
};

// The .qgs XML text (QGIS 3 format).
std::string qgis_project_xml(const QgisProject& project);

// The .qgz bytes: a zip holding qgs_name with the XML, deflated (minizip). Throws
// lp::Error(write_failed) naming shown when the archive cannot be made.
std::string qgis_project_archive(const QgisProject& project, const std::string& qgs_name, const std::string& shown);

} // namespace lp
