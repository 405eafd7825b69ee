#include "map/map_renderer.hpp"

#include "map/image_shift.hpp"

#include <algorithm>
#include <iterator>
#include <cmath>
#include <functional>
#include <string_view>

namespace lp::viewer {

MapRenderer::~MapRenderer() {
    const GLuint buffers[] = {positions_, colours_, segments_, bold_indices_};
    if (positions_) glDeleteBuffers(4, buffers);
    for (LevelBuffers& level : levels_) {
        const GLuint buffers_of_level[] = {level.positions, level.colours};
        glDeleteBuffers(2, buffers_of_level);
    }
}

void MapRenderer::upload(const ZoneMesh& mesh) {
    mesh_ = &mesh;
    if (!positions_) {
        GLuint buffers[4];
        glGenBuffers(4, buffers);
        positions_ = buffers[0];
        colours_ = buffers[1];
        segments_ = buffers[2];
        bold_indices_ = buffers[3];
    }
    while (levels_.size() < mesh.levels.size()) {
        LevelBuffers level;
        glGenBuffers(1, &level.positions);
        glGenBuffers(1, &level.colours);
        levels_.push_back(std::move(level));
    }
    for (std::size_t l = 0; l < mesh.levels.size(); ++l) {
        glBindBuffer(GL_ARRAY_BUFFER, levels_[l].positions);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.levels[l].triangles.size() * sizeof(float)),
                     mesh.levels[l].triangles.data(), GL_STATIC_DRAW);
        levels_[l].vertex_colours.assign(mesh.levels[l].triangles.size() / 2, unassigned_colour);
    }
    glBindBuffer(GL_ARRAY_BUFFER, positions_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.triangles.size() * sizeof(float)),
                 mesh.triangles.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, segments_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.segments.size() * sizeof(float)),
                 mesh.segments.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);

    // The mesh builder emits each segment while walking the first zone that has it,
    // so every zone owns one contiguous run of segments, all inside its box.
    const std::size_t zones = mesh.zone_count();
    segment_first_.assign(zones, 0);
    segment_count_.assign(zones, 0);
    for (std::size_t s = mesh.segment_total(); s-- > 0;) {
        const auto z = static_cast<std::size_t>(mesh.segment_left[s]);
        segment_first_[z] = static_cast<std::uint32_t>(s);
        segment_count_[z] += 1;
    }
    cache_valid_ = false;
    dirty_ = Box{};
    vertex_colours_.assign(mesh.vertex_total(), unassigned_colour);
    zone_colours_.assign(zones, unassigned_colour);
    colours_uploaded_ = false;
    set_zone_colours(std::vector<Rgba>(zones, unassigned_colour));
    bold_count_ = bold_between_count_ = 0;
    bold_between_.clear();
    bold_edge_.clear();
}

void MapRenderer::set_zone_colours(const std::vector<Rgba>& colours) {
    if (!mesh_) return;
    std::vector<std::uint32_t> changed;
    for (std::size_t z = 0; z < mesh_->zone_count() && z < colours.size(); ++z) {
        if (zone_colours_[z] == colours[z]) continue;
        zone_colours_[z] = colours[z];
        changed.push_back(static_cast<std::uint32_t>(z));
        std::fill_n(vertex_colours_.begin() + mesh_->first_vertex[z], mesh_->vertex_count[z], colours[z]);
        for (std::size_t l = 0; l < mesh_->levels.size(); ++l) {
            std::fill_n(levels_[l].vertex_colours.begin() + mesh_->levels[l].first_vertex[z],
                        mesh_->levels[l].vertex_count[z], colours[z]);
        }
    }
    if (changed.empty() && colours_uploaded_) return;
    // A few zones (an edit): their ranges rewritten in place; many (a choropleth, a new
    // plan): every buffer again, and the image drawn whole.
    const bool few = colours_uploaded_ && changed.size() * 16 < mesh_->zone_count();
    const auto upload = [&](GLuint buffer, const std::vector<Rgba>& vertex_colours, const std::vector<std::uint32_t>& first,
                            const std::vector<std::uint32_t>& count) {
        glBindBuffer(GL_ARRAY_BUFFER, buffer);
        if (!few) {
            glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertex_colours.size() * sizeof(Rgba)),
                         vertex_colours.data(), GL_DYNAMIC_DRAW);
            return;
        }
        for (const std::uint32_t z : changed) {
            if (count[z] == 0) continue;
            glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(first[z] * sizeof(Rgba)),
                            static_cast<GLsizeiptr>(count[z] * sizeof(Rgba)), vertex_colours.data() + first[z]);
        }
    };
    for (std::size_t l = 0; l < mesh_->levels.size(); ++l) {
        upload(levels_[l].colours, levels_[l].vertex_colours, mesh_->levels[l].first_vertex, mesh_->levels[l].vertex_count);
    }
    upload(colours_, vertex_colours_, mesh_->first_vertex, mesh_->vertex_count);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    colours_uploaded_ = true;
    if (few) {
        for (const std::uint32_t z : changed) dirty_.expand(mesh_->boxes[z]);
    } else {
        cache_valid_ = false;
    }
}

void MapRenderer::mark_dirty_segments(const std::vector<std::uint32_t>& before, const std::vector<std::uint32_t>& after) {
    // Both lists run in segment order: what is in one and not the other changed.
    std::vector<std::uint32_t> changed;
    std::set_symmetric_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(changed));
    for (const std::uint32_t seg : changed) {
        const float* xy = mesh_->segments.data() + 4 * static_cast<std::size_t>(seg);
        dirty_.expand(Point{xy[0], xy[1]});
        dirty_.expand(Point{xy[2], xy[3]});
    }
}

void MapRenderer::set_context(std::vector<float> triangles, std::vector<float> segments) {
    context_triangles_ = std::move(triangles);
    context_segments_ = std::move(segments);
    cache_valid_ = false;
}

void MapRenderer::set_points(std::vector<std::vector<float>> layers, std::vector<PointStyle> styles) {
    points_ = std::move(layers);
    point_styles_ = std::move(styles);
    cache_valid_ = false;
}

void MapRenderer::set_points_visible(bool visible) {
    if (visible != points_visible_) cache_valid_ = false;
    points_visible_ = visible;
}

void MapRenderer::set_point_scale(float scale) {
    if (scale != point_scale_) cache_valid_ = false;
    point_scale_ = scale;
}

void MapRenderer::set_bold_segments(const std::vector<std::uint32_t>& between, const std::vector<std::uint32_t>& edge) {
    if (mesh_ && bold_count_ > 0 && between == bold_between_ && edge == bold_edge_) return;
    const bool ordered = std::is_sorted(between.begin(), between.end()) && std::is_sorted(edge.begin(), edge.end());
    if (mesh_ && bold_count_ > 0 && ordered && cache_valid_) {
        mark_dirty_segments(bold_between_, between);
        mark_dirty_segments(bold_edge_, edge);
    } else {
        cache_valid_ = false;
    }
    bold_between_ = between;
    bold_edge_ = edge;
    std::vector<GLuint> indices;
    indices.reserve((between.size() + edge.size()) * 2);
    for (const auto* list : {&between, &edge}) {
        for (std::uint32_t s : *list) {
            indices.push_back(2 * s);
            indices.push_back(2 * s + 1);
        }
        if (list == &between) bold_between_count_ = static_cast<GLsizei>(indices.size());
    }
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, bold_indices_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(GLuint)), indices.data(),
                 GL_DYNAMIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    bold_count_ = static_cast<GLsizei>(indices.size());
}

namespace {

// Zones are stored in zone order, so neighbouring visible zones usually have adjacent
// ranges: merging them turns thousands of tiny draws into a few (each draw has a fixed
// cost that dominates under llvmpipe).
void add_range(std::vector<GLint>& firsts, std::vector<GLsizei>& counts, std::uint32_t first, std::uint32_t count) {
    if (count == 0) return;
    if (!firsts.empty() && static_cast<std::uint32_t>(firsts.back() + counts.back()) == first) {
        counts.back() += static_cast<GLsizei>(count);
        return;
    }
    firsts.push_back(static_cast<GLint>(first));
    counts.push_back(static_cast<GLsizei>(count));
}

} // namespace

void MapRenderer::collect_visible(const Box& view) {
    fill_first_.clear();
    fill_count_.clear();
    line_first_.clear();
    line_count_.clear();
    std::size_t zones = 0;
    for (std::size_t z = 0; z < mesh_->zone_count(); ++z) {
        if (!mesh_->boxes[z].intersects(view)) continue;
        const auto l = static_cast<std::size_t>(level_);
        const std::uint32_t first = level_ >= 0 ? mesh_->levels[l].first_vertex[z] : mesh_->first_vertex[z];
        const std::uint32_t count = level_ >= 0 ? mesh_->levels[l].vertex_count[z] : mesh_->vertex_count[z];
        ++zones;
        add_range(fill_first_, fill_count_, first, count);
        add_range(line_first_, line_count_, 2 * segment_first_[z], 2 * segment_count_[z]);
    }
    zones_drawn_ = zones;
}

PixelRect MapRenderer::viewport(const MapCamera& camera, int framebuffer_height, float pixel_scale) {
    const ScreenRect& r = camera.rect;
    return {static_cast<GLint>(r.x * pixel_scale), static_cast<GLint>(static_cast<float>(framebuffer_height) - (r.y + r.h) * pixel_scale),
            static_cast<GLsizei>(r.w * pixel_scale), static_cast<GLsizei>(r.h * pixel_scale)};
}

void MapRenderer::begin(const MapCamera& camera, int framebuffer_height, float pixel_scale) {
    const ScreenRect& r = camera.rect;
    const auto [vx, vy, vw, vh] = viewport(camera, framebuffer_height, pixel_scale);
    glViewport(vx, vy, vw, vh);
    glEnable(GL_SCISSOR_TEST);
    glScissor(vx, vy, vw, vh);
    glUseProgram(0);
    glMatrixMode(GL_PROJECTION);
    glPushMatrix();
    glLoadIdentity();
    const Box v = camera.visible();
    glOrtho(v.min_x, v.max_x, v.min_y, v.max_y, -1, 1);
    glMatrixMode(GL_MODELVIEW);
    glPushMatrix();
    glLoadIdentity();
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glEnableClientState(GL_VERTEX_ARRAY);
}

void MapRenderer::end() {
    glDisableClientState(GL_VERTEX_ARRAY);
    glDisableClientState(GL_COLOR_ARRAY);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glMatrixMode(GL_MODELVIEW);
    glPopMatrix();
    glMatrixMode(GL_PROJECTION);
    glPopMatrix();
    glDisable(GL_SCISSOR_TEST);
}

void MapRenderer::draw(const MapCamera& camera, int framebuffer_height, float pixel_scale, float outline_alpha) {
    if (!mesh_) return;
    const ScreenRect& r = camera.rect;
    const auto [vx, vy, vw, vh] = viewport(camera, framebuffer_height, pixel_scale);
    if (vw <= 0 || vh <= 0) return;
    const bool resized_a = cache_[0].ensure(vw, vh), resized_b = cache_[1].ensure(vw, vh);
    if (resized_a || resized_b) cache_valid_ = false;
    const CacheKey key{camera.centre.x, camera.centre.y, camera.scale, r.x, r.y, r.w, r.h, outline_alpha,
                       framebuffer_height};
    if (dry_) {
        // The image to be shown: the one cached (its redraw count names it), if it is
        // still the view's; a changed one otherwise.
        const bool reused = cache_valid_ && key == cache_key_ && dirty_.empty();
        note(reused ? redraws_ : ~redraws_);
        for (const double v : {key.cx, key.cy, key.scale}) note(std::hash<double>{}(v));
        for (const float v : {key.x, key.y, key.w, key.h, key.outline_alpha}) note(std::hash<float>{}(v));
        note(static_cast<std::uint64_t>(key.framebuffer_height));
        if (!reused) {
            changed_ = PixelRect{vx, vy, vw, vh};
            if (cache_valid_ && key == cache_key_ && !dirty_.empty()) {
                // What redraw_dirty() will draw again, where the image lands in the target.
                if (const std::optional<PixelRect> dirty = dirty_pixels(camera, pixel_scale))
                    changed_ = (*dirty)[2] > 0 ? PixelRect{vx + (*dirty)[0], vy + (*dirty)[1], (*dirty)[2], (*dirty)[3]} : PixelRect{};
            }
        }
        return;
    }
    if (!cache_valid_ || !(key == cache_key_) || !dirty_.empty()) {
        if (cache_valid_ && key == cache_key_ && redraw_dirty(camera, pixel_scale, outline_alpha)) {
            ++dirty_redraws_;
        } else if (dirty_.empty() && shift_cache(key, camera, pixel_scale, outline_alpha)) {
            ++shifted_redraws_;
        } else {
            // Draw into the cache texture: the same projection, a viewport at its origin.
            MapCamera local = camera;
            local.rect = ScreenRect{0, 0, r.w, r.h};
            glBindFramebuffer(GL_FRAMEBUFFER, cache_[current_].framebuffer());
            glViewport(0, 0, vw, vh);
            glClearColor(0.80f, 0.87f, 0.93f, 1.0f); // sea
            glClear(GL_COLOR_BUFFER_BIT);
            draw_mesh(local, static_cast<int>(r.h * pixel_scale), pixel_scale, outline_alpha);
            image_centre_ = camera.centre;
        }
        cache_key_ = key;
        glBindFramebuffer(GL_FRAMEBUFFER, target_framebuffer_);
        cache_valid_ = true;
        dirty_ = Box{};
        ++redraws_;
    }
    // The image into the target: all of it, or the part inside the clip.
    int x0 = vx, y0 = vy, x1 = vx + vw, y1 = vy + vh;
    if (clip_) {
        x0 = std::max(x0, (*clip_)[0]);
        y0 = std::max(y0, (*clip_)[1]);
        x1 = std::min(x1, (*clip_)[0] + (*clip_)[2]);
        y1 = std::min(y1, (*clip_)[1] + (*clip_)[3]);
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, cache_[current_].framebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target_framebuffer_);
    if (x0 < x1 && y0 < y1)
        glBlitFramebuffer(x0 - vx, y0 - vy, x1 - vx, y1 - vy, x0, y0, x1, y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, target_framebuffer_);
}

void MapRenderer::draw_uncached(const MapCamera& camera, int framebuffer_height, float pixel_scale, float outline_alpha) {
    if (!mesh_) return;
    const std::size_t zones_on_screen = zones_drawn_;
    draw_mesh(camera, framebuffer_height, pixel_scale, outline_alpha);
    zones_drawn_ = zones_on_screen;  // the figure is the window's
}

std::optional<PixelRect> MapRenderer::dirty_pixels(const MapCamera& camera, float pixel_scale) const {
    const RenderTarget& image = cache_[current_];
    const int w = image.width(), h = image.height();
    const double pixels_per_metre = camera.scale * pixel_scale;
    MapCamera local = camera;
    local.centre = image_centre_;
    local.rect = ScreenRect{0, 0, camera.rect.w, camera.rect.h};
    const Box v = local.visible();
    // Widened by the bold line's half width and a pixel of rounding on each side.
    const double margin = 3 * pixel_scale + 1;
    const int x0 = std::max(0, static_cast<int>(std::floor((dirty_.min_x - v.min_x) * pixels_per_metre - margin)));
    const int y0 = std::max(0, static_cast<int>(std::floor((dirty_.min_y - v.min_y) * pixels_per_metre - margin)));
    const int x1 = std::min(w, static_cast<int>(std::ceil((dirty_.max_x - v.min_x) * pixels_per_metre + margin)));
    const int y1 = std::min(h, static_cast<int>(std::ceil((dirty_.max_y - v.min_y) * pixels_per_metre + margin)));
    if (x0 >= x1 || y0 >= y1) return PixelRect{};  // all of it out of view
    if (static_cast<long>(x1 - x0) * (y1 - y0) * 2 > static_cast<long>(w) * h) return std::nullopt;
    return PixelRect{x0, y0, x1 - x0, y1 - y0};
}

bool MapRenderer::redraw_dirty(const MapCamera& camera, float pixel_scale, float outline_alpha) {
    const std::optional<PixelRect> dirty = dirty_pixels(camera, pixel_scale);
    if (!dirty) return false;
    if ((*dirty)[2] <= 0) return true;  // all of it out of view
    const PixelRect& rect = *dirty;
    const RenderTarget& image = cache_[current_];
    const int w = image.width(), h = image.height();
    MapCamera local = camera;
    local.centre = image_centre_;
    local.rect = ScreenRect{0, 0, camera.rect.w, camera.rect.h};
    glBindFramebuffer(GL_FRAMEBUFFER, image.framebuffer());
    glViewport(0, 0, w, h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(rect[0], rect[1], rect[2], rect[3]);
    glClearColor(0.80f, 0.87f, 0.93f, 1.0f); // sea
    glClear(GL_COLOR_BUFFER_BIT);
    draw_mesh(local, h, pixel_scale, outline_alpha, rect.data());
    glDisable(GL_SCISSOR_TEST);
    return true;
}

bool MapRenderer::shift_cache(const CacheKey& key, const MapCamera& camera, float pixel_scale, float outline_alpha) {
    const ScreenRect& r = camera.rect;
    CacheKey moved = cache_key_;
    moved.cx = key.cx;
    moved.cy = key.cy;
    if (!cache_valid_ || !(moved == key)) return false;
    // Pixels the view moved by: a drag moves it by whole screen pixels.
    const double pixels_per_metre = camera.scale * pixel_scale;
    const RenderTarget& from = cache_[current_];
    const std::optional<ImageShift> shift =
        image_shift((camera.centre.x - image_centre_.x) * pixels_per_metre, (camera.centre.y - image_centre_.y) * pixels_per_metre,
                    from.width(), from.height());
    if (!shift) return false;
    // The image stays on the centre it was drawn for, moved by whole pixels, so rounding
    // never accumulates over a long drag (the camera differs by under 1/1000 pixel).
    image_centre_.x += shift->dx / pixels_per_metre;
    image_centre_.y += shift->dy / pixels_per_metre;
    if (shift->strips.empty()) return true;

    const RenderTarget& to = cache_[1 - current_];
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from.framebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to.framebuffer());
    const PixelRect& s = shift->source;
    const PixelRect& t = shift->target;
    glBlitFramebuffer(s[0], s[1], s[0] + s[2], s[1] + s[3], t[0], t[1], t[0] + t[2], t[1] + t[3], GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
    current_ = 1 - current_;
    glBindFramebuffer(GL_FRAMEBUFFER, to.framebuffer());

    MapCamera local = camera;
    local.centre = image_centre_;
    local.rect = ScreenRect{0, 0, r.w, r.h};
    const int w = to.width(), h = to.height();
    glClearColor(0.80f, 0.87f, 0.93f, 1.0f); // sea
    for (const PixelRect& strip : shift->strips) {
        glViewport(0, 0, w, h);
        glEnable(GL_SCISSOR_TEST);
        glScissor(strip[0], strip[1], strip[2], strip[3]);
        glClear(GL_COLOR_BUFFER_BIT);
        draw_mesh(local, h, pixel_scale, outline_alpha, strip.data());
    }
    glDisable(GL_SCISSOR_TEST);
    return true;
}

void MapRenderer::draw_mesh(const MapCamera& camera, int framebuffer_height, float pixel_scale, float outline_alpha,
                            const GLint* strip) {
    // The coarsest simplified level whose error stays under a pixel.
    level_ = -1;
    for (std::size_t l = 0; l < mesh_->levels.size(); ++l) {
        if (mesh_->levels[l].tolerance * camera.scale * pixel_scale < 1.0) level_ = static_cast<int>(l);
    }
    Box cull = camera.visible();
    if (strip) {
        // The strip's map box, widened by the widest thing drawn across its edge (bold
        // lines, point symbols), so a zone just outside it still draws its part inside.
        const double metres_per_pixel = 1.0 / (camera.scale * pixel_scale), margin = 24;
        const double x0 = cull.min_x, y0 = cull.min_y;
        cull = {x0 + (strip[0] - margin) * metres_per_pixel, y0 + (strip[1] - margin) * metres_per_pixel,
                x0 + (strip[0] + strip[2] + margin) * metres_per_pixel, y0 + (strip[1] + strip[3] + margin) * metres_per_pixel};
    }
    const std::size_t zones_in_view = zones_drawn_;
    collect_visible(cull);
    if (strip) zones_drawn_ = zones_in_view;  // the figure is of the whole view
    begin(camera, framebuffer_height, pixel_scale);
    if (strip) glScissor(strip[0], strip[1], strip[2], strip[3]);

    if (!context_triangles_.empty()) {
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        glVertexPointer(2, GL_FLOAT, 0, context_triangles_.data());
        glColor4ub(context_fill_colour & 0xff, (context_fill_colour >> 8) & 0xff, (context_fill_colour >> 16) & 0xff, 255);
        glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(context_triangles_.size() / 2));
        glVertexPointer(2, GL_FLOAT, 0, context_segments_.data());
        glLineWidth(1.0f * pixel_scale);
        glColor4ub(context_line_colour & 0xff, (context_line_colour >> 8) & 0xff, (context_line_colour >> 16) & 0xff, 255);
        glDrawArrays(GL_LINES, 0, static_cast<GLsizei>(context_segments_.size() / 2));
    }

    // Fills, coloured per vertex.
    glBindBuffer(GL_ARRAY_BUFFER, level_ >= 0 ? levels_[static_cast<std::size_t>(level_)].positions : positions_);
    glVertexPointer(2, GL_FLOAT, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, level_ >= 0 ? levels_[static_cast<std::size_t>(level_)].colours : colours_);
    glEnableClientState(GL_COLOR_ARRAY);
    glColorPointer(4, GL_UNSIGNED_BYTE, 0, nullptr);
    if (!fill_first_.empty()) {
        glMultiDrawArrays(GL_TRIANGLES, fill_first_.data(), fill_count_.data(), static_cast<GLsizei>(fill_first_.size()));
    }
    glDisableClientState(GL_COLOR_ARRAY);

    // Zone outlines, fading out as zones shrink on screen.
    glBindBuffer(GL_ARRAY_BUFFER, segments_);
    glVertexPointer(2, GL_FLOAT, 0, nullptr);
    if (outline_alpha > 0.01f && !line_first_.empty()) {
        glLineWidth(1.0f * pixel_scale);
        glColor4f(0.25f, 0.25f, 0.25f, outline_alpha);
        glMultiDrawArrays(GL_LINES, line_first_.data(), line_count_.data(), static_cast<GLsizei>(line_first_.size()));
    }
    // Locality boundaries, bold.
    if (bold_count_ > 0) {
        glLineWidth(2.5f * pixel_scale);
        glColor4f(0.05f, 0.05f, 0.05f, 1.0f);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, bold_indices_);
        glDrawElements(GL_LINES, outline_alpha > 0.2f ? bold_count_ : bold_between_count_, GL_UNSIGNED_INT, nullptr);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
        glLineWidth(1.0f);
    }
    // Service points: a square in the border colour, then the filled one inside it.
    if (points_visible_) {
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        for (std::size_t layer = 0; layer < points_.size() && layer < point_styles_.size(); ++layer) {
            if (points_[layer].empty()) continue;
            const PointStyle& style = point_styles_[layer];
            glVertexPointer(2, GL_FLOAT, 0, points_[layer].data());
            const auto count = static_cast<GLsizei>(points_[layer].size() / 2);
            glPointSize((style.size * point_scale_ + 2) * pixel_scale);
            glColor4ub(style.border & 0xff, (style.border >> 8) & 0xff, (style.border >> 16) & 0xff, 255);
            glDrawArrays(GL_POINTS, 0, count);
            glPointSize(style.size * point_scale_ * pixel_scale);
            glColor4ub(style.fill & 0xff, (style.fill >> 8) & 0xff, (style.fill >> 16) & 0xff, 255);
            glDrawArrays(GL_POINTS, 0, count);
        }
        glPointSize(1.0f);
    }
    end();
}

void MapRenderer::draw_overlay(const MapCamera& camera, int framebuffer_height, float pixel_scale,
                               const std::vector<std::uint32_t>& zones, Rgba colour) {
    if (!mesh_ || zones.empty()) return;
    if (dry_) {
        note_overlay(std::hash<std::string_view>{}(std::string_view(reinterpret_cast<const char*>(zones.data()),
                                                                    zones.size() * sizeof(std::uint32_t))));
        note_overlay(colour);
        note_overlay(glIsEnabled(GL_POLYGON_STIPPLE));  // the comparison's hatching
        // Each zone's box on screen, a pixel wider for rounding, within the map.
        const ScreenRect& r = camera.rect;
        const DamageRect map{static_cast<int>(r.x * pixel_scale), static_cast<int>(r.y * pixel_scale),
                             static_cast<int>((r.x + r.w) * pixel_scale), static_cast<int>((r.y + r.h) * pixel_scale)};
        const Box view = camera.visible();
        DamageRect all;
        const std::size_t first_box = overlay_boxes_.size();
        for (std::uint32_t z : zones) {
            if (z >= mesh_->zone_count() || !mesh_->boxes[z].intersects(view)) continue;
            float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            camera.to_screen({mesh_->boxes[z].min_x, mesh_->boxes[z].max_y}, x0, y0);
            camera.to_screen({mesh_->boxes[z].max_x, mesh_->boxes[z].min_y}, x1, y1);
            const DamageRect box = intersect(map, {static_cast<int>(std::floor(x0 * pixel_scale)) - 1, static_cast<int>(std::floor(y0 * pixel_scale)) - 1,
                                                   static_cast<int>(std::ceil(x1 * pixel_scale)) + 1, static_cast<int>(std::ceil(y1 * pixel_scale)) + 1});
            if (box.empty()) continue;
            overlay_boxes_.push_back(box);
            all = unite(all, box);
        }
        // Thousands of zones (a comparison's hatching): their box, not one per zone.
        if (overlay_boxes_.size() - first_box > 256) {
            overlay_boxes_.resize(first_box);
            overlay_boxes_.push_back(all);
        }
        return;
    }
    // Only inside the part of the frame being drawn again, if any (the map's viewport
    // otherwise): scissored to it, and only the zones that reach it are sent, since each of
    // a frame's rectangles draws the overlays again.
    PixelRect area = viewport(camera, framebuffer_height, pixel_scale);
    if (clip_) {
        const PixelRect& c = *clip_;
        const int x0 = std::max(area[0], c[0]), y0 = std::max(area[1], c[1]);
        const int x1 = std::min(area[0] + area[2], c[0] + c[2]), y1 = std::min(area[1] + area[3], c[1] + c[3]);
        if (x1 <= x0 || y1 <= y0) return;
        area = {x0, y0, x1 - x0, y1 - y0};
    }
    // The area in map coordinates (screen pixels, top-left, to the camera), a pixel wider.
    const float sx0 = static_cast<float>(area[0] - 1) / pixel_scale, sx1 = static_cast<float>(area[0] + area[2] + 1) / pixel_scale;
    const float sy0 = static_cast<float>(framebuffer_height - area[1] - area[3] - 1) / pixel_scale;
    const float sy1 = static_cast<float>(framebuffer_height - area[1] + 1) / pixel_scale;
    const Point top_left = camera.to_map(sx0, sy0), bottom_right = camera.to_map(sx1, sy1);
    const Box view{top_left.x, bottom_right.y, bottom_right.x, top_left.y};
    std::vector<GLint> first;
    std::vector<GLsizei> count;
    for (std::uint32_t z : zones) {
        if (z >= mesh_->zone_count() || !mesh_->boxes[z].intersects(view) || mesh_->vertex_count[z] == 0) continue;
        first.push_back(static_cast<GLint>(mesh_->first_vertex[z]));
        count.push_back(static_cast<GLsizei>(mesh_->vertex_count[z]));
    }
    if (first.empty()) return;
    begin(camera, framebuffer_height, pixel_scale);
    glScissor(area[0], area[1], area[2], area[3]);
    glBindBuffer(GL_ARRAY_BUFFER, positions_);
    glVertexPointer(2, GL_FLOAT, 0, nullptr);
    glColor4ub(colour & 0xff, (colour >> 8) & 0xff, (colour >> 16) & 0xff, colour >> 24);
    glMultiDrawArrays(GL_TRIANGLES, first.data(), count.data(), static_cast<GLsizei>(first.size()));
    end();
}

} // namespace lp::viewer
