#include <lp/io/layer_style.hpp>

#include <cstdio>
#include <sstream>

namespace lp {

namespace {

// "#rrggbb" -> "r,g,b,a" as QGIS writes colours.
std::string qgis_colour(const std::string& hex, double opacity = 1.0) {
    unsigned r = 128, g = 128, b = 128;
    if (hex.size() == 7 && hex[0] == '#') std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
    const int alpha = static_cast<int>(opacity * 255.0 + 0.5);
    return std::to_string(r) + "," + std::to_string(g) + "," + std::to_string(b) + "," + std::to_string(alpha);
}

std::string number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

void option(std::ostringstream& out, const std::string& name, const std::string& value) {
    out << "            <Option name=\"" << name << "\" type=\"QString\" value=\"" << xml_escaped(value) << "\"/>\n";
}

void fill_symbol(std::ostringstream& out, const std::string& name, const std::string& colour, const LayerStyle& style) {
    out << "        <symbol type=\"fill\" name=\"" << xml_escaped(name)
        << "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
        << "          <layer class=\"SimpleFill\" enabled=\"1\" pass=\"0\" locked=\"0\">\n"
        << "           <Option type=\"Map\">\n";
    option(out, "color", qgis_colour(colour, style.fill_opacity));
    option(out, "joinstyle", "bevel");
    option(out, "offset", "0,0");
    option(out, "offset_unit", "MM");
    option(out, "outline_color", qgis_colour(style.outline_colour));
    option(out, "outline_style", "solid");
    option(out, "outline_width", number(style.outline_width_mm));
    option(out, "outline_width_unit", "MM");
    option(out, "style", "solid");
    out << "           </Option>\n"
        << "          </layer>\n"
        << "        </symbol>\n";
}

// A <labeling> element: dark text of field with a white halo; placement holds the attributes
// of <placement> (centred in a polygon, beside a point).
std::string labeling_elements(const std::string& field, double size_pt, const char* weight, const char* named_style,
                              const std::string& placement) {
    std::ostringstream out;
    out << "    <labeling type=\"simple\">\n"
        << "      <settings calloutType=\"simple\">\n"
        << "        <text-style fieldName=\"" << xml_escaped(field) << "\" isExpression=\"0\" fontSize=\""
        << number(size_pt) << "\" fontSizeUnit=\"Point\" fontWeight=\"" << weight
        << "\" textColor=\"20,20,20,255\" textOpacity=\"1\" namedStyle=\"" << named_style
        << "\" multilineHeight=\"1\" allowHtml=\"0\">\n"
        << "          <text-buffer bufferDraw=\"1\" bufferSize=\"1\" bufferSizeUnits=\"MM\""
           " bufferColor=\"255,255,255,255\" bufferOpacity=\"0.9\" bufferJoinStyle=\"128\" bufferNoFill=\"1\"/>\n"
        << "        </text-style>\n"
        << "        <text-format wrapChar=\"\" autoWrapLength=\"0\" multilineAlign=\"3\"/>\n"
        << "        <placement " << placement << "/>\n"
        << "        <rendering obstacle=\"1\" obstacleType=\"1\" displayAll=\"0\" labelPerPart=\"0\""
           " mergeLines=\"0\" scaleVisibility=\"0\" upsidedownLabels=\"0\" limitNumLabels=\"0\"/>\n"
        << "      </settings>\n"
        << "    </labeling>\n";
    return out.str();
}

} // namespace

std::string xml_escaped(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c;
        }
    }
    return out;
}

LayerStyle with_field_names(LayerStyle style, const std::vector<std::string>& full_names,
                            const std::vector<std::string>& short_names) {
    for (std::size_t i = 0; i < full_names.size() && i < short_names.size(); ++i) {
        if (style.category_field == full_names[i]) style.category_field = short_names[i];
        if (style.label_field == full_names[i]) style.label_field = short_names[i];
    }
    return style;
}

std::string qgis_style_elements(const LayerStyle& style) {
    std::ostringstream out;
    out << "    <renderer-v2 type=\"categorizedSymbol\" attr=\"" << xml_escaped(style.category_field)
        << "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
        << "      <categories>\n";
    for (std::size_t i = 0; i < style.categories.size(); ++i)
        out << "        <category render=\"true\" symbol=\"" << i << "\" value=\""
            << xml_escaped(style.categories[i].value) << "\" label=\"" << xml_escaped(style.categories[i].label)
            << "\"/>\n";
    out << "      </categories>\n"
        << "      <symbols>\n";
    for (std::size_t i = 0; i < style.categories.size(); ++i)
        fill_symbol(out, std::to_string(i), style.categories[i].colour, style);
    out << "      </symbols>\n"
        << "      <source-symbol>\n";
    fill_symbol(out, "0", "#bdbdbd", style);
    out << "      </source-symbol>\n"
        << "    </renderer-v2>\n";
    // Centred on each polygon, inside it; labels may collide with nothing but each other.
    if (!style.label_field.empty())
        out << labeling_elements(style.label_field, 10, "75", "Bold",
                                 "placement=\"1\" centroidInside=\"1\" centroidWhole=\"0\" fitInPolygonOnly=\"0\""
                                 " priority=\"5\" dist=\"0\" offsetType=\"0\" quadOffset=\"4\"");
    return out.str();
}

std::string qgis_point_style_elements(const std::string& colour, double size_mm, const std::string& label_field) {
    std::ostringstream out;
    out << "    <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
        << "      <symbols>\n"
        << "        <symbol type=\"marker\" name=\"0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
        << "          <layer class=\"SimpleMarker\" enabled=\"1\" pass=\"0\" locked=\"0\">\n"
        << "           <Option type=\"Map\">\n";
    option(out, "name", "circle");
    option(out, "color", qgis_colour(colour));
    option(out, "outline_color", "255,255,255,255");
    option(out, "outline_style", "solid");
    option(out, "outline_width", "0.3");
    option(out, "outline_width_unit", "MM");
    option(out, "size", number(size_mm));
    option(out, "size_unit", "MM");
    option(out, "scale_method", "diameter");
    out << "           </Option>\n"
        << "          </layer>\n"
        << "        </symbol>\n"
        << "      </symbols>\n"
        << "    </renderer-v2>\n";
    // Beside each point (QGIS's cartographic placement picks the side with room), smaller
    // than the localities' names, so the map reads localities first.
    if (!label_field.empty())
        out << labeling_elements(label_field, 7.5, "50", "Regular",
                                 "placement=\"6\" dist=\"0.8\" distUnits=\"MM\" priority=\"3\" offsetType=\"0\""
                                 " quadOffset=\"4\" predefinedPositionOrder=\"TR,TL,BR,BL,R,L,TSR,BSR\"");
    return out.str();
}

std::string style_qml(const LayerStyle& style) {
    std::ostringstream out;
    out << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        << "<qgis version=\"3.22.16\" styleCategories=\"Symbology|Labeling\" labelsEnabled=\""
        << (style.label_field.empty() ? 0 : 1) << "\">\n"
        << qgis_style_elements(style) << "  <layerGeometryType>2</layerGeometryType>\n"
        << "</qgis>\n";
    return out.str();
}

std::string style_sld(const LayerStyle& style, const std::string& layer_name) {
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\""
           " xmlns:se=\"http://www.opengis.net/se\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
           " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"1.1.0\""
           " xsi:schemaLocation=\"http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd\">\n"
        << " <NamedLayer>\n"
        << "  <se:Name>" << xml_escaped(layer_name) << "</se:Name>\n"
        << "  <UserStyle>\n"
        << "   <se:Name>" << xml_escaped(style.name) << "</se:Name>\n"
        << "   <se:FeatureTypeStyle>\n";
    for (const auto& c : style.categories) {
        out << "    <se:Rule>\n"
            << "     <se:Name>" << xml_escaped(c.label) << "</se:Name>\n"
            << "     <se:Description><se:Title>" << xml_escaped(c.label) << "</se:Title></se:Description>\n"
            << "     <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>" << xml_escaped(style.category_field)
            << "</ogc:PropertyName><ogc:Literal>" << xml_escaped(c.value)
            << "</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>\n"
            << "     <se:PolygonSymbolizer>\n"
            << "      <se:Fill><se:SvgParameter name=\"fill\">" << xml_escaped(c.colour) << "</se:SvgParameter>"
            << "<se:SvgParameter name=\"fill-opacity\">" << number(style.fill_opacity) << "</se:SvgParameter></se:Fill>\n"
            << "      <se:Stroke><se:SvgParameter name=\"stroke\">" << xml_escaped(style.outline_colour)
            << "</se:SvgParameter><se:SvgParameter name=\"stroke-width\">1</se:SvgParameter></se:Stroke>\n"
            << "     </se:PolygonSymbolizer>\n"
            << "    </se:Rule>\n";
    }
    if (!style.label_field.empty())
        out << "    <se:Rule>\n"
            << "     <se:TextSymbolizer>\n"
            << "      <se:Label><ogc:PropertyName>" << xml_escaped(style.label_field) << "</ogc:PropertyName></se:Label>\n"
            << "      <se:Font><se:SvgParameter name=\"font-size\">13</se:SvgParameter>"
               "<se:SvgParameter name=\"font-weight\">bold</se:SvgParameter></se:Font>\n"
            << "      <se:LabelPlacement><se:PointPlacement><se:AnchorPoint><se:AnchorPointX>0.5</se:AnchorPointX>"
               "<se:AnchorPointY>0.5</se:AnchorPointY></se:AnchorPoint></se:PointPlacement></se:LabelPlacement>\n"
            << "      <se:Halo><se:Radius>2</se:Radius><se:Fill><se:SvgParameter name=\"fill\">#ffffff</se:SvgParameter>"
               "</se:Fill></se:Halo>\n"
            << "      <se:Fill><se:SvgParameter name=\"fill\">#141414</se:SvgParameter></se:Fill>\n"
            << "     </se:TextSymbolizer>\n"
            << "    </se:Rule>\n";
    out << "   </se:FeatureTypeStyle>\n"
        << "  </UserStyle>\n"
        << " </NamedLayer>\n"
        << "</StyledLayerDescriptor>\n";
    return out.str();
}

} // namespace lp
