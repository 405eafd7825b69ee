#pragma once
// A polygon layer's default look for GIS clients: filled by category (one colour per
// locality), outlined, labelled with a name. Written as QGIS QML and OGC SLD: into a
// GeoPackage's layer_styles table (the QGIS convention, so QGIS opens the layer styled),
// into QGIS projects, and beside a Shapefile as <name>.qml.
#include <string>
#include <vector>

namespace lp {

struct StyleCategory {
    std::string value;   // the attribute's value, as text ("3", "S12000049")
    std::string label;   // shown in the legend
    std::string colour;  // "#rrggbb"
};

struct LayerStyle {
    std::string name;            // styleName, e.g. "localities"
    std::string category_field;  // attribute the categories match
    std::string label_field;     // attribute each polygon is labelled with ("": no labels)
    std::vector<StyleCategory> categories;
    double fill_opacity = 1.0;   // 0..1
    std::string outline_colour = "#232323";
    double outline_width_mm = 0.4;

    bool empty() const { return category_field.empty(); }
};

// The same style with its fields renamed (a Shapefile's short names).
LayerStyle with_field_names(LayerStyle style, const std::vector<std::string>& full_names,
                            const std::vector<std::string>& short_names);

// The renderer-v2 and labeling elements, as a QGIS project's <maplayer> holds them.
std::string qgis_style_elements(const LayerStyle& style);
// A single-symbol renderer of circles for a point layer, and when label_field is given a
// <labeling> element naming each point by it (the layer's labels then need switching on:
// QgisLayer::labels).
std::string qgis_point_style_elements(const std::string& colour, double size_mm, const std::string& label_field = "");
// A whole .qml document.
std::string style_qml(const LayerStyle& style);
// An SLD 1.1 document for layer_name (rules by category, a text symbolizer).
std::string style_sld(const LayerStyle& style, const std::string& layer_name);

// XML text escaping for attributes and content.
std::string xml_escaped(const std::string& text);

} // namespace lp
