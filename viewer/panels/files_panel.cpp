#include "panels/files_panel.hpp"

#include "export/document_page.hpp"
#include "export/map_export.hpp"
#include "map/map_keys.hpp"
#include "map/map_view.hpp"
#include "jobs/optimiser_job.hpp"
#include "export/qgis_export.hpp"

#include <lp/plan/plan_file.hpp>
#include <lp/plan/plan_sources.hpp>

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
        session.view.errors.add(title, e.what());
        return false;
    }
}

// A combo of the zone layer's fields (typed when the file could not be described).
void field_combo(const char* label, std::string& value, const std::vector<std::string>& fields, bool optional) {
    ImGui::SetNextItemWidth(260);
    if (fields.empty()) {
        ImGui::InputText(label, &value);
        return;
    }
    if (ImGui::BeginCombo(label, value.empty() ? "(none)" : value.c_str())) {
        if (optional && ImGui::Selectable("(none)", value.empty())) value.clear();
        for (const std::string& field : fields) {
            if (ImGui::Selectable(field.c_str(), field == value)) value = field;
        }
        ImGui::EndCombo();
    }
}

// A list of files with a remove button each.
void file_list(const char* what, std::vector<std::string>& paths) {
    ImGui::PushID(what);
    for (std::size_t i = 0; i < paths.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("x")) {
            paths.erase(paths.begin() + static_cast<std::ptrdiff_t>(i));
            ImGui::PopID();
            break;
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(paths[i].c_str());
        ImGui::PopID();
    }
    if (paths.empty()) ImGui::TextDisabled("(no %s)", what);
    ImGui::PopID();
}

const std::vector<std::string> zone_extensions{".gpkg", ".geojson", ".json", ".shp", ".fgb", ".gml"};
const std::vector<std::string> table_extensions{".csv", ".gpkg", ".xlsx", ".ods", ".dbf"};
const std::vector<std::string> point_extensions{".geojson", ".json", ".gpkg", ".shp", ".csv", ".fgb"};

} // namespace

void FilesPanel::open(Dialog dialog) {
    dialog_ = dialog;
    open_requested_ = true;
}

void FilesPanel::show_open_plan() { open(Dialog::open_plan); }

void FilesPanel::show_save_plan() { open(Dialog::save_plan); }

void FilesPanel::remember(const std::string& kind, const std::string& path) { recent_.add(kind, path); }

void FilesPanel::remember_data(const DatasetOptions& options) {
    remember("zones", options.zones.path);
    for (const std::string& p : options.demand_paths) remember("demand", p);
    for (const std::string& p : options.point_paths) remember("points", p);
    if (!options.crossings_csv.empty()) remember("crossings", options.crossings_csv);
}

void FilesPanel::open_plan(Session& session, OptimiserJob& optimiser, MapView& map, const std::string& path) {
    optimiser.stop();
    if (session.data.is_open()) {
        session.open_plan(path);
        map.fit(session);
        return;
    }
    // A plan names the data it was made from: the window reads that in the background first.
    requests_.open_data = plan_opening(path);
}

DataOpening FilesPanel::plan_opening(const std::string& path) {
    return DataOpening{dataset_options_from_plan(read_plan(path), path), path};
}

void FilesPanel::menu_ui(Session& session, OptimiserJob& optimiser, MapView& map, UnsavedPrompt& unsaved, bool comparing) {
    if (ImGui::BeginMainMenuBar()) {
        if (ImGui::BeginMenu("File")) {
            if (ImGui::MenuItem("Open data...")) open(Dialog::open_data);
            if (ImGui::MenuItem("Open plan...", "Ctrl+O")) open(Dialog::open_plan);
            if (ImGui::MenuItem("New empty plan", nullptr, false, session.data.is_open())) {
                attempt(session, "New plan", [&] {
                    unsaved.request(session, "start a new plan", [&session, &optimiser] {
                        optimiser.stop();
                        session.new_empty_plan();
                    });
                });
            }
            if (comparing) {
                if (ImGui::MenuItem("Stop comparing")) requests_.stop_compare = true;
            } else if (ImGui::MenuItem("Compare with plan...", nullptr, false, session.document.has_plan())) {
                open(Dialog::compare);
            }
            ImGui::Separator();
            if (ImGui::MenuItem("Save plan", "Ctrl+S", false, session.document.has_plan())) {
                if (session.document.plan_path().empty()) open(Dialog::save_plan);
                else attempt(session, "Could not save the plan", [&] { session.save_plan(session.document.plan_path()); });
            }
            if (ImGui::MenuItem("Save plan as...", nullptr, false, session.document.has_plan())) open(Dialog::save_plan);
            if (ImGui::MenuItem("Export GeoJSON...", nullptr, false, session.document.has_plan())) open(Dialog::export_geojson);
            if (ImGui::MenuItem("Export report...", nullptr, false, session.document.has_plan())) open(Dialog::export_report);
            if (ImGui::MenuItem("Export map as PNG...", nullptr, false, session.data.is_open())) open(Dialog::export_png);
            if (ImGui::MenuItem("Export map as SVG...", nullptr, false, session.document.has_plan())) open(Dialog::export_svg);
            if (ImGui::MenuItem("Export QGIS project...", nullptr, false, session.document.has_plan())) open(Dialog::export_qgis);
            ImGui::Separator();
            if (ImGui::MenuItem("Quit", "Ctrl+Q")) requests_.quit = true;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Edit", session.document.has_plan())) {
            PlanEditor& editor = session.document.editor();
            if (ImGui::MenuItem(("Undo " + editor.undo_label()).c_str(), "Ctrl+Z", false, editor.can_undo())) editor.undo();
            if (ImGui::MenuItem(("Redo " + editor.redo_label()).c_str(), "Ctrl+Y / Ctrl+Shift+Z", false, editor.can_redo())) {
                editor.redo();
            }
            ImGui::Separator();
            // The map's tools, with the letter that picks each (map_keys.hpp).
            for (const ToolKey& key : tool_keys()) {
                if (ImGui::MenuItem((std::string("Tool: ") + key.name).c_str(), key.key, map.tool == key.tool)) map.tool = key.tool;
            }
            ImGui::Separator();
            bool refuse = editor.split_policy() == SplitPolicy::refuse;
            if (ImGui::MenuItem("Refuse edits that split a locality", nullptr, &refuse)) {
                editor.set_split_policy(refuse ? SplitPolicy::refuse : SplitPolicy::warn);
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("View", session.data.is_open())) {
            if (ImGui::MenuItem("Fit to area", "F")) map.fit(session);
            if (ImGui::MenuItem("Zoom in", "+")) zoom_map_centre(map.camera(), key_zoom_factor);
            if (ImGui::MenuItem("Zoom out", "-")) zoom_map_centre(map.camera(), 1 / key_zoom_factor);
            ImGui::MenuItem("Pan", "arrow keys", false, false);
            ImGui::MenuItem("Zone outlines", nullptr, &map.show_outlines);
            ImGui::MenuItem("GP practices and hospitals", nullptr, &map.show_points);
            ImGui::Separator();
            if (ImGui::MenuItem("Colour by locality", nullptr, map.choropleth().empty())) map.set_choropleth(session, "");
            if (ImGui::BeginMenu("Choropleth")) {
                for (const std::string& column : session.data.dataset().demand.names) {
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

void FilesPanel::data_form_ui() {
    // The picker fills whichever input is chosen: the zones, or a table, point layer or
    // crossings file added to the list.
    int target = static_cast<int>(target_);
    ImGui::TextUnformatted("Pick a file for:");
    ImGui::SameLine();
    ImGui::RadioButton("zones", &target, static_cast<int>(DataTarget::zones));
    ImGui::SameLine();
    ImGui::RadioButton("demand table", &target, static_cast<int>(DataTarget::demand));
    ImGui::SameLine();
    ImGui::RadioButton("point layer", &target, static_cast<int>(DataTarget::points));
    ImGui::SameLine();
    ImGui::RadioButton("crossings", &target, static_cast<int>(DataTarget::crossings));
    if (target != static_cast<int>(target_)) picker_.focus();
    target_ = static_cast<DataTarget>(target);
    const std::vector<std::string>& extensions = target_ == DataTarget::zones    ? zone_extensions
                                                 : target_ == DataTarget::demand ? table_extensions
                                                 : target_ == DataTarget::points ? point_extensions
                                                                                 : table_extensions;
    const char* kind = target_ == DataTarget::zones ? "zones" : target_ == DataTarget::demand ? "demand"
                       : target_ == DataTarget::points ? "points" : "crossings";
    std::string& field = target_ == DataTarget::zones ? data_form_.zones.path
                         : target_ == DataTarget::crossings ? data_form_.crossings_csv : picked_;
    const bool taken = picker_.ui("file", field, extensions, recent_.list(kind));
    if (target_ == DataTarget::demand || target_ == DataTarget::points) {
        ImGui::SameLine();
        ImGui::BeginDisabled(picked_.empty());
        if (ImGui::Button("Add") || (taken && !picked_.empty())) {
            auto& list = target_ == DataTarget::demand ? data_form_.demand_paths : data_form_.point_paths;
            if (std::find(list.begin(), list.end(), picked_) == list.end()) list.push_back(picked_);
            picked_.clear();
        }
        ImGui::EndDisabled();
    }
    ImGui::Separator();
    ImGui::Text("Zones: %s", data_form_.zones.path.empty() ? "(pick a file)" : data_form_.zones.path.c_str());
    // The layer's fields, read once per file and layer.
    const std::string key = data_form_.zones.path + "|" + data_form_.zones.layer;
    if (key != fields_of_) {
        fields_of_ = key;
        fields_ = {};
        fields_error_.clear();
        if (!data_form_.zones.path.empty()) {
            try {
                fields_ = describe_layer(data_form_.zones.path, data_form_.zones.layer);
            } catch (const std::exception& e) {
                fields_error_ = e.what();
            }
        }
    }
    if (!fields_error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", fields_error_.c_str());
    ImGui::SetNextItemWidth(260);
    if (ImGui::BeginCombo("layer", data_form_.zones.layer.empty() ? (fields_.layer.empty() ? "(first)" : fields_.layer.c_str())
                                                                 : data_form_.zones.layer.c_str())) {
        for (const std::string& layer : fields_.layers) {
            if (ImGui::Selectable(layer.c_str(), layer == data_form_.zones.layer)) data_form_.zones.layer = layer;
        }
        ImGui::EndCombo();
    }
    field_combo("id field", data_form_.zones.id_field, fields_.fields, false);
    field_combo("filter field", data_form_.zones.filter_field, fields_.fields, true);
    ImGui::SetNextItemWidth(260);
    ImGui::InputText("filter values (;-separated)", &filter_text_);
    ImGui::TextUnformatted("Demand tables:");
    file_list("demand tables", data_form_.demand_paths);
    ImGui::TextUnformatted("Point layers:");
    file_list("point layers", data_form_.point_paths);
    if (!data_form_.crossings_csv.empty()) ImGui::Text("Crossings: %s", data_form_.crossings_csv.c_str());
}

void FilesPanel::png_size_ui() {
    // Only the map, its names, legend, scale bar and the licence lines: no panels.
    const auto pages = page_sizes();
    std::vector<std::string> choices{"The map's size on screen (96 DPI)"};
    for (const PageSize& page : pages) choices.emplace_back(page.label);
    choices.emplace_back("Width x height in pixels");
    ImGui::SetNextItemWidth(320);
    if (ImGui::BeginCombo("size", choices[static_cast<std::size_t>(png_page_)].c_str())) {
        for (std::size_t i = 0; i < choices.size(); ++i) {
            if (ImGui::Selectable(choices[i].c_str(), png_page_ == static_cast<int>(i))) png_page_ = static_cast<int>(i);
        }
        ImGui::EndCombo();
    }
    if (png_page_ > static_cast<int>(pages.size())) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(140);
        ImGui::InputText("pixels", &png_pixels_);
    }
    if (png_page_ > 0) {
        ImGui::SetNextItemWidth(120);
        ImGui::InputFloat("DPI", &png_dpi_, 50, 100, "%.0f");
        png_dpi_ = std::clamp(png_dpi_, 30.0f, 1200.0f);
        if (png_page_ <= static_cast<int>(pages.size())) {
            const DocumentImage image = page_image(pages[static_cast<std::size_t>(png_page_ - 1)], png_dpi_);
            ImGui::SameLine();
            ImGui::TextDisabled("%d x %d pixels", image.width, image.height);
        }
    }
    ImGui::TextDisabled("The map, its names, legend, scale bar and licence lines; the DPI is recorded in the file.");
}

void FilesPanel::dialog_ui(Session& session, OptimiserJob& optimiser, MapView& map, UnsavedPrompt& unsaved) {
    static constexpr const char* titles[] = {"",           "Open data",          "Open plan",         "Save plan",
                                             "Export GeoJSON", "Export report", "Export map as PNG", "Export map as SVG",
                                             "Compare with plan", "Export QGIS project"};
    if (dialog_ == Dialog::none) return;
    const char* title = titles[static_cast<int>(dialog_)];
    if (open_requested_) {
        ImGui::OpenPopup(title);
        open_requested_ = false;
        picker_.focus();
        if (dialog_ == Dialog::save_plan) path_ = session.document.plan_path().empty() ? "plan.json" : session.document.plan_path();
        if (dialog_ == Dialog::export_geojson) path_ = "localities.geojson";
        if (dialog_ == Dialog::export_report) path_ = "plan-report.md";
        if (dialog_ == Dialog::export_png) path_ = "map.png";
        if (dialog_ == Dialog::export_svg) path_ = "map.svg";
        if (dialog_ == Dialog::export_qgis) path_ = "qgis-project";
        if (dialog_ == Dialog::open_plan || dialog_ == Dialog::compare) path_.clear();
    }
    ImGui::SetNextWindowSize(ImVec2(760, 0), ImGuiCond_Appearing);
    bool keep_open = true;
    // Fields with a border, so they read as fields.
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    if (!ImGui::BeginPopupModal(title, &keep_open)) {
        ImGui::PopStyleVar();
        if (!keep_open || !ImGui::IsPopupOpen(title)) dialog_ = Dialog::none;
        return;
    }
    bool done = false;
    if (dialog_ == Dialog::open_data) {
        data_form_ui();
        if (ImGui::Button("Open", ImVec2(120, 0))) {
            DatasetOptions options = data_form_;
            options.zones.filter_values = split_list(filter_text_);
            // The dialog closes either way; with unsaved changes the question comes next.
            done = attempt(session, "Could not open the data", [&] {
                unsaved.request(session, "open other data", [this, &optimiser, options] {
                    optimiser.stop();
                    requests_.open_data = DataOpening{options, {}};
                });
            });
        }
    } else {
        static const std::vector<std::string> plan_ext{".json"};
        const std::vector<std::string> extensions =
            dialog_ == Dialog::open_plan || dialog_ == Dialog::compare || dialog_ == Dialog::save_plan ? plan_ext
            : dialog_ == Dialog::export_geojson                                                        ? std::vector<std::string>{".geojson"}
            : dialog_ == Dialog::export_report                                                         ? std::vector<std::string>{".md"}
            : dialog_ == Dialog::export_png                                                            ? std::vector<std::string>{".png"}
            : dialog_ == Dialog::export_qgis                                                           ? std::vector<std::string>{".qgz"}
                                                                                                       : std::vector<std::string>{".svg"};
        const char* kind = dialog_ == Dialog::open_plan || dialog_ == Dialog::compare || dialog_ == Dialog::save_plan ? "plan" : "export";
        if (dialog_ == Dialog::export_png) png_size_ui();
        if (dialog_ == Dialog::export_qgis) {
            ImGui::TextWrapped("A folder for the project (as boundaries export --format qgis): <plan>.qgz, localities.gpkg, "
                               "zones.gpkg and the point layers. An earlier export there is replaced.");
        }
        const bool taken = picker_.ui("file", path_, extensions, recent_.list(kind));
        const bool reading = dialog_ == Dialog::open_plan || dialog_ == Dialog::compare;
        const bool go = ImGui::Button(reading ? "Open" : "Save", ImVec2(120, 0)) || taken;
        if (go && !path_.empty()) {
            switch (dialog_) {
            case Dialog::open_plan:
                done = attempt(session, "Could not open the plan", [&] {
                    unsaved.request(session, "open plan " + path_, [this, &session, &optimiser, &map, path = path_] {
                        open_plan(session, optimiser, map, path);
                        remember("plan", path);
                    });
                });
                break;
            case Dialog::compare:
                requests_.compare = path_;
                remember("plan", path_);
                done = true;
                break;
            case Dialog::save_plan:
                done = attempt(session, "Could not save the plan", [&] { session.save_plan(path_); });
                if (done) remember("plan", path_);
                break;
            case Dialog::export_geojson:
                done = attempt(session, "Could not export GeoJSON", [&] { session.export_geojson(path_); });
                if (done) session.view.status = "exported " + path_;
                break;
            case Dialog::export_report:
                done = attempt(session, "Could not export the report", [&] { session.export_report(path_); });
                if (done) session.view.status = "wrote " + path_;
                break;
            case Dialog::export_png: {
                // Drawn offscreen at its own size next frame (document_export.hpp).
                const auto pages = page_sizes();
                requests_.export_png = path_;
                requests_.export_png_dpi = png_page_ == 0 ? 96 : png_dpi_;
                requests_.export_png_size = png_page_ == 0                                       ? std::string()
                                            : png_page_ <= static_cast<int>(pages.size()) ? pages[static_cast<std::size_t>(png_page_ - 1)].name
                                                                                             : png_pixels_;
                done = true;
                break;
            }
            case Dialog::export_qgis:
                done = attempt(session, "Could not export the QGIS project", [&] {
                    const std::vector<std::string> written = export_qgis_project(session, path_);
                    session.view.status = "wrote the QGIS project " + (written.empty() ? path_ : written.back()) + " (" +
                                     std::to_string(written.size()) + " files)";
                });
                break;
            case Dialog::export_svg:
                done = attempt(session, "Could not export the map", [&] { export_map_svg(session, path_); });
                if (done) session.view.status = "wrote " + path_;
                break;
            default:
                break;
            }
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) done = true;
    if (done) {
        dialog_ = Dialog::none;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    ImGui::PopStyleVar();
}

} // namespace lp::viewer
