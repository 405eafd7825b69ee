#include <lp/io/qgis_project.hpp>

#include <lp/core/error.hpp>

#include "io/gdal_util.hpp"

#include <minizip/zip.h>
#include <ogr_spatialref.h>

#include <cpl_conv.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <unistd.h>

namespace lp {

namespace {

// QGIS reads a <spatialrefsys> by its WKT when it has no srsid (QgsCoordinateReferenceSystem::readXml),
// so the WKT, not QGIS's own srs.db numbering, carries the CRS.
std::string spatial_ref_sys(const std::string& crs) {
    detail::ensure_gdal();
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
        throw Error(ErrorKind::crs_problem, "QGIS project: cannot understand the CRS " + crs);
    std::string wkt, proj4;
    {
        char* text = nullptr;
        const char* options[] = {"FORMAT=WKT2_2018", nullptr};
        if (srs.exportToWkt(&text, options) == OGRERR_NONE && text) wkt = text;
        CPLFree(text);
        text = nullptr;
        if (srs.exportToProj4(&text) == OGRERR_NONE && text) proj4 = text;
        CPLFree(text);
    }
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    const std::string authid = authority && code ? std::string(authority) + ":" + code : crs;
    const char* name = srs.GetName();
    std::ostringstream out;
    out << "<spatialrefsys nativeFormat=\"Wkt\">"
        << "<wkt>" << xml_escaped(wkt) << "</wkt>"
        << "<proj4>" << xml_escaped(proj4) << "</proj4>"
        << "<authid>" << xml_escaped(authid) << "</authid>"
        << "<description>" << xml_escaped(name ? name : authid) << "</description>"
        << "<projectionacronym></projectionacronym><ellipsoidacronym></ellipsoidacronym>"
        << "<geographicflag>" << (srs.IsGeographic() ? "true" : "false") << "</geographicflag>"
        << "</spatialrefsys>";
    return out.str();
}

std::string extent_xml(const Box& box) {
    std::ostringstream out;
    out << std::setprecision(15) << "<xmin>" << box.min_x << "</xmin><ymin>" << box.min_y << "</ymin><xmax>"
        << box.max_x << "</xmax><ymax>" << box.max_y << "</ymax>";
    return out.str();
}

// QGIS keeps a layer's <id> only when it is longer than 10 characters (it makes a new one
// otherwise, and the layer tree then points at nothing), so every id gets a prefix.
std::string qgis_layer_id(const std::string& id) { return "locality_planner_" + id; }

} // namespace

std::string qgis_project_xml(const QgisProject& project) {
    const std::string project_srs = spatial_ref_sys(project.crs);
    std::ostringstream out;
    out << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        << "<qgis projectname=\"" << xml_escaped(project.title) << "\" version=\"3.22.16-Białowieża\">\n"
        << "  <homePath path=\"\"/>\n"
        << "  <title>" << xml_escaped(project.title) << "</title>\n"
        << "  <projectCrs>" << project_srs << "</projectCrs>\n"
        << "  <layer-tree-group>\n"
        << "    <customproperties/>\n";
    for (const auto& layer : project.layers)
        out << "    <layer-tree-layer id=\"" << xml_escaped(qgis_layer_id(layer.id)) << "\" name=\"" << xml_escaped(layer.name)
            << "\" source=\"./" << xml_escaped(layer.source)
            << "\" providerKey=\"ogr\" checked=\"Qt::Checked\" expanded=\"1\" legend_exp=\"\">\n"
            << "      <customproperties/>\n"
            << "    </layer-tree-layer>\n";
    out << "  </layer-tree-group>\n";
    if (!project.extent.empty())
        out << "  <mapcanvas name=\"theMapCanvas\" annotationsVisible=\"1\">\n"
            << "    <units>meters</units>\n"
            << "    <extent>" << extent_xml(project.extent) << "</extent>\n"
            << "    <rotation>0</rotation>\n"
            << "    <destinationsrs>" << project_srs << "</destinationsrs>\n"
            << "    <rendermaptile>0</rendermaptile>\n"
            << "  </mapcanvas>\n";
    out << "  <projectlayers>\n";
    for (const auto& layer : project.layers) {
        out << "    <maplayer type=\"vector\" geometry=\"" << (layer.points ? "Point" : "Polygon") << "\" wkbType=\""
            << (layer.points ? "Point" : "MultiPolygon") << "\" labelsEnabled=\"" << (layer.labels ? 1 : 0)
            << "\" hasScaleBasedVisibilityFlag=\"0\" readOnly=\"0\" refreshOnNotifyEnabled=\"0\" autoRefreshEnabled=\"0\""
               " simplifyDrawingHints=\"1\" simplifyDrawingTol=\"1\" simplifyAlgorithm=\"0\" simplifyLocal=\"1\""
               " simplifyMaxScale=\"1\" styleCategories=\"AllStyleCategories\" minScale=\"100000000\" maxScale=\"0\">\n"
            << "    <id>" << xml_escaped(qgis_layer_id(layer.id)) << "</id>\n"
            << "    <datasource>./" << xml_escaped(layer.source) << "</datasource>\n"
            << "    <layername>" << xml_escaped(layer.name) << "</layername>\n"
            << "    <srs>" << spatial_ref_sys(layer.crs) << "</srs>\n"
            << "    <provider encoding=\"UTF-8\">ogr</provider>\n"
            << layer.style_elements << "    </maplayer>\n";
    }
    out << "  </projectlayers>\n"
        << "  <layerorder>\n";
    for (const auto& layer : project.layers) out << "    <layer id=\"" << xml_escaped(qgis_layer_id(layer.id)) << "\"/>\n";
    out << "  </layerorder>\n"
        << "  <properties>\n"
        << "    <Paths><Absolute type=\"bool\">false</Absolute></Paths>\n"
        // QGIS reads <projectCrs> only when this says the project has one.
        << "    <SpatialRefSys><ProjectionsEnabled type=\"int\">1</ProjectionsEnabled></SpatialRefSys>\n"
        << "  </properties>\n"
        << "</qgis>\n";
    return out.str();
}

std::string qgis_project_archive(const QgisProject& project, const std::string& qgs_name, const std::string& shown) {
    const std::string xml = qgis_project_xml(project);
    // minizip writes to a path: a private temporary file, read back and removed.
    std::string temp = (std::filesystem::temp_directory_path() / "lp-qgz-XXXXXX").string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) throw Error(ErrorKind::write_failed, shown + ": cannot make a temporary file for the project archive");
    ::close(fd);
    struct Remove {
        std::string path;
        ~Remove() { std::remove(path.c_str()); }
    } remove{temp};
    auto fail = [&](const std::string& what) {
        return Error(ErrorKind::write_failed, shown + ": cannot write the project archive (" + what + ")");
    };
    zipFile zip = zipOpen64(temp.c_str(), APPEND_STATUS_CREATE);
    if (!zip) throw fail("open");
    zip_fileinfo info{};
    // A fixed date (1 Jan 2000), so the same project gives the same bytes.
    info.tmz_date.tm_year = 2000;
    info.tmz_date.tm_mday = 1;
    bool ok = zipOpenNewFileInZip64(zip, qgs_name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                    Z_DEFAULT_COMPRESSION, 0) == ZIP_OK;
    ok = ok && zipWriteInFileInZip(zip, xml.data(), static_cast<unsigned>(xml.size())) == ZIP_OK;
    ok = zipCloseFileInZip(zip) == ZIP_OK && ok;
    ok = zipClose(zip, nullptr) == ZIP_OK && ok;
    if (!ok) throw fail("deflate");
    std::ifstream in(temp, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof()) throw fail("read back");
    return bytes.str();
}

} // namespace lp
