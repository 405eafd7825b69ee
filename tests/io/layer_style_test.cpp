// Styled outputs: a GeoPackage carries its default style in layer_styles (the QGIS
// convention), a Shapefile gets <name>.qml and <name>.fields.csv, and a QGIS project
// archive holds the project XML.
#include "../scratch_folder.hpp"

#include <lp/io/geojson_writer.hpp>
#include <lp/io/layer_style.hpp>
#include <lp/io/qgis_project.hpp>

#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace lp;

namespace {

std::vector<Feature> two_squares() {
    std::vector<Feature> features(2);
    for (int i = 0; i < 2; ++i) {
        const double x = 300000 + 1000 * i;
        features[i].shape = {Polygon{{{x, 700000}, {x + 1000, 700000}, {x + 1000, 701000}, {x, 701000}, {x, 700000}}, {}}};
        features[i].properties["locality"] = i + 1;
        features[i].properties["name"] = i == 0 ? "North & East" : "South";
        features[i].properties["pop2020_total"] = 1000 + i;
    }
    return features;
}

LayerStyle two_colours() {
    LayerStyle style;
    style.name = "localities";
    style.category_field = "locality";
    style.label_field = "name";
    style.categories = {{"1", "North & East", "#1f78b4"}, {"2", "South", "#33a02c"}};
    return style;
}

std::string text_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("Layer style: QML is categorised with the colours and labels, SLD has a rule per category", "[io]") {
    const std::string qml = style_qml(two_colours());
    CHECK(qml.find("type=\"categorizedSymbol\" attr=\"locality\"") != std::string::npos);
    CHECK(qml.find("value=\"1\" label=\"North &amp; East\"") != std::string::npos);
    CHECK(qml.find("value=\"31,120,180,255\"") != std::string::npos); // #1f78b4
    CHECK(qml.find("value=\"51,160,44,255\"") != std::string::npos);  // #33a02c
    CHECK(qml.find("fieldName=\"name\"") != std::string::npos);
    CHECK(qml.find("labelsEnabled=\"1\"") != std::string::npos);
    const std::string sld = style_sld(two_colours(), "glasgow");
    CHECK(sld.find("<ogc:Literal>2</ogc:Literal>") != std::string::npos);
    CHECK(sld.find("<se:SvgParameter name=\"fill\">#33a02c</se:SvgParameter>") != std::string::npos);
    CHECK(sld.find("<se:Label><ogc:PropertyName>name</ogc:PropertyName></se:Label>") != std::string::npos);
}

TEST_CASE("Layer style: a GeoPackage output holds its default style in layer_styles", "[io]") {
    const fs::path dir = lp::test::scratch_folder("layer_style_gpkg");
    const std::string path = (dir / "towns.gpkg").string();
    write_features(path, two_squares(), "EPSG:27700", two_colours());
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* styles = ds->GetLayerByName("layer_styles");
    REQUIRE(styles);
    CHECK(styles->GetFeatureCount() == 1);
    auto row = OGRFeatureUniquePtr(styles->GetNextFeature());
    REQUIRE(row);
    CHECK(std::string(row->GetFieldAsString("f_table_catalog")).empty());
    CHECK(std::string(row->GetFieldAsString("f_table_schema")).empty());
    CHECK(std::string(row->GetFieldAsString("f_table_name")) == "towns");
    CHECK(std::string(row->GetFieldAsString("f_geometry_column")) == ds->GetLayerByName("towns")->GetGeometryColumn());
    CHECK(row->GetFieldAsInteger("useAsDefault") == 1);
    CHECK(std::string(row->GetFieldAsString("styleQML")) == style_qml(two_colours()));
    CHECK(std::string(row->GetFieldAsString("styleSLD")) == style_sld(two_colours(), "towns"));
    CHECK(ds->GetLayerByName("towns")->GetFeatureCount() == 2);
}

TEST_CASE("Layer style: a Shapefile gets short field names, their map and a .qml on them", "[io]") {
    const fs::path dir = lp::test::scratch_folder("layer_style_shp");
    const std::string path = (dir / "towns.shp").string();
    write_features(path, two_squares(), "EPSG:27700", two_colours());
    CHECK(text_of(dir / "towns.fields.csv") == "short,full\nlocality,locality\nname,name\npop20_tot,pop2020_total\n");
    CHECK(text_of(dir / "towns.qml") == style_qml(two_colours()));
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRFeatureDefn* defn = ds->GetLayer(0)->GetLayerDefn();
    REQUIRE(defn->GetFieldCount() == 3);
    CHECK(std::string(defn->GetFieldDefn(2)->GetNameRef()) == "pop20_tot");
    CHECK(fs::directory_iterator(dir) != fs::directory_iterator());
    for (const auto& entry : fs::directory_iterator(dir)) CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("QGIS project: the .qgz is a zip of the project XML, with relative sources and the CRS", "[io]") {
    QgisProject project;
    project.title = "Sample & localities";
    project.crs = "EPSG:27700";
    project.extent = Box{300000, 700000, 302000, 701000};
    project.layers.push_back({"localities", "Localities", "localities.gpkg|layername=localities", false, "EPSG:27700",
                              qgis_style_elements(two_colours()), true});
    project.layers.push_back({"gp", "GP practices", "gp.geojson", true, "EPSG:4326",
                              qgis_point_style_elements("#08306b", 2.0), false});
    const std::string xml = qgis_project_xml(project);
    CHECK(xml.find("<title>Sample &amp; localities</title>") != std::string::npos);
    CHECK(xml.find("<datasource>./localities.gpkg|layername=localities</datasource>") != std::string::npos);
    CHECK(xml.find("<authid>EPSG:27700</authid>") != std::string::npos);
    CHECK(xml.find("<authid>EPSG:4326</authid>") != std::string::npos);
    CHECK(xml.find("<Absolute type=\"bool\">false</Absolute>") != std::string::npos);
    CHECK(xml.find("labelsEnabled=\"1\"") != std::string::npos);

    const fs::path dir = lp::test::scratch_folder("qgis_project");
    const fs::path qgz = dir / "sample.qgz";
    std::ofstream(qgz, std::ios::binary) << qgis_project_archive(project, "sample.qgs", qgz.string());
    // GDAL reads zips too (it knows them by the .zip extension): the one member is the XML.
    fs::copy_file(qgz, dir / "sample.zip");
    const std::string member = "/vsizip/" + (dir / "sample.zip").string() + "/sample.qgs";
    VSIStatBufL stat;
    REQUIRE(VSIStatL(member.c_str(), &stat) == 0);
    VSILFILE* f = VSIFOpenL(member.c_str(), "rb");
    REQUIRE(f);
    std::string back(static_cast<std::size_t>(stat.st_size), '\0');
    CHECK(VSIFReadL(back.data(), 1, back.size(), f) == back.size());
    VSIFCloseL(f);
    CHECK(back == xml);
    CHECK(qgis_project_archive(project, "sample.qgs", qgz.string()) == text_of(qgz)); // the same bytes every time
}
