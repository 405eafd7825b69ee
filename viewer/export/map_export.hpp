#pragma once
// The localities as an SVG for documents (vector, from the engine's report map) with the
// licence lines; the PNG is document_export.hpp.
#include "map/map_camera.hpp"
#include "model/session.hpp"

#include <string>

namespace lp::viewer {

// Dissolved localities in their colours with names, a legend and the attribution lines
// (document_page.hpp). Throws lp::Error.
void export_map_svg(Session& session, const std::string& path);

} // namespace lp::viewer
