#include "map/map_view.hpp"

#include "map/map_labels.hpp"
#include "map/map_legend.hpp"
#include "model/column_names.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace lp::viewer {
namespace {

constexpr const char* attribution =
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Contains OS data \xC2\xA9 Crown copyright and database right.";

std::string format_distance(double metres) {
    char text[32];
    if (metres >= 1000) std::snprintf(text, sizeof text, "%g km", metres / 1000);
    else std::snprintf(text, sizeof text, "%g m", metres);
    return text;
}

std::string format_value(double v) {
    char text[32];
    if (std::abs(v) >= 1000 || v == std::floor(v)) std::snprintf(text, sizeof text, "%.0f", v);
    else std::snprintf(text, sizeof text, "%.2f", v);
    return text;
}

bool is_hospital_layer(const PointLayer& layer) {
    return layer.kind.find("hosp") != std::string::npos || layer.source.find("hosp") != std::string::npos;
}

} // namespace

void MapView::fit(const Session&) {
    // Applied in ui(), once the map's screen rectangle for this frame is known.
    fitted_ = false;
}

void MapView::set_choropleth(const Session& session, const std::string& column) {
    choropleth_ = column;
    classes_ = {};
    if (column.empty() || !session.data.is_open()) return;
    classes_ = make_classes(session.data.dataset().demand.column(column), class_method_, 5);
}

void MapView::set_class_method(const Session& session, ClassMethod method) {
    class_method_ = method;
    set_choropleth(session, choropleth_);
    coloured_choropleth_ = "\x01";  // colour again
}

void MapView::zoom_to(const Box& box) {
    if (box.empty()) return;
    constexpr double smallest = 1500;  // metres: a single small zone still shows its streets' context
    const double cx = (box.min_x + box.max_x) / 2, cy = (box.min_y + box.max_y) / 2;
    const double hw = std::max(box.max_x - box.min_x, smallest) / 2, hh = std::max(box.max_y - box.min_y, smallest) / 2;
    const Box view{cx - hw, cy - hh, cx + hw, cy + hh};
    fitted_ = true;
    if (!laid_out_) {
        pending_zoom_ = view;
        return;
    }
    camera_.fit(view, 0.15f);
}

float MapView::marker_scale_at(const Session& session, double scale) const {
    const double ratio = scale / camera_.scale;
    return std::clamp(static_cast<float>(typical_zone_pixels(session) * ratio) / 12.0f, 0.4f, 1.0f);
}

void MapView::render_document(Session& session, MapRenderer& renderer, const MapCamera& camera, int framebuffer_height,
                              float pixel_scale) {
    if (!session.data.is_open()) return;
    update_colours(session, renderer);
    const float zone_pixels = typical_zone_pixels(session) * static_cast<float>(camera.scale / camera_.scale);
    const float outline_alpha = show_outlines ? std::clamp((zone_pixels - 4.0f) / 30.0f, 0.0f, 0.6f) : 0.0f;
    renderer.set_points_visible(show_points);
    renderer.set_point_scale(marker_scale_at(session, camera.scale));
    renderer.draw_uncached(camera, framebuffer_height, pixel_scale, outline_alpha);
    renderer.set_point_scale(marker_scale(session));  // the window's again
}

float MapView::typical_zone_pixels(const Session& session) const {
    // A typical zone's side: the square root of the mean zone area.
    double total_area = 0;
    for (double a : session.data.mesh().areas) total_area += a;
    const double typical_zone = std::sqrt(total_area / static_cast<double>(std::max<std::size_t>(session.data.mesh().zone_count(), 1)));
    return static_cast<float>(typical_zone * camera_.scale);
}

float MapView::marker_scale(const Session& session) const {
    return std::clamp(typical_zone_pixels(session) / 12.0f, 0.4f, 1.0f);
}

std::vector<std::uint32_t> MapView::zones_under(const Session& session, float sx, float sy) const {
    const Point p = camera_.to_map(sx, sy);
    if (brush_radius <= 0) {
        const int z = session.data.mesh().zone_at(p);
        return z < 0 ? std::vector<std::uint32_t>{} : std::vector<std::uint32_t>{static_cast<std::uint32_t>(z)};
    }
    return session.data.mesh().zones_near(p, brush_radius / camera_.scale);
}

void MapView::apply_tool(Session& session, float sx, float sy) {
    if (!session.document.has_plan()) return;
    std::vector<std::uint32_t> zones = zones_under(session, sx, sy);
    if (zones.empty()) return;
    PlanEditor& editor = session.document.editor();
    if (tool == MapTool::paint) {
        if (session.view.active_locality < 0) {
            session.view.status = "add a locality first (Localities: New)";
            return;
        }
        // Skip zones already there so a brush held still adds nothing to undo.
        std::erase_if(zones, [&](std::uint32_t z) { return session.document.state().locality_of(z) == session.view.active_locality; });
        if (zones.empty()) return;
        session.report(editor.paint(std::move(zones), session.view.active_locality));
    } else if (tool == MapTool::lock || tool == MapTool::unlock) {
        const bool lock = tool == MapTool::lock;
        std::erase_if(zones, [&](std::uint32_t z) { return session.document.state().zone_locked(z) == lock; });
        if (zones.empty()) return;
        session.report(editor.lock_zones(std::move(zones), lock));
    }
}

void MapView::pick_at(const Session& session, float sx, float sy) {
    const int zone = session.data.mesh().zone_at(camera_.to_map(sx, sy));
    if (zone >= 0) picked_.push_back(static_cast<std::uint32_t>(zone));
}

void MapView::ui(Session& session, ScreenRect rect) {
    camera_.rect = rect;
    laid_out_ = true;
    if (pending_zoom_) {
        camera_.fit(*pending_zoom_, 0.15f);
        pending_zoom_.reset();
    }
    if (!fitted_ && session.data.is_open()) {
        camera_.fit(session.data.mesh().extent);
        fitted_ = true;
    }
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin(map_window_name, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar();
    if (!session.data.is_open()) {
        ImGui::SetCursorPos(ImVec2(20, 20));
        ImGui::TextUnformatted("No zones open. File > Open data... (or start with --zones FILE --id-field FIELD), then "
                               "Plan > Generate localities.");
        ImGui::End();
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(rect.x, rect.y));
    ImGui::InvisibleButton("map-canvas", ImVec2(rect.w, rect.h),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    const bool hovered = ImGui::IsItemHovered();
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;

    if (hovered && io.MouseWheel != 0) camera_.zoom_at(mouse.x, mouse.y, std::pow(1.2, io.MouseWheel));
    const bool pan_drag = ImGui::IsItemActive() &&
                          (ImGui::IsMouseDragging(ImGuiMouseButton_Right) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle) ||
                           (tool == MapTool::pan && ImGui::IsMouseDragging(ImGuiMouseButton_Left)));
    if (pan_drag) camera_.pan_pixels(io.MouseDelta.x, io.MouseDelta.y);

    if (picking_hubs) {
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) pick_at(session, mouse.x, mouse.y);
    } else if (tool != MapTool::pan && session.document.has_plan()) {
        if (ImGui::IsItemActivated() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            session.document.editor().begin_stroke(tool == MapTool::paint ? "brush stroke" : "lock stroke");
            stroking_ = true;
        }
        if (stroking_ && ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) apply_tool(session, mouse.x, mouse.y);
        if (stroking_ && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            session.end_stroke();
            stroking_ = false;
        }
    }

    hover_zone_ = forced_hover;
    if (hover_zone_ < 0 && hovered) hover_zone_ = session.data.mesh().zone_at(camera_.to_map(mouse.x, mouse.y));
    draw_overlays(session);
    // A marker under the pointer names its service point; elsewhere the zone shows its figures.
    const auto marker = hovered && show_points && forced_hover < 0 ? marker_at(session, mouse.x, mouse.y) : std::nullopt;
    if (marker) draw_marker_tooltip(session, marker->first, marker->second);
    else if (hover_zone_ >= 0) draw_tooltip(session, hover_zone_);
    if (hovered && brush_radius > 0 && tool != MapTool::pan && !picking_hubs) {
        ImGui::GetWindowDrawList()->AddCircle(mouse, brush_radius, IM_COL32(20, 20, 20, 200), 48, 1.5f);
    }
    ImGui::End();
    search_.ui(session, *this, rect);
    map_legend_ui(session, *this, rect);
}

void MapView::update_colours(Session& session, MapRenderer& renderer) {
    context_.update(session);
    if (coloured_mesh_ != session.data.mesh_generation()) {
        renderer.upload(session.data.mesh());
        renderer.set_context({}, {});
        // Points inside the zones only: a national layer read for one council would
        // otherwise clutter the sea and the neighbours.
        std::vector<std::vector<float>> layers;
        std::vector<MapRenderer::PointStyle> styles;
        const Point o = session.data.mesh().origin;
        for (const PointLayer& layer : session.data.dataset().points) {
            std::vector<float> xy;
            for (std::size_t i = 0; i < layer.points.size(); ++i) {
                if (i < layer.zone.size() && layer.zone[i] < 0) continue;
                xy.push_back(static_cast<float>(layer.points[i].x - o.x));
                xy.push_back(static_cast<float>(layer.points[i].y - o.y));
            }
            layers.push_back(std::move(xy));
            styles.push_back(is_hospital_layer(layer)
                                 ? MapRenderer::PointStyle{hospital_marker_colour, 9.0f, hospital_marker_border}
                                 : MapRenderer::PointStyle{gp_marker_colour, 5.0f, gp_marker_border});
        }
        renderer.set_points(std::move(layers), std::move(styles));
        coloured_mesh_ = session.data.mesh_generation();
        coloured_revision_ = static_cast<std::size_t>(-1);
    }
    if (std::vector<float> triangles, segments; context_.take(triangles, segments)) {
        renderer.set_context(std::move(triangles), std::move(segments));
    }
    if (coloured_revision_ == session.document.revision() && coloured_choropleth_ == choropleth_) return;
    coloured_revision_ = session.document.revision();
    coloured_choropleth_ = choropleth_;
    const std::size_t n = session.data.mesh().zone_count();
    std::vector<Rgba> colours(n, unassigned_colour);
    if (!choropleth_.empty()) {
        const std::vector<double>& values = session.data.dataset().demand.column(choropleth_);
        const int count = static_cast<int>(classes_.count());
        for (std::size_t z = 0; z < n; ++z) {
            if (std::isnan(values[z])) continue;  // no value: left grey
            colours[z] = ramp_colour(static_cast<int>(classes_.class_of(values[z])), count);
        }
    } else if (session.document.has_plan()) {
        const PlanState& state = session.document.state();
        std::vector<Rgba> palette;
        for (const Locality& l : state.localities()) palette.push_back(parse_hex_colour(l.colour));
        for (std::uint32_t z = 0; z < n; ++z) {
            const int loc = state.locality_of(z);
            Rgba c = loc >= 0 ? palette[static_cast<std::size_t>(loc)] : unassigned_colour;
            if (state.zone_fixed(z)) c = darken(c, 0.72f); // locked zones read darker
            colours[z] = c;
        }
    }
    renderer.set_zone_colours(colours);
    // Bold lines: where the localities on the two sides differ (outside counts as
    // its own side, unassigned-against-outside does not).
    std::vector<std::uint32_t> between, edge;
    if (session.document.has_plan()) {
        const auto& assignment = session.document.state().assignment();
        const ZoneMesh& mesh = session.data.mesh();
        for (std::uint32_t s = 0; s < mesh.segment_total(); ++s) {
            const int a = assignment[static_cast<std::size_t>(mesh.segment_left[s])];
            if (mesh.segment_right[s] < 0) {
                if (a >= 0) edge.push_back(s);
                continue;
            }
            const int b = assignment[static_cast<std::size_t>(mesh.segment_right[s])];
            if (a != b && (a >= 0 || b >= 0)) between.push_back(s);
        }
    }
    renderer.set_bold_segments(between, edge);
}

void MapView::render(Session& session, MapRenderer& renderer, int framebuffer_height, float pixel_scale) {
    if (!session.data.is_open()) return;
    update_colours(session, renderer);
    renderer.set_points_visible(show_points);
    // Outlines fade in as zones grow past a few pixels on screen.
    const float zone_pixels = typical_zone_pixels(session);
    const float outline_alpha = show_outlines ? std::clamp((zone_pixels - 4.0f) / 30.0f, 0.0f, 0.6f) : 0.0f;
    renderer.set_point_scale(marker_scale(session));
    renderer.draw(camera_, framebuffer_height, pixel_scale, outline_alpha);
    if (session.document.has_plan() && choropleth_.empty()) {
        // Zones cut off from their locality's main piece: hatched red, pulsing gently for a
        // few seconds after the edit that cut them off, then steady, so a plan left with
        // cut-off zones draws nothing while the planner reads it.
        const double t = ImGui::GetTime();
        if (session.document.revision() != stray_revision_) {
            stray_revision_ = session.document.revision();
            stray_since_ = t;
        }
        const bool pulsing = t - stray_since_ < stray_pulse_seconds;
        const auto alpha = static_cast<unsigned>(pulsing ? 110 + 60 * std::sin((t - stray_since_) * 4) : 150);
        renderer.draw_overlay(camera_, framebuffer_height, pixel_scale, session.figures.stray_zones(), rgba(220, 0, 0, alpha));
    }
    if (!session.view.flash_zones.empty()) {
        // What a refused paint would have cut off (or the zones it could not reach):
        // flashing orange for a few seconds.
        if (std::chrono::steady_clock::now() < session.view.flash_until) {
            const bool on = std::fmod(ImGui::GetTime(), 0.5) < 0.3;
            renderer.draw_overlay(camera_, framebuffer_height, pixel_scale, session.view.flash_zones,
                                  on ? rgba(255, 140, 0, 230) : rgba(255, 230, 120, 160));
        } else {
            session.view.flash_zones.clear();
        }
    }
    if (!search_.chosen_zones().empty()) {  // the place found by the search box
        const std::vector<std::uint32_t> found(search_.chosen_zones().begin(), search_.chosen_zones().end());
        renderer.draw_overlay(camera_, framebuffer_height, pixel_scale, found, rgba(255, 255, 255, 130));
    }
    if (hover_zone_ >= 0) {
        renderer.draw_overlay(camera_, framebuffer_height, pixel_scale, {static_cast<std::uint32_t>(hover_zone_)},
                              rgba(255, 255, 255, 110));
    }
}

void MapView::draw_overlays(Session& session) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ScreenRect& r = camera_.rect;
    draw->PushClipRect(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h), true);

    // Names: localities, then settlements and places, none over another or a marker.
    labels_.draw(draw, session, camera_, search_.index(session), show_points, marker_scale(session), &context_, covered_);

    // Scale bar: a round length about 120 pixels long.
    {
        const double target_m = 120.0 / camera_.scale;
        const double magnitude = std::pow(10.0, std::floor(std::log10(target_m)));
        double length = magnitude;
        for (double step : {2.0, 5.0, 10.0}) {
            if (magnitude * step <= target_m) length = magnitude * step;
        }
        const auto px = static_cast<float>(length * camera_.scale);
        const ImVec2 at(r.x + 14, r.y + r.h - 40);
        draw->AddRectFilled(ImVec2(at.x - 6, at.y - 18), ImVec2(at.x + px + 40, at.y + 8), IM_COL32(255, 255, 255, 190), 3);
        draw->AddLine(at, ImVec2(at.x + px, at.y), IM_COL32(0, 0, 0, 255), 3);
        draw->AddLine(ImVec2(at.x, at.y - 6), ImVec2(at.x, at.y + 3), IM_COL32(0, 0, 0, 255), 2);
        draw->AddLine(ImVec2(at.x + px, at.y - 6), ImVec2(at.x + px, at.y + 3), IM_COL32(0, 0, 0, 255), 2);
        const std::string label = format_distance(length);
        draw->AddText(ImVec2(at.x + px / 2 - 12, at.y - 17), IM_COL32(0, 0, 0, 255), label.c_str());
    }

    // Attribution, as the Open Government Licence asks: wrapped to the map's width.
    {
        const float size = 12.0f;
        const float wrap = std::min(r.w - 12, 560.0f);
        const ImVec2 extent = ImGui::GetFont()->CalcTextSizeA(size, 1e9f, wrap, attribution);
        const ImVec2 at(r.x + r.w - extent.x - 6, r.y + r.h - extent.y - 3);
        draw->AddRectFilled(ImVec2(at.x - 4, at.y - 2), ImVec2(r.x + r.w, r.y + r.h), IM_COL32(255, 255, 255, 210));
        draw->AddText(ImGui::GetFont(), size, at, IM_COL32(40, 40, 40, 255), attribution, nullptr, wrap);
    }
    draw->PopClipRect();
}

void MapView::place_tooltip_beside_brush() const {
    // Past the brush's circle, towards the side of the map with more room (ImGui's own
    // spot, just below-right of the pointer, hid the brush and the zones under it).
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const float gap = (tool != MapTool::pan ? std::max(brush_radius, 0.0f) : 0.0f) + 14.0f;
    const ScreenRect& r = camera_.rect;
    const bool left = mouse.x > r.x + r.w / 2, up = mouse.y > r.y + r.h / 2;
    ImGui::SetNextWindowPos(ImVec2(mouse.x + (left ? -gap : gap), mouse.y + (up ? -gap : gap)), ImGuiCond_Always,
                            ImVec2(left ? 1.0f : 0.0f, up ? 1.0f : 0.0f));
}

std::optional<std::pair<std::size_t, std::size_t>> MapView::marker_at(const Session& session, float sx, float sy) const {
    if (!session.data.is_open()) return std::nullopt;
    const Point o = session.data.mesh().origin;
    const float scale = marker_scale(session);
    std::optional<std::pair<std::size_t, std::size_t>> best;
    float best_distance = 0;
    const auto& layers = session.data.dataset().points;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const PointLayer& layer = layers[l];
        // The marker's half size as the renderer draws it, and a few pixels to aim with.
        const float reach = ((is_hospital_layer(layer) ? 9.0f : 5.0f) * scale + 2) / 2 + 3;
        for (std::size_t i = 0; i < layer.points.size(); ++i) {
            if (i < layer.zone.size() && layer.zone[i] < 0) continue;  // not drawn
            float px, py;
            camera_.to_screen({layer.points[i].x - o.x, layer.points[i].y - o.y}, px, py);
            const float d = std::max(std::fabs(px - sx), std::fabs(py - sy));
            if (d <= reach && (!best || d < best_distance)) {
                best = std::make_pair(l, i);
                best_distance = d;
            }
        }
    }
    return best;
}

void MapView::draw_marker_tooltip(const Session& session, std::size_t layer, std::size_t point) {
    const PointLayer& points = session.data.dataset().points[layer];
    place_tooltip_beside_brush();
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(point < points.labels.size() ? points.labels[point].c_str() : "");
    ImGui::TextDisabled("%s", is_hospital_layer(points) ? "hospital" : points.kind.c_str());
    if (point < points.zone.size() && points.zone[point] >= 0) {
        const auto z = static_cast<std::size_t>(points.zone[point]);
        ImGui::TextDisabled("in %s", session.data.dataset().zones.ids[z].c_str());
        if (session.document.has_plan()) {
            const int loc = session.document.state().locality_of(static_cast<std::uint32_t>(z));
            if (loc >= 0) ImGui::TextDisabled("locality %s", session.document.state().localities()[static_cast<std::size_t>(loc)].name.c_str());
        }
    }
    ImGui::EndTooltip();
}

void MapView::draw_tooltip(Session& session, int zone) {
    const auto z = static_cast<std::size_t>(zone);
    const Dataset& data = session.data.dataset();
    if (forced_hover >= 0) { // a script's hover: put the tooltip by the zone, not the mouse
        float sx, sy;
        camera_.to_screen(session.data.mesh().centres[z], sx, sy);
        ImGui::SetNextWindowPos(ImVec2(sx + 16, sy + 8));
    } else {
        place_tooltip_beside_brush();
    }
    ImGui::BeginTooltip();
    ImGui::Text("%s  %s", data.zones.ids[z].c_str(), z < data.zones.names.size() ? data.zones.names[z].c_str() : "");
    if (session.document.has_plan()) {
        const PlanState& state = session.document.state();
        const int loc = state.locality_of(static_cast<std::uint32_t>(zone));
        ImGui::Text("Locality: %s%s", loc >= 0 ? state.localities()[static_cast<std::size_t>(loc)].name.c_str() : "(none)",
                    state.zone_fixed(static_cast<std::uint32_t>(zone)) ? "  [locked]" : "");
    }
    ImGui::Separator();
    // Every column under its plain name; the one being mapped first and marked.
    if (ImGui::BeginTable("values", 2, ImGuiTableFlags_SizingFixedFit)) {
        const auto row = [&](std::size_t c, bool mapped) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string name = plain_column_name(data.demand.names[c]);
            if (mapped) ImGui::TextColored(ImVec4(0.1f, 0.3f, 0.7f, 1), "%s (mapped)", name.c_str());
            else ImGui::TextUnformatted(name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_value(data.demand.values[c][z]).c_str());
        };
        std::size_t mapped = data.demand.names.size();
        for (std::size_t c = 0; c < data.demand.names.size(); ++c) {
            if (data.demand.names[c] == choropleth_) mapped = c;
        }
        if (mapped < data.demand.names.size()) row(mapped, true);
        for (std::size_t c = 0; c < data.demand.names.size(); ++c) {
            if (c != mapped) row(c, false);
        }
        ImGui::EndTable();
    }
    ImGui::EndTooltip();
}

} // namespace lp::viewer
