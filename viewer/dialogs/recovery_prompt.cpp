#include "dialogs/recovery_prompt.hpp"

#include "dialogs/question_window.hpp"

#include <imgui.h>

#include <exception>
#include <filesystem>
#include <string>

namespace lp::viewer {
namespace {

constexpr const char* title = "Recovered changes";

} // namespace

void recovery_prompt_ui(Session& session, bool allowed) {
    const bool show = allowed && session.document.recovery_pending() && session.view.errors.pending().empty();
    if (!begin_question(title, show, 600)) return;
    const PlanRecovery& recovery = session.document.recovery();
    // "glasgow.plan.json.recovery.json" -> "glasgow.plan.json.recovered-<date>.json"
    std::string kept_name = std::filesystem::path(recovery.found()).filename().string();
    const std::string suffix = ".recovery.json";
    if (kept_name.size() > suffix.size()) kept_name.resize(kept_name.size() - suffix.size());
    kept_name += ".recovered-<date>.json";
    ImGui::TextWrapped("Changes to %s were not saved when the viewer last stopped (it may have crashed). "
                       "They are in a recovery file:", session.document.plan_name().c_str());
    ImGui::Indent();
    ImGui::TextWrapped("%s", recovery.found().c_str());
    ImGui::Unindent();
    ImGui::TextWrapped("%s", session.document.recovery_summary().c_str());
    ImGui::Spacing();
    ImGui::Separator();
    auto act = [&](RecoveryAnswer answer) {
        try {
            session.answer_recovery(answer);
        } catch (const std::exception& e) {
            session.view.errors.add("Could not use the recovery file", e.what());
        }
    };
    const bool untitled = session.document.plan_path().empty();
    if (ImGui::Button("Restore", ImVec2(150, 0))) act(RecoveryAnswer::restore);
    ImGui::SameLine();
    ImGui::TextWrapped(untitled ? "Open the recovered plan, with its changes unsaved. Nothing is written until you save."
                                : "Open the recovered plan, with its changes unsaved. The plan file stays as it is "
                                  "until you save.");
    if (ImGui::Button("Keep aside", ImVec2(150, 0))) act(RecoveryAnswer::keep_aside);
    ImGui::SameLine();
    ImGui::TextWrapped("Rename the recovery file to %s and %s.", kept_name.c_str(),
                       untitled ? "start with the empty plan" : "open the plan as saved");
    if (ImGui::Button("Discard", ImVec2(150, 0))) act(RecoveryAnswer::discard);
    ImGui::SameLine();
    ImGui::TextWrapped("Delete the recovery file and %s.", untitled ? "start with the empty plan" : "open the plan as saved");
    if (!session.document.recovery_pending()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace lp::viewer
