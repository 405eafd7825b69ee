#include "map/plan_compare.hpp"

#include "app/gl.hpp"

#include <lp/core/error.hpp>
#include <lp/plan/plan_file.hpp>

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace lp::viewer {
namespace {

// Diagonal lines four pixels apart, for glPolygonStipple (32 rows of 32 bits): the
// moved zones stay readable in their own colour underneath.
const GLubyte* hatch_pattern() {
    static GLubyte pattern[128];
    static bool made = false;
    if (!made) {
        for (int row = 0; row < 32; ++row) {
            for (int col = 0; col < 32; ++col) {
                if ((row + col) % 6 < 2) pattern[row * 4 + col / 8] |= static_cast<GLubyte>(0x80 >> (col % 8));
            }
        }
        made = true;
    }
    return pattern;
}

} // namespace

void PlanComparison::open(Session& session, const std::string& path) {
    if (!session.document.has_plan()) throw Error(ErrorKind::bad_setting, "open a plan before comparing it with " + path);
    LocalityPlan other = read_plan(path);
    std::unordered_map<std::string, std::uint32_t> index;
    const std::vector<std::string>& ids = session.data.dataset().zones.ids;
    for (std::size_t z = 0; z < ids.size(); ++z) index.emplace(ids[z], static_cast<std::uint32_t>(z));
    for (const auto& [zone, locality] : other.assignment) {
        if (!index.count(zone)) {
            throw Error(ErrorKind::unknown_zone, path + ": zone " + zone + " is not in the open data (a plan of another area?)");
        }
    }
    other_ = std::move(other);
    zone_index_ = std::move(index);
    path_ = path;
    revision_ = static_cast<std::size_t>(-1);
}

void PlanComparison::refresh(Session& session) {
    if (revision_ == session.document.revision()) return;
    std::vector<std::string> columns;
    for (const BalanceLayer& layer : session.document.state().layers()) columns.push_back(layer.name);
    const LocalityPlan& current = session.document.current_plan();
    const std::vector<double>* people = session.figures.population();
    pairs_ = match_localities(other_, current, session.data.dataset().zones.ids, people ? *people : std::vector<double>{});
    diff_ = diff_plans(renumbered_as(other_, pairs_, current), current, session.data.dataset().zones.ids, &session.data.dataset().demand,
                       columns);
    moved_.clear();
    for (const ZoneMove& move : diff_.moved) {
        const auto it = zone_index_.find(move.zone);
        if (it != zone_index_.end()) moved_.push_back(it->second);
    }
    revision_ = session.document.revision();
}

const std::vector<std::uint32_t>& PlanComparison::moved_zones(Session& session) {
    refresh(session);
    return moved_;
}

const std::vector<LocalityPair>& PlanComparison::pairs(Session& session) {
    refresh(session);
    return pairs_;
}

const PlanDiff& PlanComparison::diff(Session& session) {
    refresh(session);
    return diff_;
}

void PlanComparison::render(Session& session, MapRenderer& renderer, const MapCamera& camera, int framebuffer_height,
                            float pixel_scale) {
    if (!active() || !session.document.has_plan() || !renderer.ready()) return;
    const std::vector<std::uint32_t>& zones = moved_zones(session);
    if (zones.empty()) return;
    glEnable(GL_POLYGON_STIPPLE);
    glPolygonStipple(hatch_pattern());
    renderer.draw_overlay(camera, framebuffer_height, pixel_scale, zones, rgba(20, 20, 20, 220));
    glDisable(GL_POLYGON_STIPPLE);
}

void PlanComparison::ui(Session& session, const ScreenRect& map_rect) {
    if (!active() || !session.document.has_plan()) return;
    const PlanDiff& d = diff(session);
    ImGui::SetNextWindowPos(ImVec2(map_rect.x + 10, map_rect.y + 10), ImGuiCond_Appearing);
    ImGui::SetNextWindowSizeConstraints(ImVec2(300, 0), ImVec2(map_rect.w - 20, map_rect.h - 20));
    bool open = true;
    const std::string title = "Compare with " + std::filesystem::path(path_).filename().string() + "###compare";
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        if (!open) close();
        return;
    }
    const std::string file = std::filesystem::path(path_).filename().string();
    ImGui::Text("%zu zones in a different locality (hatched on the map)", d.moved.size());
    // The pairing: which of the other plan's localities is which of this plan's.
    const bool by_people = session.figures.population() != nullptr;
    ImGui::TextDisabled("localities matched by the %s they share:", by_people ? "people" : "zones");
    if (ImGui::BeginTable("pairs", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn(file.c_str());
        ImGui::TableSetupColumn("is here");
        ImGui::TableSetupColumn(by_people ? "people shared" : "zones shared");
        ImGui::TableHeadersRow();
        const auto name_in = [](const LocalityPlan& plan, const std::string& id) {
            const int i = locality_index(plan, id);
            return i < 0 ? id : plan.localities[static_cast<std::size_t>(i)].name;
        };
        const LocalityPlan& current = session.document.current_plan();
        for (const Locality& l : other_.localities) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(l.name.c_str());
            ImGui::TableNextColumn();
            const auto pair = std::find_if(pairs_.begin(), pairs_.end(), [&](const LocalityPair& p) { return p.a_id == l.id; });
            if (pair == pairs_.end()) {
                ImGui::TextDisabled("(no match)");
                ImGui::TableNextColumn();
                continue;
            }
            ImGui::TextUnformatted(name_in(current, pair->b_id).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%.0f%%", pair->a_total > 0 ? 100 * pair->shared / pair->a_total : 0.0);
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("each cell: %s -> now (change)", file.c_str());
    const int columns = 2 + static_cast<int>(d.columns.size());
    if (ImGui::BeginTable("changes", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("Locality");
        ImGui::TableSetupColumn("Zones");
        for (const std::string& column : d.columns) ImGui::TableSetupColumn(column.c_str());
        ImGui::TableHeadersRow();
        const auto cell = [](double a, double b, bool in_a, bool in_b) {
            ImGui::TableNextColumn();
            if (!in_a) ImGui::Text("new: %.0f", b);
            else if (!in_b) ImGui::Text("%.0f gone", a);
            else if (std::fabs(b - a) < 0.5) ImGui::TextDisabled("%.0f", b);
            else ImGui::TextColored(b > a ? ImVec4(0.0f, 0.45f, 0.1f, 1) : ImVec4(0.75f, 0.1f, 0.1f, 1), "%.0f -> %.0f (%+.0f)", a, b, b - a);
        };
        for (const LocalityChange& change : d.localities) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(change.name.c_str());
            cell(static_cast<double>(change.zones_a), static_cast<double>(change.zones_b), change.in_a, change.in_b);
            for (std::size_t c = 0; c < d.columns.size(); ++c) {
                cell(c < change.totals_a.size() ? change.totals_a[c] : 0.0, c < change.totals_b.size() ? change.totals_b[c] : 0.0,
                     change.in_a, change.in_b);
            }
        }
        ImGui::EndTable();
    }
    if (ImGui::Button("Stop comparing")) open = false;
    ImGui::End();
    if (!open) close();
}

} // namespace lp::viewer
