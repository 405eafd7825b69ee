#pragma once
// The whole window drawn into a texture that outlives the frame (or, where the window's
// back buffer keeps its pixels between frames, the window itself). Under llvmpipe the
// panels' GL cost is fill rate (a few thousand vertices cover the window two or three
// times over with blended, textured quads), and while the map pans or labels move the
// panels do not change: when every ImGui draw list but the map's own is byte for byte
// last frame's, only the map's rectangle is drawn again (the map, then ImGui clipped to
// that rectangle) and the rest of the texture is kept. The texture is then copied to the
// window with one blit. A frame whose panels differ from the last one's is drawn straight
// to the window, so editing does not pay for the copy.
// Where the window's back buffer keeps its pixels (WindowPresenter), there is no texture:
// the frame's ImGui triangles are compared with the last frame's (frame_damage.hpp) and
// the map's with what its renderer will change, and only the rectangles that differ are
// cleared, drawn and presented (regions()).
#include "app/gl.hpp"
#include "map/frame_damage.hpp"
#include "map/map_camera.hpp"
#include "map/render_target.hpp"

#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

struct ImDrawData;
struct ImDrawList;

namespace lp::viewer {

class FrameCache {
public:
    FrameCache();
    ~FrameCache();
    FrameCache(const FrameCache&) = delete;
    FrameCache& operator=(const FrameCache&) = delete;

    // Starts a frame of fb_w x fb_h pixels and binds its target (framebuffer()).
    // map_rect is the map's rectangle in ImGui coordinates; map_list names the ImGui
    // window drawn only inside it. Returns true when the whole frame must be drawn,
    // false when only the map's rectangle is.
    // window_keeps_frame: the window's back buffer still holds the last frame
    // (WindowPresenter), so the frame is drawn straight into it and nothing is copied.
    // map: what the map's GL layers will show (MapRenderer's signatures and changed_rect()).
    struct MapLayers {
        std::uint64_t image = 0, overlays = 0;
        // Where the map's image changes (framebuffer pixels, top-left origin), when image differs.
        DamageRect changed;
        // Where the overlays draw (MapRenderer::overlay_boxes()), drawn again when they differ.
        std::vector<DamageRect> overlay_boxes;
    };
    bool begin(int fb_w, int fb_h, const ScreenRect& map_rect, const ImDrawData* draw_data, const char* map_list,
               bool window_keeps_frame, const MapLayers& map);
    // The rectangles this frame draws, each cleared, drawn (the map, then ImGui clipped to
    // it) and presented: the whole frame, the map's rectangle, or what differs from the
    // window's last frame. Empty when unchanged().
    // Nothing differs from the frame the window holds (panels, the map's ImGui window and
    // its GL layers): draw nothing and present nothing.
    bool unchanged() const { return unchanged_; }
    std::size_t unchanged_frames() const { return unchanged_frames_; }
    const std::vector<DamageRect>& regions() const { return regions_; }
    // This frame was drawn into the window only where it differs from the last.
    bool drew_in_part() const { return !unchanged_ && direct_ && window_valid_ && partial_; }
    // The draw lists that draw inside one of regions(), with their commands limited to it;
    // restore_draw_data() gives the commands their own clip rectangles back.
    ImDrawData* clip_draw_data(ImDrawData* draw_data, const DamageRect& region);
    void restore_draw_data(ImDrawData* draw_data) const;
    // Copies the texture to the window's back buffer (unless the frame went there
    // directly) and binds the window again.
    void finish();

    // Where this frame draws: the cache, or the window (0) while the panels keep changing.
    GLuint framebuffer() const { return target_; }
    // Only the map's rectangle was drawn this frame: only it needs presenting.
    bool map_only() const { return partial_; }
    std::size_t full_redraws() const { return full_redraws_; }
    std::size_t partial_redraws() const { return partial_redraws_; }
    // Frames drawn only where they differed from the window's last, and their pixels.
    std::size_t damaged_redraws() const { return damaged_redraws_; }
    double damaged_fraction() const { return damaged_pixels_ / std::max(1.0, damaged_frame_pixels_); }

private:
    RenderTarget image_;
    bool valid_ = false;
    bool partial_ = false;
    bool direct_ = false;
    GLuint target_ = 0;
    std::uint64_t panels_hash_ = 0;
    std::uint64_t map_hash_ = 0;
    bool unchanged_ = false;
    std::size_t unchanged_frames_ = 0;
    std::size_t full_redraws_ = 0;
    std::size_t partial_redraws_ = 0;
    // The window's last frame, when it holds one: its triangles and map layers.
    bool draw_whole_ = false;  // LOCALITY_VIEWER_DRAW_WHOLE
    bool window_valid_ = false;
    std::vector<DrawnTriangle> triangles_;
    std::uint64_t image_hash_ = 0, overlays_hash_ = 0;
    std::vector<DamageRect> overlay_boxes_;
    int window_w_ = 0, window_h_ = 0;
    std::vector<DamageRect> regions_;
    std::vector<ImDrawList*> region_lists_;
    std::vector<float> clips_;  // every command's own clip rectangle, while one region is drawn
    std::unique_ptr<ImDrawData> region_data_;  // the lists of one region
    std::size_t damaged_redraws_ = 0;
    double damaged_pixels_ = 0, damaged_frame_pixels_ = 0;
    bool begin_window(int fb_w, int fb_h, const ScreenRect& map_rect, const ImDrawData* draw_data, const MapLayers& map);
}; // class FrameCache

} // namespace lp::viewer
