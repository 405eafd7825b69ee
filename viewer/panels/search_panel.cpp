#include "panels/search_panel.hpp"

#include "map/map_view.hpp"

#include <lp/community/settlements.hpp>

#include "app/gl.hpp"
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace lp::viewer {

const PlaceIndex& SearchPanel::index(const Session& session) {
    const Settlements* towns = session.figures.settlements();
    const std::size_t town_count = towns ? towns->zones.size() : 0;
    if (index_generation_ != session.data.mesh_generation() || index_settlements_ != towns ||
        index_settlement_count_ != town_count) {
        // Other data opened: what was typed named a place of the old data.
        const bool other_data = index_generation_ != static_cast<std::size_t>(-1) && index_generation_ != session.data.mesh_generation();
        if (other_data) text_[0] = '\0';
        const std::vector<double>* people = session.figures.population();
        index_ = build_place_index(session.data.dataset(), session.data.mesh(), place_names(session.data.dataset(), session.data.options().demand_paths),
                                   towns, people ? *people : std::vector<double>{}, session.data.places());
        index_generation_ = session.data.mesh_generation();
        index_settlements_ = towns;
        index_settlement_count_ = town_count;
        matched_text_ = "\x01";  // search again
    }
    return index_;
}

void SearchPanel::refresh_matches(const Session& session) {
    const PlaceIndex& places = index(session);
    if (matched_text_ == text_) return;
    matched_text_ = text_;
    matches_ = places.search(text_, 10);
    selected_ = 0;
    chosen_zones_.clear();
}

void SearchPanel::type(Session& session, const std::string& text) {
    std::snprintf(text_, sizeof text_, "%s", text.c_str());
    refresh_matches(session);
}

const Place* SearchPanel::choose(Session& session, MapView& map) {
    refresh_matches(session);
    if (matches_.empty()) return nullptr;
    const Place& place = index_.places()[matches_[static_cast<std::size_t>(std::clamp(selected_, 0, static_cast<int>(matches_.size()) - 1))]];
    map.zoom_to(place.box);
    std::snprintf(text_, sizeof text_, "%s", place.name.c_str());
    matched_text_ = text_;
    matches_.clear();
    chosen_zones_ = place.zones;
    return &place;
}

void SearchPanel::ui(Session& session, MapView& map, ScreenRect map_rect) {
    if (!session.data.is_open()) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_F, false)) focus_next_ = true;
    ImGui::SetNextWindowPos(ImVec2(map_rect.x + 10, map_rect.y + 10));
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("##search", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    if (focus_next_) {
        ImGui::SetKeyboardFocusHere();
        focus_next_ = false;
    }
    ImGui::SetNextItemWidth(260);
    const bool entered = ImGui::InputTextWithHint("##place", "Find a place or zone (Ctrl+F)", text_, sizeof text_,
                                                  ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    const bool typing = ImGui::IsItemActive();
    refresh_matches(session);
    if (typing && !matches_.empty()) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) selected_ = std::min(selected_ + 1, static_cast<int>(matches_.size()) - 1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) selected_ = std::max(selected_ - 1, 0);
    }
    if (typing && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        text_[0] = 0;
        refresh_matches(session);
    }
    if (entered) choose(session, map);
    // The drop-down stays while the text has matches not yet chosen.
    int clicked = -1;
    for (std::size_t i = 0; i < matches_.size(); ++i) {
        const Place& place = index_.places()[matches_[i]];
        char line[256];
        if (place.kind == PlaceKind::zone) std::snprintf(line, sizeof line, "%s  (zone %s)", place.name.c_str(), place.code.c_str());
        else if (place.people > 0)
            std::snprintf(line, sizeof line, "%s  (%s, %.0f people)", place.name.c_str(), kind_name(place.kind), place.people);
        else std::snprintf(line, sizeof line, "%s  (%s)", place.name.c_str(), kind_name(place.kind));
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(line, static_cast<int>(i) == selected_)) clicked = static_cast<int>(i);
        ImGui::PopID();
    }
    if (text_[0] && matches_.empty() && chosen_zones_.empty() && matched_text_ == text_) ImGui::TextDisabled("no place matches");
    if (clicked >= 0) {
        selected_ = clicked;
        choose(session, map);
    }
    const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    map.set_covered(MapView::Cover::search, {at.x, at.y, at.x + size.x, at.y + size.y});
    ImGui::End();
}

} // namespace lp::viewer
