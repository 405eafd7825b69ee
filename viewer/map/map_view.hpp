#pragma once
// The map panel: pan (drag), zoom (wheel, around the cursor), fit; fills by locality
// or a choropleth of any demand column; bold locality boundaries, locality names,
// GP practices and hospitals, hover details, scale bar, legend and the OGL attribution.
// Clicking or brushing paints zones into the active locality, or locks them.
#include "model/choropleth_classes.hpp"
#include "model/colours.hpp"
#include "map/context_layer.hpp"
#include "map/map_labels.hpp"
#include "map/map_camera.hpp"
#include "map/map_renderer.hpp"
#include "panels/search_panel.hpp"
#include "model/session.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lp::viewer {

// The ImGui window over the map (labels, brush, overlays): the frame cache redraws only
// the map's rectangle when no other window changed.
inline constexpr const char* map_window_name = "##map";

enum class MapTool { pan, paint, lock, unlock };

class MapView {
public:
    // Builds the map window over rect and handles its input.
    void ui(Session& session, ScreenRect rect);
    // Draws the GL layers (call after ImGui::Render, before ImGui's draw data).
    void render(Session& session, MapRenderer& renderer, int framebuffer_height, float pixel_scale);
    // The map alone (fills, boundaries, markers; no hover or search highlight) as seen by
    // `camera` into the bound framebuffer, for a document image (document_export.hpp).
    void render_document(Session& session, MapRenderer& renderer, const MapCamera& camera, int framebuffer_height,
                         float pixel_scale);
    // The renderer's point scale at a camera's scale: markers shrink at national views.
    float marker_scale_at(const Session& session, double scale) const;

    void fit(const Session& session);
    MapCamera& camera() { return camera_; }
    bool laid_out() const { return laid_out_; } // drawn once: its rectangle (and so its scale) is known

    // Choropleth of a demand column; "" colours by locality.
    void set_choropleth(const Session& session, const std::string& column);
    const std::string& choropleth() const { return choropleth_; }
    // Quantiles or equal intervals (the legend's combo box).
    void set_class_method(const Session& session, ClassMethod method);
    ClassMethod class_method() const { return class_method_; }
    const ChoroplethClasses& classes() const { return classes_; }

    // Shows the box (mesh coordinates) filling most of the map, at least 1.5 km across.
    void zoom_to(const Box& box);
    SearchPanel& search() { return search_; }
    // The map's floating windows (the search box, the legend) say where they were drawn,
    // so that no name is placed under them; an empty box: not shown.
    enum class Cover { search, legend };
    void set_covered(Cover window, const ScreenBox& box) { covered_[static_cast<int>(window)] = box; }
    const MapLabels& labels() const { return labels_; }
    const ContextLayer& context() const { return context_; }

    MapTool tool = MapTool::paint;
    float brush_radius = 0;         // screen pixels; 0 paints the single zone clicked
    bool show_points = true;
    bool show_outlines = true;
    int forced_hover = -1;          // zone a script hovers (for screenshots)

    // Zones the brush at screen point (sx, sy) covers.
    std::vector<std::uint32_t> zones_under(const Session& session, float sx, float sy) const;
    // Applies the current tool at a screen point (used by the mouse and by scripts).
    void apply_tool(Session& session, float sx, float sy);

    // Generate localities' "pick hubs": while on, a left click on the map picks the zone
    // under it (for the dialog to add as a hub) instead of using the tool.
    bool picking_hubs = false;
    // As a click at a screen point while picking (the mouse, and scripts).
    void pick_at(const Session& session, float sx, float sy);
    // Zones picked since the last call.
    std::vector<std::uint32_t> take_picked() { return std::exchange(picked_, {}); }

private:
    void draw_overlays(Session& session);
    void draw_tooltip(Session& session, int zone);
    // The service point whose marker (as drawn) is under the pointer: its layer and index.
    std::optional<std::pair<std::size_t, std::size_t>> marker_at(const Session& session, float sx, float sy) const;
    void draw_marker_tooltip(const Session& session, std::size_t layer, std::size_t point);
    // Puts the next tooltip beside the brush, never over it.
    void place_tooltip_beside_brush() const;
    void update_colours(Session& session, MapRenderer& renderer);
    // The renderer's point scale: markers shrink when zones are only a few pixels wide.
    float marker_scale(const Session& session) const;
    float typical_zone_pixels(const Session& session) const;

    MapCamera camera_;
    bool fitted_ = false;
    // A zoom asked for before the map was first laid out (a search in a script while the
    // data loaded): applied once the map's rectangle is known, or it would scale to a 1 px map.
    std::optional<Box> pending_zoom_;
    bool laid_out_ = false;
    std::string choropleth_;
    ClassMethod class_method_ = ClassMethod::quantile;
    ChoroplethClasses classes_;
    SearchPanel search_;
    ContextLayer context_;
    MapLabels labels_;  // the names and their layout for this view
    std::vector<ScreenBox> covered_ = std::vector<ScreenBox>(2);  // per Cover, last frame
    int hover_zone_ = -1;
    bool stroking_ = false;
    std::vector<std::uint32_t> picked_;
    std::size_t coloured_revision_ = static_cast<std::size_t>(-1);
    static constexpr double stray_pulse_seconds = 4.0;
    std::size_t stray_revision_ = static_cast<std::size_t>(-1);  // the plan the pulse started for
    double stray_since_ = 0;
    std::size_t coloured_mesh_ = static_cast<std::size_t>(-1);
    std::string coloured_choropleth_;
    int coloured_active_ = -2;
}; // class MapView

} // namespace lp::viewer
