#pragma once
// The File menu and its dialogs: open zones (with demand tables, point layers and
// crossings), open a plan (its data too when none is open), compare with a plan, save,
// export GeoJSON, the report, the map (PNG at a page size and DPI, SVG) and a QGIS project, quit. Paths are typed or picked
// (file_picker.hpp) with recent files kept per kind; every failure lands in the error
// window. What replaces the plan asks about unsaved changes first (UnsavedPrompt).
#include "dialogs/file_picker.hpp"
#include "model/recent_files.hpp"
#include "model/session.hpp"
#include "dialogs/unsaved_prompt.hpp"

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
    std::string export_png_size; // a page ("a4-landscape") or WIDTHxHEIGHT; "": the map's size on screen
    double export_png_dpi = 96;
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
    // The Save plan dialog (Ctrl+S on a plan that has no file yet).
    void show_save_plan();
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
    enum class Dialog { none, open_data, open_plan, save_plan, export_geojson, export_report, export_png, export_svg, compare,
                        export_qgis };
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
    // Export map as PNG: 0 the map's size on screen, 1.. a page of page_sizes(), then custom.
    int png_page_ = 1;
    std::string png_pixels_ = "1600x1200";
    float png_dpi_ = 300;
    void png_size_ui();
    FilePicker picker_;
    RecentFiles recent_;
    MenuRequests requests_;
}; // class FilesPanel

} // namespace lp::viewer
