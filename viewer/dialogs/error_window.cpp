#include "dialogs/error_window.hpp"

#include <imgui.h>

namespace lp::viewer {

void error_window_ui(ErrorLog& errors) {
    auto& pending = errors.pending();
    if (pending.empty()) return;
    if (!ImGui::IsPopupOpen("Problem")) ImGui::OpenPopup("Problem");
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(560, 0));
    if (ImGui::BeginPopupModal("Problem", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", pending.front().title.c_str());
        ImGui::Separator();
        ImGui::TextWrapped("%s", pending.front().message.c_str());
        if (pending.size() > 1) ImGui::TextDisabled("%zu more after this one", pending.size() - 1);
        // Enter or Escape dismisses it too (a problem read needs no mouse), though not in
        // the frame it appears: the Enter that caused it must not also dismiss it.
        const bool key = !ImGui::IsWindowAppearing() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) ||
                                                         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false));
        if (ImGui::Button("OK", ImVec2(120, 0)) || key) {
            pending.erase(pending.begin());
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

} // namespace lp::viewer
