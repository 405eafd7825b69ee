#pragma once
// The File menu and its dialogs: open zones (with demand tables, point layers and
// crossings), open a plan, save, export GeoJSON and the report. Paths are typed or
// picked from a directory listing; every failure lands in the error window. What
// replaces the plan asks about unsaved changes first (UnsavedPrompt).
#include "session.hpp"
#include "unsaved_prompt.hpp"

#include <string>
#include <vector>

namespace lp::viewer {

class OptimiserJob;
class MapView;

class FilesPanel {
public:
    // Draws the main menu bar (File, Edit, View) and any open dialog.
    void menu_ui(Session& session, OptimiserJob& optimiser, MapView& map, UnsavedPrompt& unsaved);

private:
    enum class Dialog { none, open_data, open_plan, save_plan, export_geojson, export_report };
    void dialog_ui(Session& session, OptimiserJob& optimiser, MapView& map, UnsavedPrompt& unsaved);
    bool path_picker(const char* label, std::string& path);

    Dialog dialog_ = Dialog::none;
    bool open_requested_ = false;
    DatasetOptions data_form_;
    std::string demand_text_, points_text_, filter_text_;
    std::string path_;
    std::string browse_dir_ = ".";
}; // class FilesPanel

} // namespace lp::viewer
