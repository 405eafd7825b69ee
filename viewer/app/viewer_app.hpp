#pragma once
// The window, the frame loop and the layout: menu bar, map (left), tools and
// functions (right), locality table and status line (bottom).
#include "panels/alternatives_panel.hpp"
#include "panels/files_panel.hpp"
#include "map/frame_cache.hpp"
#include "dialogs/generate_dialog.hpp"
#include "map/map_renderer.hpp"
#include "map/map_view.hpp"
#include "jobs/optimiser_job.hpp"
#include "map/plan_compare.hpp"
#include "script/script_runner.hpp"
#include "model/session.hpp"
#include "app/ui_font.hpp"
#include "dialogs/unsaved_prompt.hpp"
#include "app/window_presenter.hpp"

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct GLFWwindow;

namespace lp::viewer {

struct ViewerOptions {
    DatasetOptions data;        // empty zones path: start with nothing open
    std::string plan_path;
    std::vector<std::string> balance;
    std::string settlements;    // --settlements SPEC, as the CLI's generate (empty: none)
    std::string places;         // --places FILE: a gazetteer of towns hubs may name (empty: none)
    std::string script_path;
    int frame_stats = 0;        // frames to time (0: none)
    int width = 1280;
    int height = 800;
    bool warn_on_split = false;
};

class ViewerApp {
public:
    explicit ViewerApp(ViewerOptions options);
    ~ViewerApp();
    ViewerApp(const ViewerApp&) = delete;
    ViewerApp& operator=(const ViewerApp&) = delete;

    // Returns the process exit code.
    int run();

private:
    // Start-up: the options are checked and the data read on another thread
    // (begin_startup), a progress screen drawn until it is read (loading_frame), then
    // the data and plan opened (finish_startup).
    void begin_startup();
    void loading_frame(const std::string& zones_path);
    void finish_startup();
    // Data opened from the File menu is read the same way: started by carry_out, a progress
    // screen drawn while it reads (the open plan stays as it is until then), then opened.
    void start_opening(DataOpening opening);
    void finish_opening();
    bool attempt_startup(const std::string& title, const std::function<void()>& action);
    void frame_ui();
    void tools_ui();
    // The shortcuts (Ctrl+S, Ctrl+Z, arrows, +/-, tool letters...) when no text field has
    // the keyboard; Escape closes an open menu.
    void keyboard_ui();
    // Draws and writes the map image document_ asks for.
    void export_document();
    // The window's close button (or a script's close): asks about unsaved changes first.
    void request_close();
    // What the File menu or a script asked of the window: quit, export the map, compare.
    void carry_out(const MenuRequests& requests);
    // The thin bar between the map and the locality table: drag it to give the table rows.
    void splitter_ui(float width, float bottom);

    ViewerOptions options_;
    GLFWwindow* window_ = nullptr;
    Session session_;
    MapView map_;
    MapRenderer renderer_;
    FrameCache frame_cache_;
    std::unique_ptr<WindowPresenter> presenter_;
    UiFonts fonts_;
    OptimiserJob optimiser_;
    AlternativesPanel alternatives_;
    GenerateDialog generate_;
    FilesPanel files_;
    UnsavedPrompt unsaved_;
    std::future<OpenData::Loaded> loading_;
    std::shared_ptr<LoadProgress> load_progress_;  // how far the reading thread has got
    std::chrono::steady_clock::time_point loading_started_;
    std::future<OpenData::Loaded> opening_;
    DataOpening opening_request_;
    PlanComparison comparison_;
    // A map image asked for (File > Export map as PNG, a script): drawn offscreen in the
    // next frame_ui, when ImGui can lend its fonts.
    std::optional<MenuRequests> document_;
    bool frame_parity_ = false;     // --frame-stats panning: left, then right
    // LOCALITY_VIEWER_CHECK_FRAMES=DIR: every frame drawn in part is drawn whole again and
    // the two compared pixel by pixel; the first that differ are written to DIR.
    std::string check_frames_;
    std::size_t frames_checked_ = 0, frames_differing_ = 0;
    void check_frame(int fb_w, int fb_h, const std::function<void(const DamageRect&)>& draw_region);
    float bottom_height_ = 0;       // of the locality table (0: from the window's height)
    bool close_confirmed_ = false;  // the planner answered the unsaved question (or had none)
    std::string title_;             // the window title last set
    std::unique_ptr<ScriptRunner> script_;
    int startup_failure_ = 0;   // exit code of a startup load that failed under a script
}; // class ViewerApp

} // namespace lp::viewer
