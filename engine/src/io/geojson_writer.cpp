#include <lp/core/error.hpp>
#include <lp/geometry/crs.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/io/output_set.hpp>
#include <lp/io/shapefile_names.hpp>

#include "io/feature_files.hpp"
#include "io/gdal_util.hpp"

#include <cpl_minixml.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <regex>
#include <sys/stat.h>

namespace lp {

namespace fs = std::filesystem;

namespace {

// Rounds to RFC 7946's recommended 6 decimals (about 10 cm), drops repeated points the
// rounding makes, and orients: exterior counter-clockwise, holes clockwise.
Ring prepare_ring(const Ring& in, bool exterior) {
    Ring out;
    out.reserve(in.size());
    for (const auto& p : in) {
        const Point r{std::round(p.x * 1e6) / 1e6, std::round(p.y * 1e6) / 1e6};
        if (out.empty() || !(out.back() == r)) out.push_back(r);
    }
    if (out.size() > 1 && !(out.front() == out.back())) out.push_back(out.front());
    if (out.size() < 4) return {};
    const double a = signed_area(out);
    if ((exterior && a < 0) || (!exterior && a > 0)) std::reverse(out.begin(), out.end());
    return out;
}

void append_number(std::string& s, double v) {
    char buf[32];
    int n = std::snprintf(buf, sizeof buf, "%.6f", v);
    while (n > 0 && buf[n - 1] == '0') --n; // 6 decimals at most, no padding zeros
    if (n > 0 && buf[n - 1] == '.') --n;
    if (n == 2 && buf[0] == '-' && buf[1] == '0') { buf[0] = '0'; n = 1; }
    s.append(buf, n);
}

void append_ring(std::string& s, const Ring& r) {
    s += '[';
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (i) s += ',';
        s += '[';
        append_number(s, r[i].x);
        s += ',';
        append_number(s, r[i].y);
        s += ']';
    }
    s += ']';
}

} // namespace

std::string to_geojson(const std::vector<Feature>& features, const std::string& working_crs) {
    CoordinateTransform to_wgs84(working_crs, "EPSG:4326");
    std::string s = "{\"type\":\"FeatureCollection\",\"features\":[\n";
    for (std::size_t f = 0; f < features.size(); ++f) {
        MultiPolygon shape = features[f].shape;
        to_wgs84.apply(shape);
        std::vector<std::vector<Ring>> polygons;
        for (const auto& poly : shape) {
            std::vector<Ring> rings;
            Ring ext = prepare_ring(poly.exterior, true);
            if (ext.empty()) continue;
            rings.push_back(std::move(ext));
            for (const auto& h : poly.holes) {
                Ring hole = prepare_ring(h, false);
                if (!hole.empty()) rings.push_back(std::move(hole));
            }
            polygons.push_back(std::move(rings));
        }
        s += "{\"type\":\"Feature\",\"properties\":";
        s += features[f].properties.dump();
        s += ",\"geometry\":";
        if (polygons.empty()) {
            s += "null";
        } else {
            s += polygons.size() == 1 ? "{\"type\":\"Polygon\",\"coordinates\":" : "{\"type\":\"MultiPolygon\",\"coordinates\":[";
            for (std::size_t p = 0; p < polygons.size(); ++p) {
                if (p) s += ',';
                s += '[';
                for (std::size_t r = 0; r < polygons[p].size(); ++r) {
                    if (r) s += ',';
                    append_ring(s, polygons[p][r]);
                }
                s += ']';
            }
            s += polygons.size() == 1 ? "}" : "]}";
        }
        s += f + 1 < features.size() ? "},\n" : "}\n";
    }
    s += "]}\n";
    return s;
}

std::string points_to_geojson(const std::vector<Point>& points, const std::vector<nlohmann::ordered_json>& properties,
                              const std::string& working_crs) {
    CoordinateTransform to_wgs84(working_crs, "EPSG:4326");
    std::string s = "{\"type\":\"FeatureCollection\",\"features\":[\n";
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Point p = to_wgs84.apply(points[i]);
        s += "{\"type\":\"Feature\",\"properties\":";
        s += i < properties.size() ? properties[i].dump() : std::string("{}");
        s += ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[";
        append_number(s, p.x);
        s += ',';
        append_number(s, p.y);
        s += i + 1 < points.size() ? "]}},\n" : "]}}\n";
    }
    s += "]}\n";
    return s;
}

namespace {

OGRFieldType field_type(const nlohmann::ordered_json& v) {
    if (v.is_boolean()) return OFTInteger;
    if (v.is_number_integer() || v.is_number_unsigned()) return OFTInteger64;
    if (v.is_number()) return OFTReal;
    return OFTString;
}

// The QGIS convention for a GeoPackage's default style: a layer_styles attribute table
// (QgsOgrProviderMetadata::saveStyle writes the same columns), one row per layer, with
// catalogue and schema '' (QGIS's lookup matches f_table_schema=''). The rows of other
// layers stay; those of this layer (an older run's, or the replaced layer's) go, and the
// style (when not empty) takes their place.
void write_layer_styles(GDALDataset& ds, const std::string& layer_name, const std::string& geometry_column,
                        const LayerStyle& style, const std::string& path) {
    auto fail = [&](const std::string& what) {
        return Error(ErrorKind::write_failed, path + ": cannot write the style of layer '" + layer_name + "' (" + what +
                                                  ": " + CPLGetLastErrorMsg() + ")");
    };
    OGRLayer* styles = ds.GetLayerByName("layer_styles");
    if (styles) {
        std::vector<GIntBig> own;
        const int name_field = styles->GetLayerDefn()->GetFieldIndex("f_table_name");
        styles->ResetReading();
        if (name_field >= 0)
            while (OGRFeatureUniquePtr row{styles->GetNextFeature()})
                if (EQUAL(row->GetFieldAsString(name_field), layer_name.c_str())) own.push_back(row->GetFID());
        for (GIntBig fid : own)
            if (styles->DeleteFeature(fid) != OGRERR_NONE) throw fail("its earlier row");
    }
    if (style.empty()) return;
    if (!styles) {
        styles = ds.CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
        if (!styles) throw fail("layer_styles table");
        const std::pair<const char*, OGRFieldType> columns[] = {
            {"f_table_catalog", OFTString}, {"f_table_schema", OFTString}, {"f_table_name", OFTString},
            {"f_geometry_column", OFTString}, {"styleName", OFTString}, {"styleQML", OFTString},
            {"styleSLD", OFTString}, {"useAsDefault", OFTInteger}, {"description", OFTString},
            {"owner", OFTString}, {"ui", OFTString}, {"update_time", OFTDateTime}};
        for (const auto& [name, type] : columns) {
            OGRFieldDefn field(name, type);
            if (std::string(name) == "useAsDefault") field.SetSubType(OFSTBoolean);
            if (styles->CreateField(&field) != OGRERR_NONE) throw fail(name);
        }
    }
    OGRFeature row(styles->GetLayerDefn());
    row.SetField("f_table_catalog", "");
    row.SetField("f_table_schema", "");
    row.SetField("f_table_name", layer_name.c_str());
    row.SetField("f_geometry_column", geometry_column.c_str());
    row.SetField("styleName", (style.name.empty() ? layer_name : style.name).c_str());
    row.SetField("styleQML", style_qml(style).c_str());
    row.SetField("styleSLD", style_sld(style, layer_name).c_str());
    row.SetField("useAsDefault", 1);
    row.SetField("description", "Locality Planner: categorised by locality, labelled with its name");
    row.SetField("owner", "");
    row.SetField("ui", "");
    // A fixed time, so the same inputs give the same file.
    row.SetField(row.GetFieldIndex("update_time"), 2000, 1, 1, 0, 0, 0.0f, 100);
    if (styles->CreateFeature(&row) != OGRERR_NONE) throw fail("its row");
}

// A text as a PostgreSQL string literal (standard_conforming_strings: only ' is special).
std::string sql_text(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return quoted + "'";
}

// QGIS's convention for a PostGIS table's default style: a public.layer_styles table (the
// one QGIS's "Save as default" creates, so QGIS and other tools share it) holding the QML,
// keyed on the database, schema, table and geometry column; QGIS applies the row marked
// useasdefault when the table is added. Runs inside the output's transaction, so the
// table and its style arrive together or not at all. The rows of this table go first.
void write_database_style(GDALDataset& ds, OGRLayer& layer, const LayerStyle& style, const std::string& path) {
    const std::string name = layer.GetName();
    const auto dot = name.find('.');
    const std::string schema = dot == std::string::npos ? "public" : name.substr(0, dot);
    const std::string table = dot == std::string::npos ? name : name.substr(dot + 1);
    const std::string key = "f_table_catalog = current_database() AND f_table_schema = " + sql_text(schema) +
                            " AND f_table_name = " + sql_text(table);
    const std::string statements[] = {
        "CREATE TABLE IF NOT EXISTS public.layer_styles (id SERIAL PRIMARY KEY, f_table_catalog varchar, "
        "f_table_schema varchar, f_table_name varchar, f_geometry_column varchar, stylename text, styleqml xml, "
        "stylesld xml, useasdefault boolean, description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml, "
        "update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)",
        "ALTER TABLE public.layer_styles ADD COLUMN IF NOT EXISTS type varchar",
        "DELETE FROM public.layer_styles WHERE " + key,
        style.empty() ? std::string()
                      : "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                        "stylename, styleqml, stylesld, useasdefault, description, type) VALUES (current_database(), " +
                            sql_text(schema) + ", " + sql_text(table) + ", " + sql_text(layer.GetGeometryColumn()) + ", " +
                            sql_text(style.name.empty() ? table : style.name) + ", XMLPARSE(DOCUMENT " +
                            sql_text(style_qml(style)) + "), XMLPARSE(DOCUMENT " + sql_text(style_sld(style, table)) +
                            "), true, 'Locality Planner: categorised by locality, labelled with its name', 'Polygon')"};
    for (const std::string& sql : statements) {
        if (sql.empty()) continue;
        CPLErrorReset();
        OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (result) ds.ReleaseResultSet(result);
        if (CPLGetLastErrorType() >= CE_Failure)
            throw Error(ErrorKind::write_failed, path + ": cannot write the style of table '" + name +
                                                     "' into public.layer_styles (" + CPLGetLastErrorMsg() + ")");
    }
}

// An existing GeoPackage, opened for update or for reading; lp::Error(write_failed) naming
// shown when GDAL cannot open it as one.
GDALDatasetUniquePtr open_geopackage(const std::string& file, bool update, const std::string& shown) {
    const char* const drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), drivers));
    if (!ds)
        throw Error(ErrorKind::write_failed, shown + ": exists and is not a GeoPackage that GDAL can open (" +
                                                 CPLGetLastErrorMsg() + "); it was left as it was");
    return ds;
}

// The database of a "PG:..." output. LIST_ALL_TABLES: a table without geometry of the
// name to write is one to refuse too. lp::Error(write_failed) naming shown when GDAL cannot
// connect.
GDALDatasetUniquePtr open_database(const std::string& connection, bool update, const std::string& shown) {
    const char* const drivers[] = {"PostgreSQL", nullptr};
    const char* const open_options[] = {"LIST_ALL_TABLES=YES", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(connection.c_str(),
                                              GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), drivers,
                                              open_options));
    if (!ds)
        throw Error(ErrorKind::write_failed, shown + ": cannot open the database (" + CPLGetLastErrorMsg() +
                                                 "); nothing was written");
    return ds;
}

// The value of KEY=VALUE among options (KEY whatever its case), "" when absent.
std::string creation_option(const std::vector<std::string>& options, const char* key) {
    for (const auto& option : options) {
        const auto eq = option.find('=');
        if (eq != std::string::npos && EQUAL(option.substr(0, eq).c_str(), key)) return option.substr(eq + 1);
    }
    return {};
}

// The index of the layer of ds named name, whatever its case (SQLite's rule for table
// names): -1 when there is none. Refused, naming the file and the layer, when there is one
// and overwrite is off.
int layer_to_replace(GDALDataset& ds, const std::string& name, bool overwrite, const std::string& shown,
                     const char* kind = "layer") {
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        const char* existing = ds.GetLayer(i)->GetName();
        if (!EQUAL(existing, name.c_str())) continue;
        if (!overwrite)
            throw Error(ErrorKind::output_is_input, shown + ": has a " + kind + " '" + existing +
                                                        "' already; nothing was written: " + existing_layer_advice);
        return i;
    }
    return -1;
}

} // namespace

namespace detail {

bool is_database_output(const std::string& path) { return path.size() >= 3 && EQUALN(path.c_str(), "PG:", 3); }

void check_creation_options(const std::string& driver_name, const std::vector<std::string>& options,
                            const std::string& path) {
    if (options.empty()) return;
    const std::string shown = shown_output_name(path);
    if (driver_name.empty())
        throw Error(ErrorKind::bad_setting, "layer creation option " + options.front() + ": " + shown +
                                                " is GeoJSON, written by Locality Planner's own RFC 7946 writer, which "
                                                "takes no layer creation options (they are for .gpkg, .shp, .fgb and PG:)");
    for (const auto& option : options) {
        const auto eq = option.find('=');
        if (eq == std::string::npos || eq == 0)
            throw Error(ErrorKind::bad_setting, "layer creation option " + option + ": not KEY=VALUE");
        if (EQUAL(option.substr(0, eq).c_str(), "OVERWRITE"))
            throw Error(ErrorKind::bad_setting, "layer creation option " + option +
                                                    ": whether a layer of that name is replaced is the output's overwrite setting, not a "
                                                    "creation option");
    }
    ensure_gdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (!driver) throw Error(ErrorKind::write_failed, shown + ": GDAL has no " + driver_name + " driver");
    const char* list = driver->GetMetadataItem(GDAL_DS_LAYER_CREATIONOPTIONLIST);
    const CPLXMLTreeCloser tree(list ? CPLParseXMLString(list) : nullptr);
    const CPLXMLNode* root = tree.get() ? CPLGetXMLNode(tree.get(), "=LayerCreationOptionList") : nullptr;
    // What ogr2ogr warns of (GDAL's own check is not exported): the option's name among the
    // driver's, and for a choice or a yes/no its value among those it takes.
    for (const auto& option : options) {
        const std::string key = option.substr(0, option.find('='));
        const std::string value = option.substr(option.find('=') + 1);
        std::string known;
        const CPLXMLNode* found = nullptr;
        for (const CPLXMLNode* o = root ? root->psChild : nullptr; o; o = o->psNext) {
            if (o->eType != CXT_Element || !EQUAL(o->pszValue, "Option")) continue;
            const char* name = CPLGetXMLValue(o, "name", "");
            if (!EQUAL(name, "OVERWRITE")) known += (known.empty() ? "" : ", ") + std::string(name);
            if (EQUAL(name, key.c_str()) || EQUAL(CPLGetXMLValue(o, "alias", ""), key.c_str())) found = o;
        }
        if (!found)
            throw Error(ErrorKind::bad_setting, "layer creation option " + option + ": GDAL's " + driver_name +
                                                    " driver (output " + shown + ") has no option " + key +
                                                    (known.empty() ? "; it takes none" : "; it takes " + known));
        const std::string type = CPLGetXMLValue(found, "type", "");
        std::string values;
        bool allowed = true;
        if (type == "boolean") {
            values = "YES, NO";
            allowed = false;
            for (const char* yes_no : {"YES", "NO", "TRUE", "FALSE", "ON", "OFF", "1", "0"})
                allowed = allowed || EQUAL(value.c_str(), yes_no);
        } else if (type == "string-select") {
            allowed = false;
            for (const CPLXMLNode* v = found->psChild; v; v = v->psNext) {
                if (v->eType != CXT_Element || !EQUAL(v->pszValue, "Value")) continue;
                const char* text = CPLGetXMLValue(v, nullptr, "");
                values += (values.empty() ? "" : ", ") + std::string(text);
                allowed = allowed || EQUAL(value.c_str(), text) || EQUAL(value.c_str(), CPLGetXMLValue(v, "alias", ""));
            }
        }
        if (!allowed)
            throw Error(ErrorKind::bad_setting, "layer creation option " + option + ": " + key + " takes " + values +
                                                    " (GDAL's " + driver_name + " driver, output " + shown + ")");
    }
}

std::string database_table_name(const std::string& path, const OutputLayer& layer) {
    if (layer.name.empty())
        throw Error(ErrorKind::bad_setting, "output layer name: a database output (" + shown_output_name(path) +
                                                ") needs the name of its table");
    std::string name = layer.name;
    if (!EQUAL(creation_option(layer.creation_options, "LAUNDER").c_str(), "NO"))
        for (char& c : name) { // as GDAL's PostgreSQL driver launders a new table's name
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (c == '\'' || c == '-' || c == '#') c = '_';
        }
    const std::string schema = creation_option(layer.creation_options, "SCHEMA");
    return schema.empty() ? name : schema + "." + name;
}

void check_database_table(const std::string& path, const OutputLayer& layer) {
    const std::string table = database_table_name(path, layer);
    ensure_gdal();
    const GDALDatasetUniquePtr ds = open_database(path, false, shown_output_name(path));
    layer_to_replace(*ds, table, layer.overwrite, shown_output_name(path), "table");
}

std::vector<std::string> property_names(const std::vector<Feature>& features) {
    std::vector<std::string> names;
    if (!features.empty())
        for (const auto& [key, value] : features.front().properties.items()) names.push_back(key);
    return names;
}

std::string output_layer_name(const std::string& path, const OutputLayer& layer, bool geopackage) {
    const std::string name = layer.name.empty() ? fs::path(path).stem().string() : layer.name;
    if (!geopackage) return name;
    bool reserved = EQUAL(name.c_str(), "layer_styles");
    for (const char* prefix : {"gpkg_", "rtree_", "sqlite_"})
        reserved = reserved || EQUALN(name.c_str(), prefix, std::strlen(prefix));
    if (reserved)
        throw Error(ErrorKind::bad_setting, "output layer name " + name + ": GeoPackage keeps that name for itself "
                                                "(gpkg_..., rtree_..., sqlite_..., layer_styles); choose another for " + path);
    return name;
}

bool check_existing_geopackage(const std::string& target, const std::string& layer_name, bool overwrite,
                               const std::string& shown) {
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) return false;
    // SQLite's journals: the file is open in another program (QGIS keeps a -wal while it
    // shows the layer) or a write to it was cut short. A copy of the file alone would miss
    // what they hold, and a replaced file under an open -wal would be corrupted.
    for (const char* journal : {"-wal", "-journal"}) {
        struct stat js {};
        if (::lstat((target + journal).c_str(), &js) == 0)
            throw Error(ErrorKind::write_failed, shown + ": " + target + journal +
                                                     " beside it shows the GeoPackage is open in another program (QGIS?) "
                                                     "or was not closed cleanly; close it there and try again (nothing "
                                                     "was written)");
    }
    ensure_gdal();
    const GDALDatasetUniquePtr ds = open_geopackage(target, false, shown);
    layer_to_replace(*ds, layer_name, overwrite, shown);
    return true;
}

void write_gdal_features(const std::string& file, const std::string& layer_name, const std::string& driver_name,
                         const std::vector<Feature>& features, const std::string& working_crs, const std::string& path,
                         const LayerStyle& style, const OutputLayer& output_layer) {
    ensure_gdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (!driver) throw Error(ErrorKind::write_failed, path + ": GDAL has no " + driver_name + " driver");
    // GeoPackage stamps gpkg_contents.last_change (and the metadata of a new file) with the
    // time of writing; a fixed date makes the same inputs give the same bytes (issue 24).
    // On this thread only, and a date the user set for GDAL wins.
    const CPLConfigOptionSetter fixed_date("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z", true);
    const bool overwrite = output_layer.overwrite;
    const bool database = driver_name == "PostgreSQL";
    GDALDatasetUniquePtr ds;
    bool transaction = false;
    try {
        std::error_code ec;
        if (database) {
            // The old table's drop, the new table and its rows in one transaction (PostgreSQL's
            // DDL is transactional): a failure anywhere leaves the database as it was.
            ds = open_database(file, true, path);
            transaction = ds->StartTransaction() == OGRERR_NONE;
            if (!transaction)
                throw Error(ErrorKind::write_failed, path + ": cannot start a transaction (" + CPLGetLastErrorMsg() + ")");
            const int old = layer_to_replace(*ds, database_table_name(file, output_layer), overwrite, path, "table");
            if (old >= 0 && ds->DeleteLayer(old) != OGRERR_NONE)
                throw Error(ErrorKind::write_failed, path + ": cannot drop the old table '" + layer_name + "' (" +
                                                         CPLGetLastErrorMsg() + ")");
        } else if (driver_name == "GPKG" && fs::exists(file, ec)) { // a copy of the GeoPackage the layer goes into
            ds = open_geopackage(file, true, path);
            const int old = layer_to_replace(*ds, layer_name, overwrite, path);
            if (old >= 0 && ds->DeleteLayer(old) != OGRERR_NONE)
                throw Error(ErrorKind::write_failed, path + ": cannot remove the old layer '" + layer_name + "' (" +
                                                         CPLGetLastErrorMsg() + ")");
        } else {
            ds.reset(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!ds) throw Error(ErrorKind::write_failed, path + ": cannot create (" + CPLGetLastErrorMsg() + ")");
        }
        OGRSpatialReference srs;
        srs.SetFromUserInput(working_crs.c_str());
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        CPLStringList options;
        for (const auto& option : output_layer.creation_options) options.AddString(option.c_str());
        OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), &srs, wkbMultiPolygon, options.List());
        if (!layer)
            throw Error(ErrorKind::write_failed,
                        path + ": cannot create layer '" + layer_name + "' (" + CPLGetLastErrorMsg() + ")");
        // One transaction: a GeoPackage otherwise commits (and syncs) every feature.
        if (!database) transaction = ds->StartTransaction() == OGRERR_NONE;
        const bool shapefile = driver_name == "ESRI Shapefile";
        const auto full_names = property_names(features);
        const auto names = shapefile ? shapefile_field_names(full_names) : full_names;
        if (!features.empty()) {
            std::size_t i = 0;
            for (const auto& [key, value] : features.front().properties.items()) {
                OGRFieldDefn fd(names[i++].c_str(), field_type(value));
                // A yes/no reads as one in every client that knows the subtype (GeoPackage,
                // FlatGeobuf, PostGIS); a Shapefile keeps 0/1.
                if (value.is_boolean()) fd.SetSubType(OFSTBoolean);
                if (layer->CreateField(&fd) != OGRERR_NONE)
                    throw Error(ErrorKind::write_failed, path + ": cannot create field " + key + " (" + CPLGetLastErrorMsg() + ")");
            }
        }
        for (const auto& f : features) {
            OGRFeature feature(layer->GetLayerDefn());
            int i = 0;
            for (const auto& [key, value] : f.properties.items()) {
                (void)key;
                if (value.is_boolean()) feature.SetField(i, value.get<bool>() ? 1 : 0);
                else if (value.is_number_integer() || value.is_number_unsigned()) feature.SetField(i, static_cast<GIntBig>(value.get<long long>()));
                else if (value.is_number()) feature.SetField(i, value.get<double>());
                else if (value.is_string()) feature.SetField(i, value.get<std::string>().c_str());
                else if (!value.is_null()) feature.SetField(i, value.dump().c_str());
                ++i;
            }
            OGRMultiPolygon mp;
            for (const auto& poly : f.shape) {
                OGRPolygon p;
                auto ring = [](const Ring& r) {
                    auto* lr = new OGRLinearRing();
                    lr->setNumPoints(static_cast<int>(r.size()));
                    for (std::size_t k = 0; k < r.size(); ++k) lr->setPoint(static_cast<int>(k), r[k].x, r[k].y);
                    return lr;
                };
                p.addRingDirectly(ring(poly.exterior));
                for (const auto& h : poly.holes) p.addRingDirectly(ring(h));
                mp.addGeometry(&p);
            }
            feature.SetGeometry(&mp);
            if (layer->CreateFeature(&feature) != OGRERR_NONE)
                throw Error(ErrorKind::write_failed, path + ": cannot write a feature (" + CPLGetLastErrorMsg() + ")");
        }
        if (database) write_database_style(*ds, *layer, style, path);
        if (transaction) {
            transaction = false;
            if (ds->CommitTransaction() != OGRERR_NONE)
                throw Error(ErrorKind::write_failed, path + ": cannot commit (" + CPLGetLastErrorMsg() + ")");
        }
        if (driver_name == "GPKG") write_layer_styles(*ds, layer_name, layer->GetGeometryColumn(), style, path);
        ds.reset(); // flush and close
    } catch (...) {
        // Closing GDAL's PostgreSQL dataset would commit what its transaction holds.
        if (ds && transaction) ds->RollbackTransaction();
        throw;
    }
}

// The GDAL driver for an output path, "" for our own RFC 7946 writer.
std::string output_driver(const std::string& path) {
    if (is_database_output(path)) return "PostgreSQL";
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); }); // .GPKG too
    if (ext == ".geojson" || ext == ".json") return "";
    if (ext == ".gpkg") return "GPKG";
    if (ext == ".shp") return "ESRI Shapefile";
    if (ext == ".fgb") return "FlatGeobuf";
    throw Error(ErrorKind::bad_setting,
                path + ": unknown output format '" + ext + "' (use .geojson, .gpkg, .shp, .fgb or PG:connection)");
}

} // namespace detail

void check_output_folder(const std::string& path) {
    const fs::path folder = fs::path(path).parent_path();
    std::error_code ec;
    if (!folder.empty() && !fs::is_directory(folder, ec))
        throw Error(ErrorKind::write_failed, path + ": cannot write: folder " + folder.string() +
                                                (ec ? " cannot be read (" + ec.message() + ")" : " does not exist"));
}

void check_output_path(const std::string& path, const OutputLayer& layer) {
    const std::string driver = detail::output_driver(path);
    detail::check_creation_options(driver, layer.creation_options, path);
    if (detail::is_database_output(path)) {
        detail::check_database_table(path, layer);
        return;
    }
    const bool geopackage = driver == "GPKG";
    check_output_folder(path);
    if (geopackage)
        detail::check_existing_geopackage(resolve_output_target(path), detail::output_layer_name(path, layer, true),
                                          layer.overwrite, path);
}

std::string geopackage_layer_name(const std::string& path, const OutputLayer& layer) {
    if (detail::is_database_output(path)) return detail::database_table_name(path, layer);
    return detail::output_driver(path) == "GPKG" ? detail::output_layer_name(path, layer, true) : std::string();
}

std::string shown_output_name(const std::string& path) {
    if (!detail::is_database_output(path)) return path;
    // libpq's keyword=value form: password=secret, password='a b', password = secret.
    static const std::regex password(R"((password\s*=\s*)('([^'\\]|\\.)*'|[^\s]*))", std::regex::icase);
    return std::regex_replace(path, password, "$1***");
}

void write_features(const std::string& path, const std::vector<Feature>& features, const std::string& working_crs,
                    const LayerStyle& style, const OutputLayer& layer) {
    OutputSet output;
    output.add_features(path, features, working_crs, style, layer);
    output.commit();
}

} // namespace lp
