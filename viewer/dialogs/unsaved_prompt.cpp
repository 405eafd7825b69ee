#include "dialogs/unsaved_prompt.hpp"

#include "dialogs/question_window.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <exception>
#include <utility>

namespace lp::viewer {
namespace {

constexpr const char* title = "Unsaved changes";

} // namespace

void UnsavedPrompt::request(Session& session, std::string what, std::function<void()> then) {
    if (!session.document.dirty()) {
        then();
        return;
    }
    what_ = std::move(what);
    then_ = std::move(then);
    if (session.document.plan_path().empty()) save_path = "plan.json";
}

bool UnsavedPrompt::go_on(Session& session) {
    const auto then = std::exchange(then_, {});
    try {
        then();
        return true;
    } catch (const std::exception& e) {
        session.view.errors.add("Could not " + what_, e.what());
        return false;
    }
}

bool UnsavedPrompt::answer(Session& session, UnsavedAnswer answer) {
    if (!open()) return true;
    switch (answer) {
    case UnsavedAnswer::save:
        try {
            session.save_plan(session.document.plan_path().empty() ? save_path : session.document.plan_path());
        } catch (const std::exception& e) {
            session.view.errors.add("Could not save the plan", e.what());
            return false;
        }
        go_on(session);
        break;
    case UnsavedAnswer::discard:
        // The files go first, so reopening the same plan finds none; if what waited
        // fails, the plan stays open with its changes and their recovery file again.
        session.document.release_recovery_files();
        if (!go_on(session)) session.document.rewrite_recovery_file();
        break;
    case UnsavedAnswer::cancel:
        then_ = {};
        session.view.status = "cancelled: " + what_;
        break;
    }
    return true;
}

void UnsavedPrompt::ui(Session& session) {
    // An error shows first; the question comes back after it.
    const bool show = open() && session.view.errors.pending().empty();
    if (!begin_question(title, show, 520)) return;
    ImGui::Text("Save changes to %s?", session.document.plan_name().c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("The plan has changes that are not saved. They are lost if you %s without saving.",
                       what_.c_str());
    if (session.document.plan_path().empty()) {
        ImGui::Spacing();
        ImGui::SetNextItemWidth(360);
        ImGui::InputText("save as", &save_path);
    }
    ImGui::Spacing();
    ImGui::Separator();
    bool closed = false;
    if (ImGui::Button("Save", ImVec2(120, 0))) closed = answer(session, UnsavedAnswer::save);
    ImGui::SameLine();
    if (ImGui::Button("Discard", ImVec2(120, 0))) closed = answer(session, UnsavedAnswer::discard);
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        closed = answer(session, UnsavedAnswer::cancel);
    }
    if (closed) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace lp::viewer
