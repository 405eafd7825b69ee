#pragma once
// The map panel: pan (drag), zoom (wheel, around the cursor), fit; fills by locality
// or a choropleth of any demand column; bold locality boundaries, locality names,
// GP practices and hospitals, hover details, scale bar, legend and the OGL attribution.
// Clicking or brushing paints zones into the active locality, or locks them.
#include "colours.hpp"
#include "map_camera.hpp"
#include "map_renderer.hpp"
#include "session.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace lp::viewer {

enum class MapTool { pan, paint, lock, unlock };

class MapView {
public:
    // Builds the map window over rect and handles its input.
    void ui(Session& session, ScreenRect rect);
    // Draws the GL layers (call after ImGui::Render, before ImGui's draw data).
    void render(Session& session, MapRenderer& renderer, int framebuffer_height, float pixel_scale);

    void fit(const Session& session);
    MapCamera& camera() { return camera_; }

    // Choropleth of a demand column; "" colours by locality.
    void set_choropleth(const Session& session, const std::string& column);
    const std::string& choropleth() const { return choropleth_; }

    MapTool tool = MapTool::paint;
    float brush_radius = 0;         // screen pixels; 0 paints the single zone clicked
    bool show_points = true;
    bool show_outlines = true;
    int forced_hover = -1;          // zone a script hovers (for screenshots)

    // Zones the brush at screen point (sx, sy) covers.
    std::vector<std::uint32_t> zones_under(const Session& session, float sx, float sy) const;
    // Applies the current tool at a screen point (used by the mouse and by scripts).
    void apply_tool(Session& session, float sx, float sy);

private:
    void draw_overlays(Session& session);
    void draw_tooltip(Session& session, int zone);
    void update_colours(Session& session, MapRenderer& renderer);

    MapCamera camera_;
    bool fitted_ = false;
    std::string choropleth_;
    std::vector<double> breaks_;      // class upper bounds for the choropleth
    int hover_zone_ = -1;
    bool stroking_ = false;
    std::size_t coloured_revision_ = static_cast<std::size_t>(-1);
    std::size_t coloured_mesh_ = static_cast<std::size_t>(-1);
    std::string coloured_choropleth_;
    int coloured_active_ = -2;
}; // class MapView

} // namespace lp::viewer
