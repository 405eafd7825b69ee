#include "app/viewer_app.hpp"

#include "dialogs/error_window.hpp"
#include "exit_codes.hpp"
#include "app/frame_stats.hpp"
#include "panels/balance_panel.hpp"
#include "panels/functions_panel.hpp"
#include "panels/locality_table.hpp"
#include "export/document_export.hpp"
#include "export/map_export.hpp"
#include "map/map_keys.hpp"
#include "dialogs/recovery_prompt.hpp"
#include "map/screenshot.hpp"
#include "app/ui_font.hpp"

#include <lp/community/settlements.hpp>
#include <lp/core/error.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/io/atomic_file.hpp>
#include <lp/plan/plan_sources.hpp>

#include "app/gl.hpp"
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h> // GetTopMostPopupModal, ClosePopupsExceptModals: menus apart from questions

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <numeric>
#include <thread>

namespace lp::viewer {
namespace {

constexpr float right_panel_width = 430;
constexpr float splitter_height = 6;

void glfw_error(int code, const char* text) { std::fprintf(stderr, "locality-viewer: GLFW error %d: %s\n", code, text); }

} // namespace

ViewerApp::ViewerApp(ViewerOptions options) : options_(std::move(options)) {
    glfwSetErrorCallback(glfw_error);
    if (!glfwInit()) throw Error(ErrorKind::unexpected, "cannot initialise GLFW (is there a display? try xvfb-run)");
    // No multisampling: under llvmpipe 4x MSAA multiplies the fill cost by four.
    window_ = glfwCreateWindow(options_.width, options_.height, "Locality Planner", nullptr, nullptr);
    if (!window_) {
        glfwTerminate();
        throw Error(ErrorKind::unexpected, "cannot open a window with an OpenGL context");
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(options_.frame_stats > 0 || !options_.script_path.empty() ? 0 : 1);
    presenter_ = std::make_unique<WindowPresenter>(window_);
    glfwSetWindowUserPointer(window_, this);
    // Exposed (uncovered, restored): the pixels kept in the back buffer may not be on screen.
    glfwSetWindowRefreshCallback(window_, [](GLFWwindow* window) {
        static_cast<ViewerApp*>(glfwGetWindowUserPointer(window))->presenter_->invalidate();
    });
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // the layout is fixed; nothing to remember
    ImGui::StyleColorsLight();
    ImGui::GetStyle().WindowRounding = 0;
    // Sized for the monitor: a HiDPI screen reports a content scale of 2 (Xvfb reports 1).
    float content_scale_x = 1, content_scale_y = 1;
    glfwGetWindowContentScale(window_, &content_scale_x, &content_scale_y);
    fonts_ = load_ui_fonts(content_scale_x);
    if (!fonts_.message.empty()) {
        std::fprintf(stderr, "locality-viewer: font: %s\n", fonts_.message.c_str());
        session_.view.status = "font: " + fonts_.message;
    }
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    if (!options_.script_path.empty()) script_ = std::make_unique<ScriptRunner>(options_.script_path);
    if (const char* check = std::getenv("LOCALITY_VIEWER_CHECK_FRAMES"); check && *check) check_frames_ = check;
}

ViewerApp::~ViewerApp() {
    optimiser_.stop();
    alternatives_.stop();
    generate_.stop();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool ViewerApp::attempt_startup(const std::string& title, const std::function<void()>& action) {
    try {
        action();
        return true;
    } catch (const Error& e) {
        session_.view.errors.add(title, e.what());
        std::cerr << "locality-viewer: " << e.what() << "\n";
        if (script_) startup_failure_ = lp::app::exit_status(e);
    } catch (const std::exception& e) {
        session_.view.errors.add(title, e.what());
        std::cerr << "locality-viewer: " << e.what() << "\n";
        if (script_) startup_failure_ = lp::app::exit_status(lp::app::ExitCode::unexpected);
    }
    return false;
}

void ViewerApp::begin_startup() {
    std::vector<BalanceSpec> specs;
    attempt_startup("Bad --balance", [&] {
        for (const std::string& text : options_.balance) {
            specs.push_back(parse_balance(text, viewer_default_balance_tolerance));
            // The Balance rules panel keeps every band above 0; so does --balance.
            if (!(specs.back().tolerance > 0))
                throw Error(ErrorKind::bad_setting, "--balance " + text + ": the tolerance must be above 0");
        }
    });
    session_.set_balance(specs);
    session_.document.set_balance_override(!specs.empty());
    session_.data.set_places_path(options_.places);
    if (!options_.settlements.empty()) {
        // A spec that cannot be read is refused before the data loads; one the data
        // cannot meet (no such column) is reported when it opens.
        if (attempt_startup("Bad --settlements", [&] { parse_settlements(options_.settlements); })) {
            session_.set_settlements(options_.settlements);
        }
    }
    // A plan names the data it was made from: opening it alone opens that data too.
    if (options_.data.zones.path.empty() && !options_.plan_path.empty()) {
        attempt_startup("Could not open the plan's data", [&] {
            options_.data = dataset_options_from_plan(read_plan(options_.plan_path), options_.plan_path);
        });
    }
    if (options_.data.zones.path.empty()) return;
    // Read on another thread: the window draws a progress screen meanwhile instead of
    // staying black for seconds.
    loading_started_ = std::chrono::steady_clock::now();
    load_progress_ = std::make_shared<LoadProgress>();
    loading_ = std::async(std::launch::async, [options = options_.data, places = options_.places, progress = load_progress_] {
        return OpenData::load(options, places, progress.get());
    });
}

void ViewerApp::finish_startup() {
    OpenData::Loaded loaded;
    if (!attempt_startup("Could not open the data", [&] { loaded = loading_.get(); })) return;
    if (!attempt_startup("Could not open the data", [&] { session_.open_dataset(options_.data, std::move(loaded)); })) return;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loading_started_).count();
    std::string levels;
    for (const ZoneMesh::Level& level : session_.data.mesh().levels) {
        levels += ", " + std::to_string(level.triangles.size() / 6) + " at " +
                  std::to_string(static_cast<long>(level.tolerance)) + " m";
    }
    std::fprintf(stderr, "locality-viewer: %zu zones, %zu triangles (simplified%s), %zu boundary segments, loaded in %.1f s\n",
                 session_.data.mesh().zone_count(), session_.data.mesh().vertex_total() / 3, levels.c_str(),
                 session_.data.mesh().segment_total(), seconds);
    for (const std::string& failure : session_.data.mesh().failures) {
        std::fprintf(stderr, "locality-viewer: not filled: %s\n", failure.c_str());
    }
    if (options_.warn_on_split) session_.document.editor().set_split_policy(SplitPolicy::warn);
    if (!options_.plan_path.empty()) {
        attempt_startup("Could not open the plan", [&] { session_.open_plan(options_.plan_path); });
    }
    if (options_.warn_on_split && session_.document.has_plan()) session_.document.editor().set_split_policy(SplitPolicy::warn);
}

void ViewerApp::start_opening(DataOpening opening) {
    opening_request_ = std::move(opening);
    loading_started_ = std::chrono::steady_clock::now();
    load_progress_ = std::make_shared<LoadProgress>();
    opening_ = std::async(std::launch::async, [options = opening_request_.options, places = session_.data.places_path(),
                                               progress = load_progress_] {
        return OpenData::load(options, places, progress.get());
    });
}

void ViewerApp::finish_opening() {
    const DataOpening request = std::exchange(opening_request_, {});
    try {
        // --settlements names a column of the data given with it; other data opened from the
        // menu finds its towns the way its plan records (or not at all), never by a column
        // it may not have.
        session_.set_settlements({});
        session_.open_dataset(request.options, opening_.get());
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loading_started_).count();
        std::fprintf(stderr, "locality-viewer: opened %s in the background in %.1f s\n", request.options.zones.path.c_str(), seconds);
        files_.remember_data(request.options);
        comparison_.close();
        if (!request.plan_path.empty()) session_.open_plan(request.plan_path);
        map_.fit(session_);
    } catch (const std::exception& e) {
        session_.view.errors.add(request.plan_path.empty() ? "Could not open the data" : "Could not open the plan's data", e.what());
    }
    // The progress screen was swapped in: the window no longer holds the last frame.
    presenter_->invalidate();
}

void ViewerApp::loading_frame(const std::string& zones_path) {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(size.x / 2, size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(520, 0));
    ImGui::Begin("Loading", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loading_started_).count();
    ImGui::TextUnformatted("Locality Planner");
    ImGui::Separator();
    ImGui::TextWrapped("Opening %s", std::filesystem::path(zones_path).filename().string().c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("reading the zones and tables, building the contiguity graph and triangulating the map");
    ImGui::PopStyleColor();
    // How far the reading has got, where the engine says; else a bar that sweeps.
    const LoadProgress::Shown shown = load_progress_ ? load_progress_->shown() : LoadProgress::Shown{};
    const float sweep = static_cast<float>(std::fmod(seconds, 1.6) / 1.6);
    ImGui::ProgressBar(shown.fraction >= 0 ? shown.fraction : sweep, ImVec2(-1, 0), "");
    ImGui::Text("%s%s%.1f s", shown.text.c_str(), shown.text.empty() ? "" : " - ", seconds);
    ImGui::End();
    ImGui::Render();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window_, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.80f, 0.87f, 0.93f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window_);
}

void ViewerApp::tools_ui() {
    if (!session_.document.has_plan()) return;
    const PlanState& state = session_.document.state();
    ImGui::SetNextItemWidth(200);
    const char* active_name = session_.view.active_locality >= 0 && session_.view.active_locality < static_cast<int>(state.locality_count())
                                  ? state.localities()[static_cast<std::size_t>(session_.view.active_locality)].name.c_str()
                                  : "(none)";
    if (ImGui::BeginCombo("Active locality", active_name)) {
        for (std::size_t i = 0; i < state.locality_count(); ++i) {
            if (ImGui::Selectable(state.localities()[i].name.c_str(), session_.view.active_locality == static_cast<int>(i))) {
                session_.view.active_locality = static_cast<int>(i);
            }
        }
        ImGui::EndCombo();
    }
    int tool = static_cast<int>(map_.tool);
    for (const ToolKey& key : tool_keys()) {
        if (key.tool != tool_keys().front().tool) ImGui::SameLine();
        ImGui::RadioButton((std::string(key.name) + " (" + key.key + ")").c_str(), &tool, static_cast<int>(key.tool));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", key.what);
    }
    map_.tool = static_cast<MapTool>(tool);
    ImGui::SetNextItemWidth(200);
    ImGui::SliderFloat("Brush radius (px)", &map_.brush_radius, 0, 80, map_.brush_radius <= 0 ? "single zone" : "%.0f");
    bool refuse = session_.document.editor().split_policy() == SplitPolicy::refuse;
    if (ImGui::Checkbox("Refuse edits that split a locality", &refuse)) {
        session_.document.editor().set_split_policy(refuse ? SplitPolicy::refuse : SplitPolicy::warn);
    }
    if (ImGui::Button("Alternatives...")) alternatives_.open = !alternatives_.open;
}

void ViewerApp::splitter_ui(float width, float bottom) {
    ImGui::SetNextWindowPos(ImVec2(0, bottom - splitter_height));
    ImGui::SetNextWindowSize(ImVec2(width, splitter_height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    ImGui::Begin("##splitter", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                            ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::InvisibleButton("split", ImVec2(width, splitter_height));
    const bool active = ImGui::IsItemActive();
    if (ImGui::IsItemHovered() || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    ImGui::GetWindowDrawList()->AddRectFilled(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                              ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive : ImGuiCol_Separator));
    if (active) bottom_height_ -= ImGui::GetIO().MouseDelta.y;
    ImGui::End();
    ImGui::PopStyleVar(2);
}

void ViewerApp::frame_ui() {
    files_.menu_ui(session_, optimiser_, map_, unsaved_, comparison_.active());
    carry_out(files_.take_requests());
    generate_.menu_ui(session_);
    alternatives_.menu_ui(session_);
    const ImGuiIO& io = ImGui::GetIO();
    const float menu = ImGui::GetFrameHeight();
    const float w = io.DisplaySize.x, h = io.DisplaySize.y;
    const ImGuiWindowFlags panel = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings;
    // Room for nine localities and the totals at 1000 pixels (230 at 800); the splitter
    // moves it, always leaving the map and the table some room.
    if (bottom_height_ <= 0) bottom_height_ = std::clamp(h - 670, 230.0f, std::round(h * 0.4f));
    bottom_height_ = std::clamp(bottom_height_, 120.0f, std::max(120.0f, h - menu - 150));
    const float bottom_panel_height = bottom_height_;

    const ScreenRect map_rect{0, menu, w - right_panel_width, h - menu - bottom_panel_height - splitter_height};
    map_.ui(session_, map_rect);
    {
        // Under every window and over the GL map (the map window has no background).
        ImDrawList* draw = ImGui::GetBackgroundDrawList();
        draw->PushClipRect(ImVec2(map_rect.x, map_rect.y), ImVec2(map_rect.x + map_rect.w, map_rect.y + map_rect.h), true);
        alternatives_.draw_overlay(draw, map_.camera());
        generate_.draw_overlay(draw, session_, map_.camera());
        draw->PopClipRect();
    }
    comparison_.ui(session_, map_.camera().rect);
    splitter_ui(w - right_panel_width, h - bottom_panel_height);

    ImGui::SetNextWindowPos(ImVec2(w - right_panel_width, menu));
    ImGui::SetNextWindowSize(ImVec2(right_panel_width, h - menu));
    ImGui::Begin("Tools and functions", nullptr, panel);
    tools_ui();
    balance_panel_ui(session_);
    ImGui::Separator();
    // An empty plan says what to do rather than listing every zone as a problem.
    if (!session_.document.has_plan() || session_.document.state().locality_count() == 0) generate_.empty_state_ui(session_);
    else functions_panel_ui(session_);
    ImGui::End();

    ImGui::SetNextWindowPos(ImVec2(0, h - bottom_panel_height));
    ImGui::SetNextWindowSize(ImVec2(w - right_panel_width, bottom_panel_height));
    ImGui::Begin("Localities", nullptr, panel);
    locality_table_ui(session_, optimiser_);
    ImGui::TextWrapped("%s", session_.view.status.c_str());
    ImGui::End();

    // One question at a time: an error, then unsaved changes, then a recovery file.
    alternatives_.ui(session_);
    generate_.ui(session_, map_);
    error_window_ui(session_.view.errors);
    unsaved_.ui(session_);
    recovery_prompt_ui(session_, !unsaved_.open());

    keyboard_ui();
    if (document_) export_document();
}

void ViewerApp::export_document() {
    const MenuRequests request = *std::exchange(document_, std::nullopt);
    const std::string& path = request.export_png;
    try {
        DocumentImage image;
        if (request.export_png_size.empty()) {
            // The map's size on screen, at the screen's 96 DPI.
            const ScreenRect& r = map_.camera().rect;
            const float scale = ImGui::GetIO().DisplayFramebufferScale.x;
            image = {static_cast<int>(std::lround(r.w * scale)), static_cast<int>(std::lround(r.h * scale)), 96.0 * scale};
        } else {
            image = parse_document_size(request.export_png_size, request.export_png_dpi, max_document_side());
        }
        const DocumentTimes t = export_document_png(path, image, session_, map_, renderer_, fonts_.document);
        session_.view.status = "wrote " + path + " (" + std::to_string(image.width) + " x " + std::to_string(image.height) +
                          " pixels, " + std::to_string(std::lround(image.dpi)) + " DPI)";
        std::fprintf(stderr,
                     "locality-viewer: wrote %s (%d x %d pixels at %ld DPI in %.2f s: drawn %.2f, read %.2f, encoded %.2f, "
                     "written %.2f)\n",
                     path.c_str(), image.width, image.height, std::lround(image.dpi), t.draw + t.read + t.encode + t.write,
                     t.draw, t.read, t.encode, t.write);
    } catch (const std::exception& e) {
        session_.view.errors.add("Could not export the map", e.what());
        std::fprintf(stderr, "locality-viewer: could not export the map: %s\n", e.what());
    }
}

void ViewerApp::keyboard_ui() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return; // a text field has the keyboard: every key is its
    // A question (a modal dialog, unsaved changes, a recovery file, an error) takes the
    // keys itself. An open menu or combo does not: Escape closes it, and a shortcut
    // closes it and acts, rather than being swallowed while it hangs open.
    const bool asking = ImGui::GetTopMostPopupModal() != nullptr || unsaved_.open() || session_.document.recovery_pending() ||
                        !session_.view.errors.pending().empty();
    if (asking) return;
    const bool menu_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (menu_open && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
        ImGui::ClosePopupsExceptModals();
        return;
    }
    bool acted = false;
    const auto ctrl = [&](int key) { return io.KeyCtrl && !io.KeyShift && ImGui::IsKeyPressed(key); };
    if (ctrl(GLFW_KEY_Q)) {
        MenuRequests quit;
        quit.quit = true;
        carry_out(quit);
        acted = true;
    }
    if (ctrl(GLFW_KEY_O)) {
        files_.show_open_plan();
        acted = true;
    }
    if (ctrl(GLFW_KEY_S)) {
        acted = true;
        if (!session_.document.has_plan()) {
            session_.view.status = "nothing to save: no plan is open (File > Open data..., or Open plan...)";
        } else if (session_.document.plan_path().empty()) {
            files_.show_save_plan(); // an untitled plan: ask where, as Save as does
        } else {
            try {
                session_.save_plan(session_.document.plan_path());
            } catch (const std::exception& e) {
                session_.view.errors.add("Could not save the plan", e.what());
            }
        }
    }
    if (session_.document.has_plan()) {
        if (ctrl(GLFW_KEY_Z)) {
            session_.document.editor().undo();
            acted = true;
        }
        if (io.KeyCtrl && ((io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_Z)) || ImGui::IsKeyPressed(GLFW_KEY_Y))) {
            session_.document.editor().redo();
            acted = true;
        }
    }
    if (session_.data.is_open()) {
        if (!io.KeyCtrl && !io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_F)) {
            map_.fit(session_);
            acted = true;
        }
        acted = map_keys_ui(map_) || acted;
    }
    if (acted && menu_open) ImGui::ClosePopupsExceptModals();
}

void ViewerApp::carry_out(const MenuRequests& requests) {
    if (requests.open_data) start_opening(*requests.open_data);
    if (requests.quit) request_close();
    if (!requests.export_png.empty()) document_ = requests;
    if (requests.stop_compare) {
        comparison_.close();
        // The comparison's line is stale once it ends.
        if (session_.view.status.rfind("comparing with ", 0) == 0) session_.view.status.clear();
    }
    if (!requests.compare.empty()) {
        try {
            comparison_.open(session_, requests.compare);
            const std::size_t moved = comparison_.diff(session_).moved.size();
            session_.view.status = "comparing with " + requests.compare + ": " + std::to_string(moved) +
                              " zones in a different locality (hatched)";
            if (script_) {  // what a scripted test checks
                std::fprintf(stderr, "locality-viewer: compare %s: %zu zones in a different locality; %zu of %zu localities matched\n",
                             requests.compare.c_str(), moved, comparison_.pairs(session_).size(),
                             session_.document.state().locality_count());
            }
        } catch (const std::exception& e) {
            session_.view.errors.add("Could not compare the plans", e.what());
        }
    }
}

void ViewerApp::request_close() {
    // Held back until the question is answered: Cancel leaves the window open.
    glfwSetWindowShouldClose(window_, GLFW_FALSE);
    if (unsaved_.open()) return; // already asking
    unsaved_.request(session_, "close the window", [this] {
        optimiser_.stop();
        alternatives_.stop();
        generate_.stop();
        close_confirmed_ = true;
    });
}

void ViewerApp::check_frame(int fb_w, int fb_h, const std::function<void(const DamageRect&)>& draw_region) {
    // The frame as drawn in part, then the same draw data drawn whole over it: equal
    // pixels or the partial drawing missed something.
    const std::vector<unsigned char> in_part = read_pixels_top_down(0, 0, fb_w, fb_h, fb_h);
    draw_region(DamageRect{0, 0, fb_w, fb_h});
    const std::vector<unsigned char> whole = read_pixels_top_down(0, 0, fb_w, fb_h, fb_h);
    ++frames_checked_;
    std::size_t differing = 0;
    int x0 = fb_w, y0 = fb_h, x1 = 0, y1 = 0;
    for (std::size_t i = 0; i + 2 < whole.size(); i += 3) {
        if (in_part[i] == whole[i] && in_part[i + 1] == whole[i + 1] && in_part[i + 2] == whole[i + 2]) continue;
        ++differing;
        const int x = static_cast<int>(i / 3 % static_cast<std::size_t>(fb_w)), y = static_cast<int>(i / 3 / static_cast<std::size_t>(fb_w));
        x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x + 1), y1 = std::max(y1, y + 1);
    }
    if (differing == 0) return;
    ++frames_differing_;
    std::fprintf(stderr, "locality-viewer: frame check: frame %zu drawn in part differs from it drawn whole in %zu pixels within "
                 "x %d-%d, y %d-%d\n", frames_checked_, differing, x0, x1, y0, y1);
    for (const DamageRect& r : frame_cache_.regions())
        std::fprintf(stderr, "locality-viewer: frame check: drawn in part: x %d-%d, y %d-%d\n", r.x0, r.x1, r.y0, r.y1);
    if (frames_differing_ > 3) return;  // the first few are enough to look at
    const std::string stem = check_frames_ + "/frame-" + std::to_string(frames_checked_);
    try {
        lp::write_file_atomically(stem + "-in-part.png", encode_png_rgb(in_part.data(), fb_w, fb_h));
        lp::write_file_atomically(stem + "-whole.png", encode_png_rgb(whole.data(), fb_w, fb_h));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "locality-viewer: frame check: %s\n", e.what());
    }
}

int ViewerApp::run() {
    begin_startup();
    while (loading_.valid()) {
        if (loading_.wait_for(std::chrono::milliseconds(30)) == std::future_status::ready) {
            finish_startup();
            break;
        }
        loading_frame(options_.data.zones.path);
        if (glfwWindowShouldClose(window_)) {
            // Nothing is open yet, so nothing to ask about; the reading thread is waited for.
            loading_.wait();
            return 0;
        }
    }
    if (startup_failure_) return startup_failure_;
    FrameStats stats(options_.frame_stats);
    TimedEdit timed_edit;
    const int frames_to_time = options_.frame_stats;
    int exit_code = 0;
    while (!close_confirmed_) {
        if (opening_.valid()) {
            if (opening_.wait_for(std::chrono::milliseconds(30)) != std::future_status::ready) {
                // What was open stays open (and is what a close asks about) until the new
                // data is read; a close waits for the reading thread first.
                loading_frame(opening_request_.options.zones.path);
                if (!glfwWindowShouldClose(window_)) continue;
                opening_.wait();
            }
            finish_opening();
        }
        if (glfwWindowShouldClose(window_)) {
            request_close();
            if (close_confirmed_) break;
        }
        const auto frame_start = std::chrono::steady_clock::now();
        if (!script_ && frames_to_time == 0 && frame_cache_.unchanged()) {
            // Nothing changed last frame: sleep until input arrives instead of drawing the
            // same frame again. The timeout picks up what other threads finish (loading,
            // the optimiser, the alternatives) and the autosave's clock.
            glfwWaitEventsTimeout(0.1);
        } else {
            glfwPollEvents();
        }
        const auto ms = [](auto from, auto to) { return std::chrono::duration<double, std::milli>(to - from).count(); };
        if (frames_to_time > 0 && !(script_ && !script_->finished()) && stats.phase() == FrameStats::Phase::empty) {
            // The floor: a window cleared and presented, with no panels and no map.
            int fb_w = 0, fb_h = 0;
            glfwGetFramebufferSize(window_, &fb_w, &fb_h);
            glViewport(0, 0, fb_w, fb_h);
            glClearColor(0.80f, 0.87f, 0.93f, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            glFinish();
            const auto swap_start = std::chrono::steady_clock::now();
            presenter_->present();
            glFinish();
            const auto end = std::chrono::steady_clock::now();
            stats.add(ms(frame_start, end), 0, 0, 0, 0, 0, 0, ms(swap_start, end));
            continue;
        }
        optimiser_.poll(session_);
        generate_.poll(session_);
        if (script_) {
            script_->step(session_, map_, optimiser_, unsaved_, alternatives_, generate_);
            if (script_->take_close_request()) glfwSetWindowShouldClose(window_, GLFW_TRUE);
            if (const auto mouse = script_->take_mouse_request()) glfwSetCursorPos(window_, mouse->first, mouse->second);
            for (const std::vector<std::string>& request : script_->take_app_requests()) {
                MenuRequests asked;
                if (request[0] == "menu" && request[1] == "quit") asked.quit = true;
                else if (request[0] == "menu" && request[1] == "open-data" && request.size() > 2) {
                    // What File > Open plan does with a plan whose data is not open: ask about
                    // unsaved changes, then read the plan's data in the background.
                    const std::string plan = request[2];
                    try {
                        const DataOpening opening = FilesPanel::plan_opening(plan);
                        unsaved_.request(session_, "open plan " + plan, [this, opening] {
                            optimiser_.stop();
                            start_opening(opening);
                        });
                    } catch (const std::exception& e) {
                        session_.view.errors.add("Could not open the plan", e.what());
                    }
                }
                else if (request[0] == "export-png") {
                    asked.export_png = request[1];
                    if (request.size() > 2) asked.export_png_size = request[2];
                    if (request.size() > 3) {
                        try {
                            asked.export_png_dpi = std::stod(request[3]);
                        } catch (const std::exception&) {
                            asked.export_png_dpi = 0;  // refused, naming the text, by the size check
                        }
                    }
                }
                else if (request[0] == "compare" && request[1] == "off") asked.stop_compare = true;
                else if (request[0] == "compare") asked.compare = request[1];
                else if (request[0] == "export-svg") {
                    try {
                        export_map_svg(session_, request[1]);
                        std::fprintf(stderr, "locality-viewer: wrote %s\n", request[1].c_str());
                    } catch (const std::exception& e) {
                        session_.view.errors.add("Could not export the map", e.what());
                    }
                } else {
                    session_.view.errors.add("Script", "unknown request: " + request[0] + " " + request[1]);
                }
                carry_out(asked);
            }
        }
        const bool timing_frame = frames_to_time > 0 && !(script_ && !script_->finished());
        const auto update_start = std::chrono::steady_clock::now();
        if (timing_frame && stats.phase() == FrameStats::Phase::editing) timed_edit.step(session_);
        session_.update();
        if (const std::string title = session_.document.window_title(); title != title_) {
            glfwSetWindowTitle(window_, title.c_str());
            title_ = title;
        }

        const auto panels_start = std::chrono::steady_clock::now();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        frame_ui();
        ImGui::Render();
        const auto panels_end = std::chrono::steady_clock::now();

        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window_, &fb_w, &fb_h);
        const float pixel_scale = ImGui::GetIO().DisplayFramebufferScale.x;
        const bool timing = frames_to_time > 0;
        if (timing) glFinish();
        const auto map_start = std::chrono::steady_clock::now();
        ImDrawData* draw_data = ImGui::GetDrawData();
        presenter_->begin_frame(fb_w, fb_h);
        const bool keeps_frame = presenter_->keeps_back_buffer();
        // First what the map would draw, so a frame equal to the one on screen is skipped.
        renderer_.begin_frame(true);
        map_.render(session_, renderer_, fb_h, pixel_scale);
        comparison_.render(session_, renderer_, map_.camera(), fb_h, pixel_scale);
        // Read before begin_frame(false), which starts the signatures again.
        const PixelRect& changed = renderer_.changed_rect();
        const FrameCache::MapLayers layers{renderer_.image_signature(), renderer_.overlay_signature(),
                                           {changed[0], fb_h - changed[1] - changed[3], changed[0] + changed[2], fb_h - changed[1]},
                                           renderer_.overlay_boxes()};
        renderer_.begin_frame(false);
        const auto damage_start = std::chrono::steady_clock::now();
        frame_cache_.begin(fb_w, fb_h, map_.camera().rect, draw_data, map_window_name, keeps_frame, layers);
        const auto damage_end = std::chrono::steady_clock::now();
        const bool drawn = !frame_cache_.unchanged();
        double map_ms = 0, ui_ms = 0;
        // Each region: cleared, the map, then the panels, all clipped to it; the rest of the
        // target keeps the last frame's pixels.
        renderer_.set_target_framebuffer(frame_cache_.framebuffer());
        const auto draw_region = [&](const DamageRect& region) {
            const PixelRect gl_region{region.x0, fb_h - region.y1, region.x1 - region.x0, region.y1 - region.y0};
            const auto region_start = std::chrono::steady_clock::now();
            // The map's image is opaque: a region inside it needs no clearing (under
            // llvmpipe a scissored clear of the map costs as much as the image's copy).
            const PixelRect image = MapRenderer::viewport(map_.camera(), fb_h, pixel_scale);
            const bool under_image = session_.data.is_open() && renderer_.ready() && gl_region[0] >= image[0] &&
                                     gl_region[1] >= image[1] && gl_region[0] + gl_region[2] <= image[0] + image[2] &&
                                     gl_region[1] + gl_region[3] <= image[1] + image[3];
            if (!under_image) {
                glEnable(GL_SCISSOR_TEST);
                glScissor(gl_region[0], gl_region[1], gl_region[2], gl_region[3]);
                glClearColor(0.80f, 0.87f, 0.93f, 1.0f); // sea
                glClear(GL_COLOR_BUFFER_BIT);
                glDisable(GL_SCISSOR_TEST);
            }
            renderer_.set_clip(gl_region);
            map_.render(session_, renderer_, fb_h, pixel_scale);
            comparison_.render(session_, renderer_, map_.camera(), fb_h, pixel_scale);
            if (timing) glFinish();
            const auto region_ui = std::chrono::steady_clock::now();
            glViewport(0, 0, fb_w, fb_h);
            ImGui_ImplOpenGL3_RenderDrawData(frame_cache_.clip_draw_data(draw_data, region));
            frame_cache_.restore_draw_data(draw_data);
            if (timing) glFinish();
            map_ms += ms(region_start, region_ui);
            ui_ms += ms(region_ui, std::chrono::steady_clock::now());
        };
        for (const DamageRect& region : frame_cache_.regions()) draw_region(region);
        renderer_.set_clip(std::nullopt);
        const auto ui_end = std::chrono::steady_clock::now();
        if (drawn) frame_cache_.finish();
        if (timing) glFinish();
        const auto copy_end = std::chrono::steady_clock::now();

        if (script_) {
            const std::string shot = script_->take_screenshot_request();
            if (!shot.empty()) {
                try {
                    write_screenshot(shot, fb_w, fb_h);
                    std::fprintf(stderr, "locality-viewer: wrote %s\n", shot.c_str());
                } catch (const std::exception& e) {
                    std::cerr << "locality-viewer: " << e.what() << "\n";
                    exit_code = lp::app::exit_status(lp::app::ExitCode::write_failed);
                    break;
                }
            }
        }
        if (!check_frames_.empty() && frame_cache_.drew_in_part()) check_frame(fb_w, fb_h, draw_region);
        const auto swap_start = std::chrono::steady_clock::now();
        // Nothing when the window shows this frame already; else the regions drawn.
        for (const DamageRect& region : frame_cache_.regions())
            presenter_->present(region.x0, fb_h - region.y1, region.x1 - region.x0, region.y1 - region.y0);
        if (timing) glFinish();
        const auto swap_end = std::chrono::steady_clock::now();

        if (!script_ && frames_to_time == 0 && presenter_->keeps_back_buffer() && drawn) {
            // Presenting without swapping has no vertical sync to pace it: something that
            // changes every frame (the pulsing of cut-off zones, a progress bar) would
            // otherwise draw as fast as the processor allows. 60 frames a second at most.
            std::this_thread::sleep_until(frame_start + std::chrono::microseconds(16'667));
        }
        const bool script_running = script_ && !script_->finished();
        if (script_ && script_->failed()) {
            std::cerr << "locality-viewer: " << script_->error() << "\n";
            exit_code = 1;
            break;
        }
        if (frames_to_time > 0 && !script_running) {
            stats.add(ms(frame_start, swap_end), ms(update_start, panels_start), ms(panels_start, panels_end),
                      ms(map_start, damage_start) + map_ms, ms(damage_start, damage_end), ui_ms, ms(ui_end, copy_end),
                      ms(swap_start, swap_end));
            // Panning moves the view every frame, so the whole mesh is drawn again each time.
            if (stats.phase() == FrameStats::Phase::panning) {
                map_.camera().pan_pixels(frame_parity_ ? 3.0f : -3.0f, 0);
                frame_parity_ = !frame_parity_;
            }
            if (stats.phase() == FrameStats::Phase::done) break;
        } else if (script_ && script_->finished() && options_.frame_stats == 0) {
            break;
        }
    }
    if (!check_frames_.empty()) {
        std::fprintf(stderr, "locality-viewer: frame check: %zu frames drawn in part, %zu differed from the frame drawn whole\n",
                     frames_checked_, frames_differing_);
    }
    if (frames_to_time > 0) {
        stats.print(options_.width, options_.height, renderer_.zones_drawn(),
                    session_.data.is_open() ? session_.data.mesh().vertex_total() / 3 : 0, renderer_.redraws());
        std::printf("frame-stats: panels redrawn whole in %zu frames, only the map's rectangle in %zu, only what changed in %zu "
                    "(%.1f%% of their pixels)\n",
                    frame_cache_.full_redraws(), frame_cache_.partial_redraws(), frame_cache_.damaged_redraws(),
                    100.0 * frame_cache_.damaged_fraction());
        std::printf("frame-stats: %zu frames equal to the one on screen were neither drawn nor presented\n",
                    frame_cache_.unchanged_frames());
        std::printf("frame-stats: of the map's redraws, %zu moved the image and drew only the strips a pan exposed\n",
                    renderer_.shifted_redraws());
        std::printf("frame-stats: and %zu drew again only the part an edit changed\n", renderer_.dirty_redraws());
    }
    if (session_.document.has_plan() && !session_.document.dirty() && exit_code == 0 && !script_) {
        // Nothing unsaved: no recovery file is left behind (Save and Discard removed
        // theirs already; one still waiting for its answer stays for the next start).
        session_.document.release_recovery_files();
    }
    return exit_code;
}

} // namespace lp::viewer
