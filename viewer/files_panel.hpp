#pragma once
// The File menu and its dialogs: open zones (with demand tables, point layers and
// crossings), open a plan (its data too when none is open), compare with a plan, save,
// export GeoJSON, the report and the map (PNG, SVG), quit. Paths are typed or picked
// (file_picker.hpp) with recent files kept per kind; every failure lands in the error
// window. What replaces the plan asks about unsaved changes first (UnsavedPrompt).
#include "file_picker.hpp"
#include "recent_files.hpp"
#include "session.hpp"
#include "unsaved_prompt.hpp"

#include <lp/io/layer_fields.hpp>

#include <optional>
#include <string>
#include <vector>

namespace lp::viewer {

class OptimiserJob;
class MapView;

// Data to read on another thread while the window shows progress (a whole council or
// Scotland takes seconds), then a plan to open over it (none: an empty plan).
struct DataOpening {
    DatasetOptions options;
    std::string plan_path;
};

// What the menu asks the window to do (the window owns the map image and the loop).
struct MenuRequests {
    bool quit = false;
    std::optional<DataOpening> open_data;
    std::string export_png;      // path of the map image to write
    std::string compare;         // plan file to compare with
    bool stop_compare = false;
};

class FilesPanel {
public:
    // Draws the main menu bar (File, Edit, View) and any open dialog. comparing: a
    // comparison is shown (the menu offers to stop it).
    void menu_ui(Session& session, OptimiserJob& optimiser, MapView& map, UnsavedPrompt& unsaved, bool comparing);
    // The Open plan dialog (Ctrl+O).
    void show_open_plan();
    MenuRequests take_requests() { return std::exchange(requests_, {}); }
    // Opens a plan over the open data; with none open, asks the window to read the data the
    // plan records in the background first (take_requests().open_data).
    void open_plan(Session& session, OptimiserJob& optimiser, MapView& map, const std::string& path);
    // What opening the plan at `path` reads when its data is not open: the data it records.
    static DataOpening plan_opening(const std::string& path);
    // Remembers the files of data that opened, for the pickers' recent lists.
    void remember_data(const DatasetOptions& options);
    RecentFiles& recent() { return recent_; }

private:
    enum class Dialog { none, open_data, open_plan, save_plan, export_geojson, export_report, export_png, export_svg, compare };
    void dialog_ui(Session& session, OptimiserJob& optimiser, MapView& map, UnsavedPrompt& unsaved);
    void open(Dialog dialog);
    void data_form_ui();
    void remember(const std::string& kind, const std::string& path);

    Dialog dialog_ = Dialog::none;
    bool open_requested_ = false;
    DatasetOptions data_form_;
    std::string filter_text_;
    enum class DataTarget { zones, demand, points, crossings };
    DataTarget target_ = DataTarget::zones;
    std::string picked_;           // the file the data dialog's picker holds
    LayerFields fields_;           // of the zones file, for the field pickers
    std::string fields_of_;        // "path|layer" fields_ describes
    std::string fields_error_;
    std::string path_;
    FilePicker picker_;
    RecentFiles recent_;
    MenuRequests requests_;
}; // class FilesPanel

} // namespace lp::viewer
