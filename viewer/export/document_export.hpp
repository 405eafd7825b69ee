#pragma once
// The map as an image for a document (File > Export map as PNG): drawn offscreen into a
// framebuffer of the image's own size (an A4 page at 300 DPI is 3508 x 2480 pixels, far
// larger than the window), with only the map, its names, a legend, a scale bar and the
// attribution lines; no search box, panels or hover. The PNG records its DPI (pHYs).
#include "export/document_page.hpp"
#include "map/map_renderer.hpp"
#include "map/map_view.hpp"
#include "model/session.hpp"

#include <string>

struct ImFont;

namespace lp::viewer {

// The largest side an offscreen image may have here (the GL texture and viewport limits).
int max_document_side();

// Writes the view on screen, fitted to the image (the whole of what the window shows,
// more on the longer side), to path. font: the document font (ui_font.hpp), rasterised
// large so names stay sharp at print DPI. Call between ImGui::NewFrame and Render, with
// the GL context current. Throws lp::Error(write_failed) naming the path.
// Returns the seconds each stage took.
struct DocumentTimes {
    double draw = 0, read = 0, encode = 0, write = 0;
};
DocumentTimes export_document_png(const std::string& path, const DocumentImage& image, Session& session, MapView& map,
                                  MapRenderer& renderer, ImFont* font);

} // namespace lp::viewer
