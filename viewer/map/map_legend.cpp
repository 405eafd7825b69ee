#include "map/map_legend.hpp"

#include "model/choropleth_classes.hpp"
#include "model/colours.hpp"
#include "map/map_view.hpp"

#include <imgui.h>

namespace lp::viewer {

void map_legend_ui(Session& session, MapView& map, ScreenRect map_rect) {
    if (!session.data.is_open()) return;
    const bool choropleth = !map.choropleth().empty();
    const bool points = map.show_points && !session.data.dataset().points.empty();
    const bool context = map.context().ready();
    if (!choropleth && !points && !context) {
        map.set_covered(MapView::Cover::legend, {});
        return;
    }
    const float width = 230;
    ImGui::SetNextWindowPos(ImVec2(map_rect.x + map_rect.w - width - 10, map_rect.y + 10));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowBgAlpha(0.88f);
    ImGui::Begin("##legend", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // A class or area swatch (22 x 13), or a marker symbol: a square of `size` pixels in
    // its border, as the map draws it.
    auto swatch = [&](Rgba fill, Rgba border, float size) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float cx = at.x + 11, cy = at.y + 7.5f;
        const float hw = size > 0 ? size / 2 : 11, hh = size > 0 ? size / 2 : 6.5f;
        draw->AddRectFilled(ImVec2(cx - hw - 1, cy - hh - 1), ImVec2(cx + hw + 1, cy + hh + 1), border);
        draw->AddRectFilled(ImVec2(cx - hw, cy - hh), ImVec2(cx + hw, cy + hh), fill);
        ImGui::Dummy(ImVec2(24, 14));
        ImGui::SameLine();
    };
    if (choropleth) {
        ImGui::TextUnformatted(map.choropleth().c_str());
        const std::string meaning = column_meaning(map.choropleth());
        if (!meaning.empty()) ImGui::TextDisabled("(%s)", meaning.c_str());
        int method = static_cast<int>(map.class_method());
        ImGui::SetNextItemWidth(width - 16);
        const char* methods[] = {method_name(ClassMethod::quantile), method_name(ClassMethod::equal_interval)};
        if (ImGui::Combo("##classes", &method, methods, 2)) map.set_class_method(session, static_cast<ClassMethod>(method));
        const ChoroplethClasses& classes = map.classes();
        for (std::size_t c = 0; c < classes.count(); ++c) {
            swatch(ramp_colour(static_cast<int>(c), static_cast<int>(classes.count())), rgba(80, 80, 80), 0);
            ImGui::TextUnformatted(classes.label(c).c_str());
        }
        if (points || context) ImGui::Separator();
    }
    if (points) {
        swatch(gp_marker_colour, gp_marker_border, 5);
        ImGui::TextUnformatted("GP practice");
        swatch(hospital_marker_colour, rgba(90, 90, 90), 9);
        ImGui::TextUnformatted("Hospital");
    }
    if (context) {
        swatch(context_fill_colour, rgba(150, 150, 150), 0);
        ImGui::TextUnformatted("Neighbouring areas");
    }
    const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    map.set_covered(MapView::Cover::legend, {at.x, at.y, at.x + size.x, at.y + size.y});
    ImGui::End();
}

} // namespace lp::viewer
