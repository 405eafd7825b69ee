#include "map/frame_cache.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <string_view>

namespace lp::viewer {
namespace {

std::uint64_t mix(std::uint64_t seed, std::uint64_t value) {
    return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

std::uint64_t bytes_hash(const void* data, std::size_t size) {
    return std::hash<std::string_view>{}(std::string_view(static_cast<const char*>(data), size));
}

std::uint64_t float_bits(float v) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return bits;
}

std::uint64_t list_hash(std::uint64_t h, const ImDrawList* list) {
    h = mix(h, bytes_hash(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert)));
    h = mix(h, bytes_hash(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx)));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
        h = mix(h, float_bits(cmd.ClipRect.x) | float_bits(cmd.ClipRect.y) << 32);
        h = mix(h, float_bits(cmd.ClipRect.z) | float_bits(cmd.ClipRect.w) << 32);
        h = mix(h, reinterpret_cast<std::uintptr_t>(cmd.TextureId));
        h = mix(h, cmd.ElemCount | static_cast<std::uint64_t>(cmd.IdxOffset) << 32);
        h = mix(h, cmd.VtxOffset | (cmd.UserCallback ? 1ULL << 32 : 0));
    }
    return h;
}

bool is_map_list(const ImDrawList* list, const char* map_list) {
    return list->_OwnerName && std::strcmp(list->_OwnerName, map_list) == 0;
}

// What ImGui draws inside the map's own window.
std::uint64_t map_hash(const ImDrawData* data, const char* map_list) {
    std::uint64_t h = 0x6d6170;
    for (int i = 0; i < data->CmdListsCount; ++i) {
        if (is_map_list(data->CmdLists[i], map_list)) h = list_hash(h, data->CmdLists[i]);
    }
    return h;
}

// Everything ImGui would draw outside the map's own window: vertices, indices and the
// commands' clip rectangles and textures, with the map's rectangle and the frame's size.
std::uint64_t panels_hash(const ImDrawData* data, const char* map_list, const ScreenRect& map_rect, int fb_w, int fb_h) {
    std::uint64_t h = mix(mix(static_cast<std::uint64_t>(fb_w), static_cast<std::uint64_t>(fb_h)),
                          static_cast<std::uint64_t>(data->CmdListsCount));
    for (const float v : {map_rect.x, map_rect.y, map_rect.w, map_rect.h, data->DisplayPos.x, data->DisplayPos.y,
                          data->FramebufferScale.x, data->FramebufferScale.y})
        h = mix(h, float_bits(v));
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        if (is_map_list(list, map_list)) {
            h = mix(h, 0x6d6170);  // where the map's list sits in the order
            continue;
        }
        h = list_hash(h, list);
    }
    return h;
}

} // namespace

bool FrameCache::begin(int fb_w, int fb_h, const ScreenRect& map_rect, const ImDrawData* draw_data, const char* map_list,
                       bool window_keeps_frame, std::uint64_t map_signature) {
    const std::uint64_t hash = panels_hash(draw_data, map_list, map_rect, fb_w, fb_h);
    const bool panels_unchanged = hash == panels_hash_;
    panels_hash_ = hash;
    const std::uint64_t map = mix(map_hash(draw_data, map_list), map_signature);
    unchanged_ = window_keeps_frame && panels_unchanged && map == map_hash_;
    map_hash_ = map;
    if (unchanged_) {
        ++unchanged_frames_;
        return false;
    }
    if (window_keeps_frame) {
        // Every frame leaves a whole picture in the window, so its own pixels are the
        // cache: no texture, and no copy.
        valid_ = false;
        partial_ = panels_unchanged;
        direct_ = true;
    } else {
        if (image_.ensure(fb_w, fb_h)) valid_ = false;
        partial_ = valid_ && panels_unchanged;
        // While the panels change every frame (editing, typing) the copy would buy nothing:
        // draw straight to the window until they settle, then fill the cache again.
        direct_ = !panels_unchanged;
    }
    target_ = direct_ ? 0 : image_.framebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, target_);
    glViewport(0, 0, fb_w, fb_h);
    clip_ = map_rect;
    if (partial_) ++partial_redraws_;
    else ++full_redraws_;
    return !partial_;
}

void FrameCache::clip_draw_data(ImDrawData* draw_data) const {
    if (!partial_) return;
    const float x0 = clip_.x, y0 = clip_.y, x1 = clip_.x + clip_.w, y1 = clip_.y + clip_.h;
    for (int i = 0; i < draw_data->CmdListsCount; ++i) {
        for (ImDrawCmd& cmd : draw_data->CmdLists[i]->CmdBuffer) {
            // An empty rectangle is skipped by the backend (it tests z <= x or w <= y).
            cmd.ClipRect.x = std::clamp(cmd.ClipRect.x, x0, x1);
            cmd.ClipRect.y = std::clamp(cmd.ClipRect.y, y0, y1);
            cmd.ClipRect.z = std::clamp(cmd.ClipRect.z, x0, x1);
            cmd.ClipRect.w = std::clamp(cmd.ClipRect.w, y0, y1);
        }
    }
}

void FrameCache::finish() {
    if (direct_) {
        valid_ = false;
        return;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, image_.framebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    const int w = image_.width(), h = image_.height();
    glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    valid_ = true;
}

} // namespace lp::viewer
