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
#include "app/gl.hpp"
#include "map/map_camera.hpp"
#include "map/render_target.hpp"

#include <cstddef>
#include <cstdint>

struct ImDrawData;

namespace lp::viewer {

class FrameCache {
public:
    FrameCache() = default;
    FrameCache(const FrameCache&) = delete;
    FrameCache& operator=(const FrameCache&) = delete;

    // Starts a frame of fb_w x fb_h pixels and binds its target (framebuffer()).
    // map_rect is the map's rectangle in ImGui coordinates; map_list names the ImGui
    // window drawn only inside it. Returns true when the whole frame must be drawn,
    // false when only the map's rectangle is.
    // window_keeps_frame: the window's back buffer still holds the last frame
    // (WindowPresenter), so the frame is drawn straight into it and nothing is copied.
    // map_signature: what the map's GL layers will show (MapRenderer::signature()).
    bool begin(int fb_w, int fb_h, const ScreenRect& map_rect, const ImDrawData* draw_data, const char* map_list,
               bool window_keeps_frame = false, std::uint64_t map_signature = 0);
    // Nothing differs from the frame the window holds (panels, the map's ImGui window and
    // its GL layers): draw nothing and present nothing.
    bool unchanged() const { return unchanged_; }
    std::size_t unchanged_frames() const { return unchanged_frames_; }
    // Limits ImGui's draw commands to the map's rectangle when begin() returned false.
    void clip_draw_data(ImDrawData* draw_data) const;
    // Copies the texture to the window's back buffer (unless the frame went there
    // directly) and binds the window again.
    void finish();

    // Where this frame draws: the cache, or the window (0) while the panels keep changing.
    GLuint framebuffer() const { return target_; }
    // Only the map's rectangle was drawn this frame: only it needs presenting.
    bool map_only() const { return partial_; }
    std::size_t full_redraws() const { return full_redraws_; }
    std::size_t partial_redraws() const { return partial_redraws_; }

private:
    RenderTarget image_;
    bool valid_ = false;
    bool partial_ = false;
    bool direct_ = false;
    GLuint target_ = 0;
    ScreenRect clip_{};
    std::uint64_t panels_hash_ = 0;
    std::uint64_t map_hash_ = 0;
    bool unchanged_ = false;
    std::size_t unchanged_frames_ = 0;
    std::size_t full_redraws_ = 0;
    std::size_t partial_redraws_ = 0;
}; // class FrameCache

} // namespace lp::viewer
