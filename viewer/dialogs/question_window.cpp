#include "dialogs/question_window.hpp"

#include <imgui.h>

namespace lp::viewer {

bool begin_question(const char* title, bool show, float width) {
    if (show && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    if (!ImGui::IsPopupOpen(title)) return false;
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize)) return false;
    if (!show) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return false;
    }
    return true;
}

} // namespace lp::viewer
