#include "map_renderer.hpp"

#include <algorithm>

namespace lp::viewer {

MapRenderer::~MapRenderer() {
    const GLuint buffers[] = {positions_, colours_, segments_, bold_indices_};
    if (positions_) glDeleteBuffers(4, buffers);
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
    vertex_colours_.assign(mesh.vertex_total(), unassigned_colour);
    set_zone_colours(std::vector<Rgba>(zones, unassigned_colour));
    bold_count_ = 0;
}

void MapRenderer::set_zone_colours(const std::vector<Rgba>& colours) {
    if (!mesh_) return;
    for (std::size_t z = 0; z < mesh_->zone_count() && z < colours.size(); ++z) {
        std::fill_n(vertex_colours_.begin() + mesh_->first_vertex[z], mesh_->vertex_count[z], colours[z]);
    }
    glBindBuffer(GL_ARRAY_BUFFER, colours_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertex_colours_.size() * sizeof(Rgba)),
                 vertex_colours_.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void MapRenderer::set_bold_segments(const std::vector<std::uint32_t>& segments) {
    std::vector<GLuint> indices;
    indices.reserve(segments.size() * 2);
    for (std::uint32_t s : segments) {
        indices.push_back(2 * s);
        indices.push_back(2 * s + 1);
    }
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, bold_indices_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(GLuint)), indices.data(),
                 GL_DYNAMIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    bold_count_ = static_cast<GLsizei>(indices.size());
}

void MapRenderer::collect_visible(const MapCamera& camera) {
    const Box view = camera.visible();
    fill_first_.clear();
    fill_count_.clear();
    line_first_.clear();
    line_count_.clear();
    for (std::size_t z = 0; z < mesh_->zone_count(); ++z) {
        if (!mesh_->boxes[z].intersects(view)) continue;
        if (mesh_->vertex_count[z] > 0) {
            fill_first_.push_back(static_cast<GLint>(mesh_->first_vertex[z]));
            fill_count_.push_back(static_cast<GLsizei>(mesh_->vertex_count[z]));
        }
        if (segment_count_[z] > 0) {
            line_first_.push_back(static_cast<GLint>(2 * segment_first_[z]));
            line_count_.push_back(static_cast<GLsizei>(2 * segment_count_[z]));
        }
    }
    zones_drawn_ = fill_first_.size();
}

void MapRenderer::begin(const MapCamera& camera, int framebuffer_height, float pixel_scale) {
    const ScreenRect& r = camera.rect;
    const auto vx = static_cast<GLint>(r.x * pixel_scale);
    const auto vy = static_cast<GLint>(static_cast<float>(framebuffer_height) - (r.y + r.h) * pixel_scale);
    const auto vw = static_cast<GLsizei>(r.w * pixel_scale), vh = static_cast<GLsizei>(r.h * pixel_scale);
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
    collect_visible(camera);
    begin(camera, framebuffer_height, pixel_scale);

    // Fills, coloured per vertex.
    glBindBuffer(GL_ARRAY_BUFFER, positions_);
    glVertexPointer(2, GL_FLOAT, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, colours_);
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
        glDrawElements(GL_LINES, bold_count_, GL_UNSIGNED_INT, nullptr);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
        glLineWidth(1.0f);
    }
    end();
}

void MapRenderer::draw_overlay(const MapCamera& camera, int framebuffer_height, float pixel_scale,
                               const std::vector<std::uint32_t>& zones, Rgba colour) {
    if (!mesh_ || zones.empty()) return;
    std::vector<GLint> first;
    std::vector<GLsizei> count;
    const Box view = camera.visible();
    for (std::uint32_t z : zones) {
        if (z >= mesh_->zone_count() || !mesh_->boxes[z].intersects(view) || mesh_->vertex_count[z] == 0) continue;
        first.push_back(static_cast<GLint>(mesh_->first_vertex[z]));
        count.push_back(static_cast<GLsizei>(mesh_->vertex_count[z]));
    }
    if (first.empty()) return;
    begin(camera, framebuffer_height, pixel_scale);
    glBindBuffer(GL_ARRAY_BUFFER, positions_);
    glVertexPointer(2, GL_FLOAT, 0, nullptr);
    glColor4ub(colour & 0xff, (colour >> 8) & 0xff, (colour >> 16) & 0xff, colour >> 24);
    glMultiDrawArrays(GL_TRIANGLES, first.data(), count.data(), static_cast<GLsizei>(first.size()));
    end();
}

} // namespace lp::viewer
