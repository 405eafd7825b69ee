#pragma once
// --layer-name and --overwrite, for the commands that write features (dissolve, generate,
// export): the layer they write inside a GeoPackage, whose other layers and styles stay,
// and whether a layer of that name may be replaced (lp::OutputLayer).
#include "flag_errors.hpp"

#include <lp/io/geojson_writer.hpp>

#include <CLI/CLI.hpp>

#include <string>

namespace lp::cli {

// layer.name, when not empty, is the default shown in the help.
inline void add_output_layer_options(CLI::App& cmd, OutputLayer& layer, const std::string& layer_help) {
    auto* name = cmd.add_option("--layer-name", layer.name, layer_help);
    if (!layer.name.empty()) name->capture_default_str();
    cmd.add_flag("--overwrite", layer.overwrite,
                 "Replace a layer of that name in a .gpkg that exists, or a table of that name in the PG: database "
                 "(their other layers and tables are kept either way)");
    cmd.add_option("--lco", layer.creation_options,
                   "GDAL layer creation option KEY=VALUE for a .gpkg, .shp, .fgb or PG: output, as ogr2ogr's -lco "
                   "(repeatable; e.g. GEOMETRY_NAME=geom, SCHEMA=planning, SPATIAL_INDEX=NO)")
        ->type_name("KEY=VALUE");
}

// " (layer NAME)" after a GeoPackage output's path in what a command prints, " (table NAME)"
// after a database's; "" for others.
inline std::string layer_note(const std::string& path, const OutputLayer& layer) {
    const std::string name = geopackage_layer_name(path, layer);
    if (name.empty()) return name;
    return (path.rfind("PG:", 0) == 0 || path.rfind("pg:", 0) == 0 ? " (table " : " (layer ") + name + ")";
}

} // namespace lp::cli
