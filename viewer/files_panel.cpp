#include "files_panel.hpp"

#include "map_view.hpp"
#include "optimiser_job.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace lp::viewer {
namespace {

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ';')) {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) items.push_back(item);
    }
    return items;
}

// Runs one file action, sending any failure to the error window under `title`.
template <typename Action>
bool attempt(Session& session, const std::string& title, Action action) {
    try {
        action();
        return true;
    } catch (const std::exception& e) {
        session.errors.add(title, e.what());
        return false;
    }
}

} // namespace

bool FilesPanel::path_picker(const char* label, std::string& path) {
    ImGui::InputText(label, &path);
    bool picked = false;
    // A small directory listing: click a folder to enter it, a file to take it.
    ImGui::TextDisabled("in %s", browse_dir_.c_str());
    ImGui::BeginChild("browse", ImVec2(0, 150), true);
    std::error_code ec;
    if (ImGui::Selectable("../")) browse_dir_ = std::filesystem::path(browse_dir_).parent_path().string();
    std::vector<std::filesystem::directory_entry> entries;
    for (const auto& entry : std::filesystem::directory_iterator(browse_dir_.empty() ? "." : browse_dir_, ec)) {
        entries.push_back(entry);
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
        const std::string name = entry.path().filename().string() + (entry.is_directory() ? "/" : "");
        if (ImGui::Selectable(name.c_str())) {
            if (entry.is_directory()) browse_dir_ = entry.path().string();
            else {
                path = entry.path().string();
                picked = true;
            }
        }
    }
    ImGui::EndChild();
    return picked;
}

void FilesPanel::menu_ui(Session& session, OptimiserJob& optimiser, MapView& map, UnsavedPrompt& unsaved) {
    if (ImGui::BeginMainMenuBar()) {
        if (ImGui::BeginMenu("File")) {
            if (ImGui::MenuItem("Open data...")) dialog_ = Dialog::open_data, open_requested_ = true;
            if (ImGui::MenuItem("Open plan...", nullptr, false, session.has_data())) dialog_ = Dialog::open_plan, open_requested_ = true;
            if (ImGui::MenuItem("New empty plan", nullptr, false, session.has_data())) {
                attempt(session, "New plan", [&] {
                    unsaved.request(session, "start a new plan", [&session, &optimiser] {
                        optimiser.stop();
                        session.new_empty_plan();
                    });
                });
            }
            ImGui::Separator();
            if (ImGui::MenuItem("Save plan", "Ctrl+S", false, session.has_plan())) {
                if (session.plan_path().empty()) dialog_ = Dialog::save_plan, open_requested_ = true;
                else attempt(session, "Could not save the plan", [&] { session.save_plan(session.plan_path()); });
            }
            if (ImGui::MenuItem("Save plan as...", nullptr, false, session.has_plan())) dialog_ = Dialog::save_plan, open_requested_ = true;
            if (ImGui::MenuItem("Export GeoJSON...", nullptr, false, session.has_plan())) dialog_ = Dialog::export_geojson, open_requested_ = true;
            if (ImGui::MenuItem("Export report...", nullptr, false, session.has_plan())) dialog_ = Dialog::export_report, open_requested_ = true;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Edit", session.has_plan())) {
            PlanEditor& editor = session.editor();
            if (ImGui::MenuItem(("Undo " + editor.undo_label()).c_str(), "Ctrl+Z", false, editor.can_undo())) editor.undo();
            if (ImGui::MenuItem(("Redo " + editor.redo_label()).c_str(), "Ctrl+Y", false, editor.can_redo())) editor.redo();
            ImGui::Separator();
            bool refuse = editor.split_policy() == SplitPolicy::refuse;
            if (ImGui::MenuItem("Refuse edits that split a locality", nullptr, &refuse)) {
                editor.set_split_policy(refuse ? SplitPolicy::refuse : SplitPolicy::warn);
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("View", session.has_data())) {
            if (ImGui::MenuItem("Fit to area", "F")) map.fit(session);
            ImGui::MenuItem("Zone outlines", nullptr, &map.show_outlines);
            ImGui::MenuItem("GP practices and hospitals", nullptr, &map.show_points);
            ImGui::Separator();
            if (ImGui::MenuItem("Colour by locality", nullptr, map.choropleth().empty())) map.set_choropleth(session, "");
            if (ImGui::BeginMenu("Choropleth")) {
                for (const std::string& column : session.data().demand.names) {
                    if (ImGui::MenuItem(column.c_str(), nullptr, map.choropleth() == column)) map.set_choropleth(session, column);
                }
                ImGui::EndMenu();
            }
            ImGui::EndMenu();
        }
        ImGui::EndMainMenuBar();
    }
    dialog_ui(session, optimiser, map, unsaved);
}

void FilesPanel::dialog_ui(Session& session, OptimiserJob& optimiser, MapView& map, UnsavedPrompt& unsaved) {
    static constexpr const char* titles[] = {"", "Open data", "Open plan", "Save plan", "Export GeoJSON", "Export report"};
    if (dialog_ == Dialog::none) return;
    const char* title = titles[static_cast<int>(dialog_)];
    if (open_requested_) {
        ImGui::OpenPopup(title);
        open_requested_ = false;
        if (dialog_ == Dialog::save_plan) path_ = session.plan_path().empty() ? "plan.json" : session.plan_path();
        if (dialog_ == Dialog::export_geojson) path_ = "localities.geojson";
        if (dialog_ == Dialog::export_report) path_ = "plan-report.md";
    }
    ImGui::SetNextWindowSize(ImVec2(620, 0), ImGuiCond_Appearing);
    bool keep_open = true;
    if (!ImGui::BeginPopupModal(title, &keep_open)) {
        if (!keep_open || !ImGui::IsPopupOpen(title)) dialog_ = Dialog::none;
        return;
    }
    bool done = false;
    if (dialog_ == Dialog::open_data) {
        path_picker("zones", data_form_.zones.path);
        ImGui::InputText("layer (optional)", &data_form_.zones.layer);
        ImGui::InputText("id field", &data_form_.zones.id_field);
        ImGui::InputText("filter field", &data_form_.zones.filter_field);
        ImGui::InputText("filter values (;-separated)", &filter_text_);
        ImGui::InputText("demand tables (;-separated)", &demand_text_);
        ImGui::InputText("point layers (;-separated)", &points_text_);
        ImGui::InputText("crossings CSV", &data_form_.graph.crossings_csv);
        if (ImGui::Button("Open", ImVec2(120, 0))) {
            DatasetOptions options = data_form_;
            options.zones.filter_values = split_list(filter_text_);
            options.demand_paths = split_list(demand_text_);
            options.point_paths = split_list(points_text_);
            // The dialog closes either way; with unsaved changes the question comes next.
            done = attempt(session, "Could not open the data", [&] {
                unsaved.request(session, "open other data", [&session, &optimiser, &map, options] {
                    optimiser.stop();
                    session.open_dataset(options);
                    map.fit(session);
                });
            });
        }
    } else {
        const bool picked = path_picker("file", path_);
        const bool go = ImGui::Button(dialog_ == Dialog::open_plan ? "Open" : "Save", ImVec2(120, 0));
        if (go || (picked && dialog_ == Dialog::open_plan)) {
            switch (dialog_) {
            case Dialog::open_plan:
                done = attempt(session, "Could not open the plan", [&] {
                    unsaved.request(session, "open plan " + path_, [&session, &optimiser, &map, path = path_] {
                        optimiser.stop();
                        session.open_plan(path);
                        map.fit(session);
                    });
                });
                break;
            case Dialog::save_plan:
                done = attempt(session, "Could not save the plan", [&] { session.save_plan(path_); });
                break;
            case Dialog::export_geojson:
                done = attempt(session, "Could not export GeoJSON", [&] { session.export_geojson(path_); });
                if (done) session.status = "exported " + path_;
                break;
            case Dialog::export_report:
                done = attempt(session, "Could not export the report", [&] { session.export_report(path_); });
                if (done) session.status = "wrote " + path_;
                break;
            default:
                break;
            }
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(120, 0))) done = true;
    if (done) {
        dialog_ = Dialog::none;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace lp::viewer
