#include "map/map_labels.hpp"

#include "map/context_layer.hpp"
#include "map/label_placement.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace lp::viewer {
namespace {

// Dark text in a white halo, readable on any fill. Locality names get the full eight
// halo copies; the many smaller labels four (the diagonals), which halves their cost in
// ImGui's draw lists under llvmpipe and still reads cleanly at 13-15 px.
void text_with_halo(ImDrawList* draw, ImVec2 at, const char* text, float size, ImU32 colour, ImU32 halo, bool full) {
    ImFont* font = ImGui::GetFont();
    for (int dx = -1; dx <= 1; ++dx) {
        for (int dy = -1; dy <= 1; ++dy) {
            if ((dx || dy) && (full || (dx && dy)))
                draw->AddText(font, size, ImVec2(at.x + static_cast<float>(dx), at.y + static_cast<float>(dy)), halo, text);
        }
    }
    draw->AddText(font, size, at, colour, text);
}

bool is_hospital_layer(const PointLayer& layer) {
    return layer.kind.find("hosp") != std::string::npos || layer.source.find("hosp") != std::string::npos;
}

} // namespace

void MapLabels::draw(ImDrawList* draw, const Session& session, const MapCamera& camera, const PlaceIndex& places,
                     bool show_markers, float marker_scale, const ContextLayer* neighbours,
                     const std::vector<ScreenBox>& covered) {
    const auto& label_points = session.figures.label_points();
    const bool same = valid_ && cx_ == camera.centre.x && cy_ == camera.centre.y && scale_ == camera.scale &&
                      rect_.x == camera.rect.x && rect_.y == camera.rect.y && rect_.w == camera.rect.w &&
                      rect_.h == camera.rect.h && revision_ == session.document.revision() &&
                      mesh_ == session.data.mesh_generation() && labels_ == label_points.data() &&
                      label_count_ == label_points.size() && places_ == &places && neighbours_ == neighbours &&
                      markers_ == show_markers && marker_scale_ == marker_scale && session.document.has_plan() &&
                      covered_ == covered;
    if (!same) {
        const ScreenRect& r = camera.rect;
        const ScreenBox screen{r.x, r.y, r.x + r.w, r.y + r.h};
        const Box view = camera.visible();
        std::vector<LabelRequest> requests;
        std::vector<std::string> texts;
        std::vector<Style> styles;
        std::vector<int> localities;  // per request: the locality it names (-1: a place)
        auto request = [&](const std::string& text, Point at, int tier, double priority, Style style, int locality = -1) {
            float sx, sy;
            camera.to_screen(at, sx, sy);
            if (sx < screen.x0 - 200 || sx > screen.x1 + 200 || sy < screen.y0 - 50 || sy > screen.y1 + 50) return;
            const ImVec2 extent = ImGui::GetFont()->CalcTextSizeA(style.size, 1e9f, 0, text.c_str());
            requests.push_back({sx, sy, extent.x, extent.y, tier, priority});
            texts.push_back(text);
            styles.push_back(style);
            localities.push_back(locality);
        };
    
        if (session.document.has_plan()) {
            const PlanState& state = session.document.state();
            const auto& points = session.figures.label_points();
            for (std::size_t loc = 0; loc < points.size() && loc < state.locality_count(); ++loc) {
                if (std::isnan(points[loc].x)) continue;
                request(state.localities()[loc].name, points[loc], 0, state.statistics(loc).area,
                        {18.0f, IM_COL32(10, 10, 10, 255)}, static_cast<int>(loc));
            }
        }
        // Places whose zones are at least this many pixels across on screen get a name:
        // settlements early (a town shows at the partnership's view), smaller places later.
        const bool have_settlements = session.figures.settlements() != nullptr;
        for (const Place& place : places.places()) {
            // Towns of a gazetteer are for finding and hubs: the settlements and places name the map.
            if (place.kind == PlaceKind::zone || place.kind == PlaceKind::town || place.kind == PlaceKind::service ||
                !place.box.intersects(view))
                continue;
            const double across = std::sqrt(std::max(0.0, (place.box.max_x - place.box.min_x) * (place.box.max_y - place.box.min_y))) * camera.scale;
            if (place.kind == PlaceKind::settlement) {
                if (across >= 12) request(place.name, place.anchor, 1, place.people, {15.0f, IM_COL32(30, 30, 30, 255)});
            } else if (across >= (have_settlements ? 90 : 70)) {
                request(place.name, place.anchor, 2, place.people, {13.0f, IM_COL32(60, 60, 60, 255)});
            }
        }
    
        // Markers as the renderer draws them: squares of (size * scale + 2) pixels.
        std::vector<ScreenBox> markers;
        if (show_markers && session.data.is_open()) {
            const Point o = session.data.mesh().origin;
            for (const PointLayer& layer : session.data.dataset().points) {
                const float half = ((is_hospital_layer(layer) ? 9.0f : 5.0f) * marker_scale + 2) / 2;
                for (std::size_t i = 0; i < layer.points.size(); ++i) {
                    if (i < layer.zone.size() && layer.zone[i] < 0) continue;
                    float sx, sy;
                    camera.to_screen({layer.points[i].x - o.x, layer.points[i].y - o.y}, sx, sy);
                    if (sx < screen.x0 || sx > screen.x1 || sy < screen.y0 || sy > screen.y1) continue;
                    markers.push_back({sx - half, sy - half, sx + half, sy + half});
                }
            }
        }
        // A locality's name goes over that locality: never with a corner on a neighbouring
        // locality or another council; good with its centre on the locality itself (corners
        // may reach the sea), fallback (with a leader line) with its centre on the sea.
        const LabelFitTest fit = [&](std::size_t i, const ScreenBox& b) {
            if (i >= localities.size() || localities[i] < 0) return LabelFit::good;
            const PlanState& state = session.document.state();
            const auto locality_at = [&](float x, float y) {
                const Point p = camera.to_map(x, y);
                const int zone = session.data.mesh().zone_at(p);
                if (zone >= 0) return state.locality_of(static_cast<std::uint32_t>(zone));
                return neighbours && neighbours->covers(p) ? -3 : -2;  // -3: another council, -2: the sea
            };
            for (const auto& [x, y] : {std::pair{b.x0, b.y0}, std::pair{b.x1, b.y0}, std::pair{b.x0, b.y1}, std::pair{b.x1, b.y1}}) {
                const int loc = locality_at(x, y);
                if (loc != -2 && loc != localities[i]) return LabelFit::no;
            }
            const int centre = locality_at((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
            if (centre == localities[i]) return LabelFit::good;
            return centre == -2 ? LabelFit::fallback : LabelFit::no;
        };
        for (const ScreenBox& box : covered)
            if (box.x1 > box.x0 && box.y1 > box.y0) markers.push_back(box);
        placed_ = place_labels(requests, markers, screen, 2.0f, fit);
        covered_ = covered;
        requests_ = std::move(requests);
        texts_ = std::move(texts);
        styles_ = std::move(styles);
        cx_ = camera.centre.x;
        cy_ = camera.centre.y;
        scale_ = camera.scale;
        rect_ = camera.rect;
        revision_ = session.document.revision();
        mesh_ = session.data.mesh_generation();
        labels_ = label_points.data();
        label_count_ = label_points.size();
        places_ = &places;
        neighbours_ = neighbours;
        markers_ = show_markers;
        marker_scale_ = marker_scale;
        valid_ = true;
    }
    const std::vector<LabelRequest>& requests = requests_;
    const std::vector<std::string>& texts = texts_;
    const std::vector<Style>& styles = styles_;
    for (const PlacedLabel& placed : placed_) {
        const LabelRequest& r0 = requests[placed.request];
        const float cx = (placed.box.x0 + placed.box.x1) / 2, cy = (placed.box.y0 + placed.box.y1) / 2;
        const Style& style = styles[placed.request];
        if (placed.moved && r0.tier == 0) {
            // A leader line from the locality's label point to the name moved off it.
            const ImVec2 anchor(r0.x, r0.y);
            const ImVec2 end(std::clamp(r0.x, placed.box.x0, placed.box.x1), std::clamp(r0.y, placed.box.y0, placed.box.y1));
            draw->AddLine(anchor, end, IM_COL32(255, 255, 255, 220), 3.0f);
            draw->AddLine(anchor, end, IM_COL32(20, 20, 20, 255), 1.2f);
            draw->AddCircleFilled(anchor, 3.0f, IM_COL32(20, 20, 20, 255));
        }
        text_with_halo(draw, ImVec2(cx - r0.width / 2, cy - r0.height / 2), texts[placed.request].c_str(), style.size,
                       style.colour, IM_COL32(255, 255, 255, 230), r0.tier == 0);
    }
}

std::vector<MapLabels::Shown> MapLabels::shown() const {
    std::vector<Shown> shown;
    for (const PlacedLabel& placed : placed_)
        shown.push_back({texts_[placed.request], placed.box, requests_[placed.request].tier == 0});
    return shown;
}

} // namespace lp::viewer
