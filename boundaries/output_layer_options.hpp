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
                 "Replace a layer of that name in a .gpkg that exists (its other layers are kept either way)");
}

// " (layer NAME)" after a GeoPackage output's path in what a command prints; "" for others.
inline std::string layer_note(const std::string& path, const OutputLayer& layer) {
    const std::string name = geopackage_layer_name(path, layer);
    return name.empty() ? name : " (layer " + name + ")";
}

} // namespace lp::cli
