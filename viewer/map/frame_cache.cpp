#include "map/frame_cache.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
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

std::uint64_t mix_key(std::uint64_t h, std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

std::uint64_t vertex_bits(std::uint64_t h, const ImDrawVert& v) {
    static_assert(sizeof(ImDrawVert) == 20, "ImDrawVert: pos, uv, col");
    std::uint32_t words[5];
    std::memcpy(words, &v, sizeof words);
    h = mix_key(h, words[0] | static_cast<std::uint64_t>(words[1]) << 32);
    h = mix_key(h, words[2] | static_cast<std::uint64_t>(words[3]) << 32);
    return mix_key(h, words[4]);
}

int floor_px(float v) { return static_cast<int>(std::floor(v)); }
int ceil_px(float v) { return static_cast<int>(std::ceil(v)); }

// The triangles of the draw data in drawing order, in a framebuffer of fb_w x fb_h; those
// clipped away entirely are left out (they draw nothing).
std::vector<DrawnTriangle> drawn_triangles(const ImDrawData& data, int fb_w, int fb_h) {
    std::vector<DrawnTriangle> out;
    out.reserve(static_cast<std::size_t>(data.TotalIdxCount / 3));
    const DamageRect frame{0, 0, fb_w, fb_h};
    const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList* list = data.CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            // Callbacks reset render state (ImDrawCallback_ResetRenderState); they draw nothing.
            if (cmd.UserCallback) continue;
            const float cx0 = (cmd.ClipRect.x - off.x) * scale.x, cy0 = (cmd.ClipRect.y - off.y) * scale.y;
            const float cx1 = (cmd.ClipRect.z - off.x) * scale.x, cy1 = (cmd.ClipRect.w - off.y) * scale.y;
            // The backend scissors to the clip rectangle truncated to whole pixels; rounding
            // outwards covers that.
            const DamageRect clip = intersect(frame, {floor_px(cx0), floor_px(cy0), ceil_px(cx1), ceil_px(cy1)});
            if (clip.empty()) continue;
            const std::uint64_t command = mix_key(mix_key(reinterpret_cast<std::uintptr_t>(cmd.TextureId), float_bits(cmd.ClipRect.x) | float_bits(cmd.ClipRect.y) << 32),
                                                  float_bits(cmd.ClipRect.z) | float_bits(cmd.ClipRect.w) << 32);
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
            for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert& a = vtx[idx[i]];
                const ImDrawVert& b = vtx[idx[i + 1]];
                const ImDrawVert& c = vtx[idx[i + 2]];
                const float x0 = (std::min({a.pos.x, b.pos.x, c.pos.x}) - off.x) * scale.x;
                const float y0 = (std::min({a.pos.y, b.pos.y, c.pos.y}) - off.y) * scale.y;
                const float x1 = (std::max({a.pos.x, b.pos.x, c.pos.x}) - off.x) * scale.x;
                const float y1 = (std::max({a.pos.y, b.pos.y, c.pos.y}) - off.y) * scale.y;
                // A pixel wider than the vertices' box: rasterisation rounds to pixel centres.
                const DamageRect box = intersect(clip, {floor_px(x0) - 1, floor_px(y0) - 1, ceil_px(x1) + 1, ceil_px(y1) + 1});
                if (box.empty()) continue;
                out.push_back({vertex_bits(vertex_bits(vertex_bits(command, a), b), c), box});
            }
        }
    }
    return out;
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

FrameCache::FrameCache() {
    // Every frame drawn and presented whole, as before frames were drawn in part: the
    // reference the partial frames are compared with (tests), and a way round a driver
    // that presents rectangles wrongly.
    const char* whole = std::getenv("LOCALITY_VIEWER_DRAW_WHOLE");
    draw_whole_ = whole && *whole && std::string_view(whole) != "0";
}

FrameCache::~FrameCache() = default;

bool FrameCache::begin_window(int fb_w, int fb_h, const ScreenRect& map_rect, const ImDrawData* draw_data, const MapLayers& map) {
    std::vector<DrawnTriangle> triangles = drawn_triangles(*draw_data, fb_w, fb_h);
    const DamageRect whole{0, 0, fb_w, fb_h};
    const float scale = draw_data->FramebufferScale.x;
    const DamageRect map_pixels = intersect(whole, {static_cast<int>(std::floor(map_rect.x * scale)), static_cast<int>(std::floor(map_rect.y * scale)),
                                                    static_cast<int>(std::ceil((map_rect.x + map_rect.w) * scale)),
                                                    static_cast<int>(std::ceil((map_rect.y + map_rect.h) * scale))});
    std::vector<DamageRect> boxes;
    if (!window_valid_ || fb_w != window_w_ || fb_h != window_h_ || draw_whole_) {
        boxes.push_back(whole);
    } else {
        boxes = changed_boxes(triangles_, triangles);
        if (map.overlays != overlays_hash_) {
            // Hover, a pulse, flashing zones, hatching: where they were and where they are.
            boxes.insert(boxes.end(), overlay_boxes_.begin(), overlay_boxes_.end());
            boxes.insert(boxes.end(), map.overlay_boxes.begin(), map.overlay_boxes.end());
        }
        if (map.image != image_hash_) boxes.push_back(intersect(map.changed, map_pixels));
    }
    triangles_ = std::move(triangles);
    image_hash_ = map.image;
    overlays_hash_ = map.overlays;
    overlay_boxes_ = map.overlay_boxes;
    window_valid_ = true;
    window_w_ = fb_w;
    window_h_ = fb_h;
    // Each region is a pass over the draw lists and a present: a few, and one whole frame
    // once they cover most of it.
    constexpr std::size_t max_regions = 6;
    regions_ = merge_boxes(std::move(boxes), max_regions);
    long area = 0;
    for (const DamageRect& r : regions_) area += r.area();
    if (area * 10 > whole.area() * 7) regions_ = {whole};
    unchanged_ = regions_.empty();
    if (unchanged_) {
        ++unchanged_frames_;
        return false;
    }
    valid_ = false;  // the texture is not kept up to date meanwhile
    direct_ = true;
    partial_ = !(regions_.size() == 1 && regions_.front() == whole);
    target_ = 0;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb_w, fb_h);
    if (partial_) {
        ++damaged_redraws_;
        damaged_pixels_ += static_cast<double>(area);
        damaged_frame_pixels_ += static_cast<double>(whole.area());
    } else {
        ++full_redraws_;
    }
    return !partial_;
}

bool FrameCache::begin(int fb_w, int fb_h, const ScreenRect& map_rect, const ImDrawData* draw_data, const char* map_list,
                       bool window_keeps_frame, const MapLayers& map) {
    if (window_keeps_frame) return begin_window(fb_w, fb_h, map_rect, draw_data, map);
    // The window's pixels are not kept (or were exposed): its next kept frame is drawn whole.
    window_valid_ = false;
    triangles_.clear();
    const std::uint64_t map_signature = map.image ^ map.overlays;
    const std::uint64_t hash = panels_hash(draw_data, map_list, map_rect, fb_w, fb_h);
    const bool panels_unchanged = hash == panels_hash_;
    panels_hash_ = hash;
    map_hash_ = mix(map_hash(draw_data, map_list), map_signature);
    unchanged_ = false;
    if (image_.ensure(fb_w, fb_h)) valid_ = false;
    partial_ = valid_ && panels_unchanged;
    // While the panels change every frame (editing, typing) the copy would buy nothing:
    // draw straight to the window until they settle, then fill the cache again.
    direct_ = !panels_unchanged;
    target_ = direct_ ? 0 : image_.framebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, target_);
    glViewport(0, 0, fb_w, fb_h);
    const float scale = draw_data->FramebufferScale.x;
    const DamageRect whole{0, 0, fb_w, fb_h};
    regions_ = {partial_ ? intersect(whole, {static_cast<int>(std::floor(map_rect.x * scale)), static_cast<int>(std::floor(map_rect.y * scale)),
                                             static_cast<int>(std::ceil((map_rect.x + map_rect.w) * scale)),
                                             static_cast<int>(std::ceil((map_rect.y + map_rect.h) * scale))})
                         : whole};
    if (partial_) ++partial_redraws_;
    else ++full_redraws_;
    return !partial_;
}

ImDrawData* FrameCache::clip_draw_data(ImDrawData* draw_data, const DamageRect& region) {
    if (!region_data_) region_data_ = std::make_unique<ImDrawData>();
    *region_data_ = *draw_data;
    region_lists_.clear();
    clips_.clear();
    // Back to ImGui's coordinates, which the clip rectangles use.
    const ImVec2 off = draw_data->DisplayPos, scale = draw_data->FramebufferScale;
    const float x0 = static_cast<float>(region.x0) / scale.x + off.x, y0 = static_cast<float>(region.y0) / scale.y + off.y;
    const float x1 = static_cast<float>(region.x1) / scale.x + off.x, y1 = static_cast<float>(region.y1) / scale.y + off.y;
    region_data_->TotalVtxCount = region_data_->TotalIdxCount = 0;
    for (int i = 0; i < draw_data->CmdListsCount; ++i) {
        ImDrawList* list = draw_data->CmdLists[i];
        bool inside = false;
        for (ImDrawCmd& cmd : list->CmdBuffer) {
            clips_.insert(clips_.end(), {cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w});
            // An empty rectangle is skipped by the backend (it tests z <= x or w <= y).
            cmd.ClipRect.x = std::clamp(cmd.ClipRect.x, x0, x1);
            cmd.ClipRect.y = std::clamp(cmd.ClipRect.y, y0, y1);
            cmd.ClipRect.z = std::clamp(cmd.ClipRect.z, x0, x1);
            cmd.ClipRect.w = std::clamp(cmd.ClipRect.w, y0, y1);
            inside = inside || (cmd.ClipRect.z > cmd.ClipRect.x && cmd.ClipRect.w > cmd.ClipRect.y);
        }
        // A list with nothing inside the region is not uploaded at all.
        if (!inside) continue;
        region_lists_.push_back(list);
        region_data_->TotalVtxCount += list->VtxBuffer.Size;
        region_data_->TotalIdxCount += list->IdxBuffer.Size;
    }
    region_data_->CmdLists = region_lists_.data();
    region_data_->CmdListsCount = static_cast<int>(region_lists_.size());
    return region_data_.get();
}

void FrameCache::restore_draw_data(ImDrawData* draw_data) const {
    std::size_t at = 0;
    for (int i = 0; i < draw_data->CmdListsCount; ++i) {
        for (ImDrawCmd& cmd : draw_data->CmdLists[i]->CmdBuffer) {
            cmd.ClipRect = ImVec4(clips_[at], clips_[at + 1], clips_[at + 2], clips_[at + 3]);
            at += 4;
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
