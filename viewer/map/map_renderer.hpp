#pragma once
// Draws the zone mesh with OpenGL: triangles uploaded once into a vertex buffer, a
// colour buffer rewritten only when colours change, thin zone outlines and bold
// locality boundaries as line buffers, and every draw culled to the zones whose boxes
// meet the view (glMultiDrawArrays over per-zone ranges).
#include "app/gl.hpp"
#include "map/frame_damage.hpp"
#include "map/image_shift.hpp"
#include "map/map_camera.hpp"
#include "map/render_target.hpp"
#include "model/colours.hpp"

#include <lp/render/zone_mesh.hpp>

#include <cstdint>
#include <optional>
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

    // One colour per zone. Only the zones whose colour changed are uploaded and drawn
    // again in the cached image (an edit repaints a few zones, not Scotland).
    void set_zone_colours(const std::vector<Rgba>& colours);
    // Segments (indices into the mesh's segments) drawn bold, e.g. locality boundaries.
    // Segments (indices into the mesh's segments) drawn bold: between localities always,
    // and along the area's edge only once zones are big enough on screen for outlines
    // (at a national view the detailed coast would drown the map in black).
    void set_bold_segments(const std::vector<std::uint32_t>& between, const std::vector<std::uint32_t>& edge);

    // Neighbouring areas under the zones: triangles (x,y per vertex) and their boundary
    // segments, relative to the mesh origin (viewer/map/context_layer.hpp).
    void set_context(std::vector<float> triangles, std::vector<float> segments);

    // Service points drawn as square symbols into the map image: x,y pairs relative
    // to the mesh origin. Points are one vertex each, which matters under llvmpipe,
    // where every small ImGui circle costs a dozen triangle setups.
    struct PointStyle {
        Rgba fill;
        float size;  // pixels, before the border
        Rgba border = rgba(255, 255, 255);
    };
    void set_points(std::vector<std::vector<float>> layers, std::vector<PointStyle> styles);
    void set_points_visible(bool visible);
    // Symbols shrink at national views, where hundreds share a few pixels.
    void set_point_scale(float scale);

    // framebuffer_height: for converting the camera's top-left rectangle to GL's
    // bottom-left viewport; pixel_scale: framebuffer pixels per screen pixel.
    void draw(const MapCamera& camera, int framebuffer_height, float pixel_scale, float outline_alpha);
    // The map drawn straight into the bound framebuffer, bypassing the cached image (which
    // stays the window's): a map image for a document, at its own size.
    void draw_uncached(const MapCamera& camera, int framebuffer_height, float pixel_scale, float outline_alpha);
    // Fills the given zones again in one colour (blended): hover, split highlight.
    void draw_overlay(const MapCamera& camera, int framebuffer_height, float pixel_scale,
                      const std::vector<std::uint32_t>& zones, Rgba colour);

    // A frame in two passes: with dry set, draw() and draw_overlay() only note what they
    // would draw (signature()), so a frame whose map and panels are all as last frame's
    // can leave the window as it is; then, unless skipped, again with dry unset.
    void begin_frame(bool dry) {
        dry_ = dry;
        signature_ = 0x6d6170;
        overlay_signature_ = 0x6f76;
        if (dry) {
            changed_ = PixelRect{};
            overlay_boxes_.clear();
        }
    }
    // What the map will show: its image and the overlays drawn over it (signature()
    // combines both).
    std::uint64_t signature() const { return signature_ ^ overlay_signature_; }
    std::uint64_t image_signature() const { return signature_; }
    std::uint64_t overlay_signature() const { return overlay_signature_; }
    // After a dry pass: the part of the target whose map image the real pass changes
    // (target pixels, bottom-left origin: x, y, width, height; empty when the image is
    // reused): the box an edit recoloured, or the whole map after a pan or zoom.
    const PixelRect& changed_rect() const { return changed_; }
    // After a dry pass: where the overlays draw (framebuffer pixels, top-left origin), a
    // box per zone: what a frame draws again when only an overlay changed (a pulse).
    const std::vector<DamageRect>& overlay_boxes() const { return overlay_boxes_; }
    // Limits what draw() and draw_overlay() put into the target to a rectangle (target
    // pixels, bottom-left origin), so a frame can draw only where it changed; none: all.
    void set_clip(std::optional<PixelRect> clip) { clip_ = clip; }
    // Where the map's image lands in the target (pixels, bottom-left origin): the camera's
    // rectangle rounded as the image's size is.
    static PixelRect viewport(const MapCamera& camera, int framebuffer_height, float pixel_scale);

    std::size_t zones_drawn() const { return zones_drawn_; }
    // Frames in which the mesh was drawn again (the rest reused the cached image), and
    // of those the ones that shifted the image and drew only the strips a pan exposed.
    std::size_t redraws() const { return redraws_; }
    std::size_t shifted_redraws() const { return shifted_redraws_; }
    // ...and the ones that drew again only where an edit changed colours or boundaries.
    std::size_t dirty_redraws() const { return dirty_redraws_; }
    // Where the cached map image is copied (the frame cache's framebuffer; 0 is the window).
    void set_target_framebuffer(GLuint framebuffer) { target_framebuffer_ = framebuffer; }

private:
    // strip: when given, only the zones meeting it are drawn, and only inside it
    // (framebuffer pixels of the target, bottom-left origin: x, y, width, height).
    void draw_mesh(const MapCamera& camera, int framebuffer_height, float pixel_scale, float outline_alpha,
                   const GLint* strip = nullptr);
    // Moves the cached image by whole pixels and draws the strips it uncovers; false when
    // the view moved by a fraction of a pixel or too far, and the whole image is drawn.
    struct CacheKey;
    bool shift_cache(const CacheKey& key, const MapCamera& camera, float pixel_scale, float outline_alpha);
    void begin(const MapCamera& camera, int framebuffer_height, float pixel_scale);
    void end();
    void collect_visible(const Box& view);

    // The drawn map is kept in a texture and only drawn again when the view, the
    // colours or the boundaries change: most frames (hover, typing in a panel) just
    // copy it, which llvmpipe does in well under a millisecond.
    struct CacheKey {
        double cx = 0, cy = 0, scale = 0;
        float x = 0, y = 0, w = 0, h = 0, outline_alpha = 0;
        int framebuffer_height = 0;
        bool operator==(const CacheKey&) const = default;
    };
    // Two images: a pan copies the current one, moved, into the other (a copy within
    // one texture would overlap itself).
    RenderTarget cache_[2];
    int current_ = 0;
    GLuint target_framebuffer_ = 0;
    bool cache_valid_ = false;
    CacheKey cache_key_;
    std::size_t redraws_ = 0;
    // Where the cached image is out of date (mesh coordinates), when it is only in part:
    // the zones recoloured and the bold segments added or removed since it was drawn.
    Box dirty_;
    // The centre the cached image was drawn for: the camera's, or after pans by whole
    // pixels within 1/1000 pixel of it (the image moved by exactly those pixels).
    Point image_centre_;
    std::vector<Rgba> zone_colours_;  // as last set
    bool colours_uploaded_ = false;
    std::vector<std::uint32_t> bold_between_, bold_edge_;  // as last set, in segment order
    void mark_dirty_segments(const std::vector<std::uint32_t>& before, const std::vector<std::uint32_t>& after);
    // Draws the dirty box again in the cached image; false when it is most of the image.
    bool redraw_dirty(const MapCamera& camera, float pixel_scale, float outline_alpha);
    // The dirty box in the cached image's pixels (bottom-left origin), widened by the bold
    // lines; empty when out of view, none when it is most of the image (drawn whole).
    std::optional<PixelRect> dirty_pixels(const MapCamera& camera, float pixel_scale) const;
    std::size_t shifted_redraws_ = 0;
    std::size_t dirty_redraws_ = 0;
    bool dry_ = false;
    std::uint64_t signature_ = 0;
    std::uint64_t overlay_signature_ = 0;
    PixelRect changed_{};
    std::vector<DamageRect> overlay_boxes_;
    std::optional<PixelRect> clip_;
    void note(std::uint64_t value) { signature_ = (signature_ ^ value) * 0x100000001b3ULL; }
    void note_overlay(std::uint64_t value) { overlay_signature_ = (overlay_signature_ ^ value) * 0x100000001b3ULL; }

    std::vector<float> context_triangles_, context_segments_;
    std::vector<std::vector<float>> points_;
    std::vector<PointStyle> point_styles_;
    bool points_visible_ = true;
    float point_scale_ = 1.0f;

    const ZoneMesh* mesh_ = nullptr;
    GLuint positions_ = 0, colours_ = 0, segments_ = 0, bold_indices_ = 0;
    // Per simplified level: positions, colours and the colours as uploaded.
    struct LevelBuffers {
        GLuint positions = 0;
        GLuint colours = 0;
        std::vector<Rgba> vertex_colours;
    };
    std::vector<LevelBuffers> levels_;
    int level_ = -1;        // this draw: -1 the full mesh, else a simplified level
    GLsizei bold_count_ = 0;       // indices in bold_indices_: `between` first, then `edge`
    GLsizei bold_between_count_ = 0;
    std::vector<std::uint32_t> segment_first_;   // per zone: first segment it owns
    std::vector<std::uint32_t> segment_count_;
    std::vector<GLint> fill_first_, line_first_;
    std::vector<GLsizei> fill_count_, line_count_;
    std::vector<Rgba> vertex_colours_;
    std::size_t zones_drawn_ = 0;
}; // class MapRenderer

} // namespace lp::viewer
