#pragma once
// Draws the zone mesh with OpenGL: triangles uploaded once into a vertex buffer, a
// colour buffer rewritten only when colours change, thin zone outlines and bold
// locality boundaries as line buffers, and every draw culled to the zones whose boxes
// meet the view (glMultiDrawArrays over per-zone ranges).
#include "colours.hpp"
#include "gl.hpp"
#include "map_camera.hpp"

#include <lp/edit/zone_mesh.hpp>

#include <cstdint>
#include <vector>

namespace lp::viewer {

class MapRenderer {
public:
    MapRenderer() = default;
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Uploads positions and outlines; the mesh must outlive the renderer's use of it.
    void upload(const ZoneMesh& mesh);
    bool ready() const { return mesh_ != nullptr; }

    // One colour per zone.
    void set_zone_colours(const std::vector<Rgba>& colours);
    // Segments (indices into the mesh's segments) drawn bold, e.g. locality boundaries.
    void set_bold_segments(const std::vector<std::uint32_t>& segments);

    // framebuffer_height: for converting the camera's top-left rectangle to GL's
    // bottom-left viewport; pixel_scale: framebuffer pixels per screen pixel.
    void draw(const MapCamera& camera, int framebuffer_height, float pixel_scale, float outline_alpha);
    // Fills the given zones again in one colour (blended): hover, split highlight.
    void draw_overlay(const MapCamera& camera, int framebuffer_height, float pixel_scale,
                      const std::vector<std::uint32_t>& zones, Rgba colour);

    std::size_t zones_drawn() const { return zones_drawn_; }

private:
    void begin(const MapCamera& camera, int framebuffer_height, float pixel_scale);
    void end();
    void collect_visible(const MapCamera& camera);

    const ZoneMesh* mesh_ = nullptr;
    GLuint positions_ = 0, colours_ = 0, segments_ = 0, bold_indices_ = 0;
    GLsizei bold_count_ = 0;
    std::vector<std::uint32_t> segment_first_;   // per zone: first segment it owns
    std::vector<std::uint32_t> segment_count_;
    std::vector<GLint> fill_first_, line_first_;
    std::vector<GLsizei> fill_count_, line_count_;
    std::vector<Rgba> vertex_colours_;
    std::size_t zones_drawn_ = 0;
}; // class MapRenderer

} // namespace lp::viewer
