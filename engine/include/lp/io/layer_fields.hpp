#pragma once
// What a vector file holds, for pickers: its layers and a layer's fields (GDAL), so a
// planner chooses the id and filter fields from a list instead of typing them.
#include <string>
#include <vector>

namespace lp {

struct LayerFields {
    std::vector<std::string> layers;   // every layer in the file
    std::string layer;                 // the layer described (the one asked for, else the first)
    std::vector<std::string> fields;   // its attribute fields, in file order
};

// Throws lp::Error (file_not_found, layer_not_found) naming the file.
LayerFields describe_layer(const std::string& path, const std::string& layer = "");

} // namespace lp
