#include "dialogs/generate_dialog.hpp"

#include "map/map_view.hpp"
#include "model/place_search.hpp"

#include <lp/core/error.hpp>
#include <lp/edit/replace_plan.hpp>

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace lp::viewer {
namespace {

// The zone a found place's marker goes on: its zone nearest its label point.
int marker_zone(const Session& session, const Place& place) {
    int best = -1;
    double best_distance = std::numeric_limits<double>::infinity();
    for (std::size_t z : place.zones) {
        const Point c = session.data.mesh().centres[z];
        const double d = (c.x - place.anchor.x) * (c.x - place.anchor.x) + (c.y - place.anchor.y) * (c.y - place.anchor.y);
        if (d < best_distance) {
            best_distance = d;
            best = static_cast<int>(z);
        }
    }
    return best;
}

// What a hub found by the search names, as lp::resolve_hubs reads it: a zone by its code
// (a service point: the zone it is in), anything else by its name.
std::string hub_place(const Session& session, const Place& place) {
    if (place.kind == PlaceKind::service && !place.zones.empty()) return session.data.dataset().zones.ids[place.zones.front()];
    return place.kind == PlaceKind::zone ? place.code : place.name;
}

// The settings with the first band left out: the trade-off's plans differ only there.
std::string asked_but_first_band(GenerateSettings settings) {
    if (!settings.bands.empty()) settings.bands.front() = BalanceSpec{settings.bands.front().column, 0, false};
    return settings_text(settings);
}

std::string format(const char* pattern, double value) {
    char text[64];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

// "urban_rural_6fold_2016:1-4" as its column and classes ("" and "" for none).
std::pair<std::string, std::string> settlement_parts(const std::string& spec) {
    const auto colon = spec.rfind(':');
    if (colon == std::string::npos) return {spec, ""};
    return {spec.substr(0, colon), spec.substr(colon + 1)};
}

void help_marker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

} // namespace

void GenerateDialog::menu_ui(const Session& session) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("Plan", session.document.has_plan())) {
        if (ImGui::MenuItem("Generate localities...", nullptr, open)) open = !open;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

GenerateSettings& GenerateDialog::settings(Session& session) {
    if (session.data.is_open() && settings_mesh_ != session.data.mesh_generation()) {
        // Other data: the hubs, bands and trade-off named the old data's places and columns.
        settings_ = default_generate_settings(session.data.dataset(), session.document.balance_specs(), session.document.settlements_spec());
        settings_mesh_ = session.data.mesh_generation();
        tradeoff_.reset();
        tradeoff_data_.reset();
        search_[0] = '\0';
        matches_.clear();
    }
    return settings_;
}

void GenerateDialog::add_hub(Session& session, MapView& map, const std::string& place, const std::string& name) {
    GenerateSettings& s = settings(session);
    PlannedHub hub{place, name, -1};
    const PlaceIndex& index = map.search().index(session);
    const std::string wanted = fold_for_search(place);
    for (std::size_t i : index.search(place, 10)) {
        const Place& found = index.places()[i];
        if (fold_for_search(found.name) != wanted && fold_for_search(found.code) != wanted) continue;
        hub.zone = marker_zone(session, found);
        break;
    }
    s.hubs.push_back(std::move(hub));
}

void GenerateDialog::add_picked(Session& session, MapView& map) {
    for (std::uint32_t zone : map.take_picked()) {
        GenerateSettings& s = settings(session);
        const std::string& id = session.data.dataset().zones.ids[zone];
        const bool known = std::any_of(s.hubs.begin(), s.hubs.end(), [&](const PlannedHub& hub) {
            return hub.zone == static_cast<int>(zone) || hub.place == id;
        });
        if (known) {
            session.view.status = "zone " + id + " is a hub already";
            continue;
        }
        s.hubs.push_back({id, "", static_cast<int>(zone)});
        session.view.status = "hub " + std::to_string(s.hubs.size()) + ": zone " + id;
    }
}

std::optional<GenerateSnapshot> GenerateDialog::snapshot(Session& session, const std::string& what) {
    if (!session.document.has_plan()) return std::nullopt;
    try {
        return generate_snapshot(session.data.shared_dataset(), session.data.shared_places(), settings(session),
                                 session.data.options().demand_paths, session.document.run_rules().partitioner);
    } catch (const Error& e) {
        session.view.status = what + ": " + e.what();
        return std::nullopt;
    }
}

bool GenerateDialog::start(Session& session) {
    std::optional<GenerateSnapshot> snapshot = this->snapshot(session, "generate");
    if (!snapshot) return false;
    session.view.status = "generating localities (" + settings_text(snapshot->settings) + ")...";
    job_.start_generate(std::move(*snapshot));
    return true;
}

bool GenerateDialog::start_tradeoff(Session& session, const std::string& bands) {
    std::optional<GenerateSnapshot> snapshot = this->snapshot(session, "trade-off");
    if (!snapshot) return false;
    std::vector<TradeoffBand> parsed;
    try {
        parsed = tradeoff_bands(snapshot->settings, bands);
    } catch (const Error& e) {
        session.view.status = std::string("trade-off: ") + e.what();
        return false;
    }
    session.view.status = "what balance costs: " + std::to_string(parsed.size()) + " plans, " + bands + " of " +
                     parsed.front().first.column + "...";
    job_.start_tradeoff(std::move(*snapshot), std::move(parsed));
    return true;
}

bool GenerateDialog::pick_band(Session& session, const std::string& band) {
    if (!tradeoff_) {
        session.view.status = "no trade-off to pick a band from: Show what balance costs first";
        return false;
    }
    std::size_t row = tradeoff_->bands.size();
    std::string labels;
    for (std::size_t i = 0; i < tradeoff_->bands.size(); ++i) {
        if (tradeoff_->bands[i].label == band) row = i;
        labels += (labels.empty() ? "" : ", ") + tradeoff_->bands[i].label;
    }
    if (row == tradeoff_->bands.size()) {
        session.view.status = "the trade-off has no band " + band + " (it has " + labels + ")";
        return false;
    }
    GenerateSettings& s = settings(session);
    s.bands.front() = tradeoff_->bands[row].first;
    // Nothing else changed since: the row's own plan, at once.
    if (tradeoff_data_ == session.data.shared_dataset() && asked_but_first_band(s) == tradeoff_asked_ && row < tradeoff_->runs.size()) {
        apply(session, tradeoff_->runs[row], s, tradeoff_->rows[row].seconds, " (the trade-off's " + band + " plan)");
        return true;
    }
    return start(session);
}

void GenerateDialog::apply(Session& session, const LocalityRun& run, const GenerateSettings& asked, double seconds,
                           const std::string& how) {
    PlanEditor& editor = session.document.editor();
    editor.end_stroke();
    // The partitioner's plan lands whole: a locality in pieces is said, not refused.
    const SplitPolicy policy = editor.split_policy();
    editor.set_split_policy(SplitPolicy::warn);
    const EditResult result =
        editor.execute(std::make_unique<ReplacePlan>(generated_content(run, session.data.dataset().zones.ids, &session.data.catalogue()),
                                                     "generate " + std::to_string(run.k) + " localities"));
    editor.set_split_policy(policy);
    if (!result.applied) {
        session.view.status = "generate: " + result.message;
        return;
    }
    session.view.active_locality = 0;
    session.document.record_run_rules(run.rules);
    // The markers move to the zones the run found the hubs in.
    if (settings_text(asked) == settings_text(settings_) && run.hubs.size() == settings_.hubs.size()) {
        for (std::size_t i = 0; i < run.hubs.size(); ++i) settings_.hubs[i].zone = run.hubs[i].zone;
    }
    last_report_ = "generated " + generated_summary(run) + " in " + format("%.1f s", seconds) + how;
    session.view.status = last_report_;
    if (result.split) session.view.status += "; " + result.message;
    for (std::size_t i = 0; i < run.result.problems.size() && i < 3; ++i) session.view.status += "; " + run.result.problems[i];
    session.view.status += "; Ctrl+Z undoes";
}

void GenerateDialog::poll(Session& session) {
    std::optional<GenerateOutcome> outcome = job_.take_finished();
    if (!outcome) return;
    const bool tradeoff = outcome->kind == GenerateOutcome::Kind::tradeoff;
    if (!session.document.has_plan() || outcome->data != session.data.shared_dataset()) {
        session.view.status = "other data opened while generating; its plan was not applied";
        return;
    }
    if (!outcome->error.empty()) {
        session.view.errors.add(tradeoff ? "What balance costs: failed" : "Generate localities failed", outcome->error);
        session.view.status = (tradeoff ? "trade-off: " : "generate: ") + outcome->error;
        return;
    }
    if (!tradeoff) {
        apply(session, *outcome->run, outcome->settings, outcome->seconds, "");
        return;
    }
    tradeoff_ = std::move(outcome->tradeoff);
    tradeoff_asked_ = asked_but_first_band(outcome->settings);
    tradeoff_data_ = outcome->data;
    session.view.status = "what balance costs: " + std::to_string(tradeoff_->rows.size()) + " plans in " +
                     format("%.1f s", outcome->seconds) + "; click a band to make its plan the plan";
}

void GenerateDialog::empty_state_ui(Session& session) {
    if (!session.data.is_open()) {
        ImGui::TextWrapped("Open data (File > Open data...), then Generate localities (Plan menu).");
        return;
    }
    ImGui::TextUnformatted("No localities yet.");
    ImGui::Spacing();
    ImGui::TextWrapped("Generate localities: the partitioner draws them all, from a number of localities or from hubs "
                       "you name or pick on the map, under your balance rules, keeping towns whole.");
    if (ImGui::Button("Generate localities...")) open = true;
    ImGui::Spacing();
    ImGui::TextWrapped("Or paint zones: New locality (under the map), then paint zones into it on the map.");
}

void GenerateDialog::draw_overlay(ImDrawList* draw, const Session& session, const MapCamera& camera) {
    if (!open || !session.data.is_open() || settings_mesh_ != session.data.mesh_generation()) return;
    const ZoneMesh& mesh = session.data.mesh();
    for (std::size_t i = 0; i < settings_.hubs.size(); ++i) {
        const int zone = settings_.hubs[i].zone;
        if (zone < 0 || static_cast<std::size_t>(zone) >= mesh.zone_count()) continue;
        float sx, sy;
        camera.to_screen(mesh.centres[static_cast<std::size_t>(zone)], sx, sy);
        const std::string number = std::to_string(i + 1);
        const ImVec2 size = ImGui::CalcTextSize(number.c_str());
        const float radius = std::max(size.x, size.y) / 2 + 4;
        draw->AddCircleFilled(ImVec2(sx, sy), radius, IM_COL32(25, 25, 25, 235));
        draw->AddCircle(ImVec2(sx, sy), radius, IM_COL32(255, 255, 255, 255), 0, 2.0f);
        draw->AddText(ImVec2(sx - size.x / 2, sy - size.y / 2), IM_COL32(255, 255, 255, 255), number.c_str());
    }
}

void GenerateDialog::ui(Session& session, MapView& map) {
    if (!open || !session.document.has_plan()) {
        map.picking_hubs = false;
        return;
    }
    GenerateSettings& s = settings(session);
    add_picked(session, map);
    const ImGuiIO& io = ImGui::GetIO();
    // Over the right panel (and the map's right edge), so the map shows where the hubs are.
    const float width = 560;
    ImGui::SetNextWindowPos(ImVec2(std::max(0.0f, io.DisplaySize.x - width - 4), ImGui::GetFrameHeight() + 4),
                            ImGuiCond_Appearing);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, io.DisplaySize.y - ImGui::GetFrameHeight() - 16));
    bool keep_open = true;
    if (ImGui::Begin("Generate localities", &keep_open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextWrapped("The partitioner draws every locality, replacing the plan's localities, functions and locks "
                           "in one step (Ctrl+Z gives them back).");
        int mode = s.k == 0 ? 0 : 1;
        ImGui::TextUnformatted("Localities:");
        ImGui::SameLine();
        if (ImGui::RadioButton("one per hub", &mode, 0)) s.k = 0;
        ImGui::SameLine();
        if (ImGui::RadioButton("this many:", &mode, 1) && s.k == 0) s.k = std::max<int>(2, static_cast<int>(s.hubs.size()));
        if (mode == 1) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(90);
            if (ImGui::InputInt("##k", &s.k)) s.k = std::max(2, s.k);
            help_marker("Hubs lead the first localities; the rest start at the largest towns.");
        }
        hubs_ui(session, map);
        bands_ui(session);
        settlements_ui(session);
        run_ui(session);
    }
    ImGui::End();
    if (!keep_open) open = false;
    if (!open) map.picking_hubs = false;
}

void GenerateDialog::hubs_ui(Session& session, MapView& map) {
    GenerateSettings& s = settings_;
    ImGui::Separator();
    ImGui::Text("Hubs (%zu): each leads a locality of its own", s.hubs.size());
    ImGui::SetNextItemWidth(260);
    const bool entered = ImGui::InputTextWithHint("##hub-search", "Add a hub: town, place or zone", search_, sizeof search_,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    const PlaceIndex& index = map.search().index(session);
    matches_ = search_[0] ? index.search(search_, 8) : std::vector<std::size_t>{};
    ImGui::SameLine();
    ImGui::Checkbox("Pick on the map", &map.picking_hubs);
    help_marker("While on, a click on the map adds the zone under the pointer as a hub (its locality is named "
                "after the town it is in, unless you name it).");
    int chosen = entered && !matches_.empty() ? 0 : -1;
    for (std::size_t i = 0; i < matches_.size(); ++i) {
        const Place& place = index.places()[matches_[i]];
        const std::string line = place.kind == PlaceKind::zone ? place.name + "  (zone " + place.code + ")"
                                                               : place.name + "  (" + kind_name(place.kind) + ")";
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(line.c_str())) chosen = static_cast<int>(i);
        ImGui::PopID();
    }
    if (chosen >= 0) {
        const Place& place = index.places()[matches_[static_cast<std::size_t>(chosen)]];
        s.hubs.push_back({hub_place(session, place), "", marker_zone(session, place)});
        search_[0] = '\0';
        matches_.clear();
    }
    if (s.hubs.empty()) {
        ImGui::TextDisabled("No hubs: the localities start at the largest towns.");
        return;
    }
    const Settlements* towns = session.figures.settlements();
    std::size_t remove = s.hubs.size();
    if (ImGui::BeginTable("hubs", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                          ImVec2(0, std::min(6.5f, static_cast<float>(s.hubs.size()) + 1.2f) * ImGui::GetFrameHeightWithSpacing()))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("#");
        ImGui::TableSetupColumn("Place", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Locality name", ImGuiTableColumnFlags_WidthFixed, 170);
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < s.hubs.size(); ++i) {
            PlannedHub& hub = s.hubs[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%zu", i + 1);
            ImGui::TableNextColumn();
            std::string place = hub.place;
            std::string town;
            if (hub.zone >= 0 && static_cast<std::size_t>(hub.zone) < session.data.dataset().zones.size()) {
                const auto zone = static_cast<std::size_t>(hub.zone);
                if (hub.place == session.data.dataset().zones.ids[zone] && zone < session.data.dataset().zones.names.size())
                    place += "  (" + session.data.dataset().zones.names[zone] + ")";
                if (towns && zone < towns->groups.of_zone.size() && towns->groups.of_zone[zone] >= 0)
                    town = towns->groups.names[static_cast<std::size_t>(towns->groups.of_zone[zone])];
            }
            ImGui::TextUnformatted(place.c_str());
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            const std::string hint = town.empty() ? "after its town" : town;
            ImGui::InputTextWithHint("##name", hint.c_str(), &hub.name);
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("Remove")) remove = i;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove < s.hubs.size()) s.hubs.erase(s.hubs.begin() + static_cast<std::ptrdiff_t>(remove));
    if (ImGui::SmallButton("Clear hubs")) s.hubs.clear();
}

void GenerateDialog::bands_ui(const Session& session) {
    GenerateSettings& s = settings_;
    ImGui::Separator();
    ImGui::TextUnformatted("Balance: each locality's share within a band of the mean");
    help_marker("Hard: every locality within the band (towns are split where the band forces it). Soft: a "
                "preference, exceeded only where a town kept whole needs it; the plan says which locality and why.");
    const std::vector<std::string>& columns = session.data.dataset().demand.names;
    std::size_t remove = s.bands.size();
    if (ImGui::BeginTable("bands", 4, ImGuiTableFlags_SizingFixedFit)) {
        for (std::size_t i = 0; i < s.bands.size(); ++i) {
            BalanceSpec& band = s.bands[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(230);
            if (ImGui::BeginCombo("##column", band.column.c_str())) {
                for (const std::string& column : columns)
                    if (ImGui::Selectable(column.c_str(), column == band.column)) band.column = column;
                ImGui::EndCombo();
            }
            ImGui::TableNextColumn();
            float percent = static_cast<float>(band.tolerance * 100);
            ImGui::SetNextItemWidth(110);
            if (ImGui::DragFloat("##band", &percent, 0.5f, 0.0f, 500.0f, "+/- %.0f%%", ImGuiSliderFlags_AlwaysClamp))
                band.tolerance = percent / 100.0;
            ImGui::TableNextColumn();
            ImGui::Checkbox("soft", &band.soft);
            ImGui::TableNextColumn();
            if (s.bands.size() > 1 && ImGui::SmallButton("Remove")) remove = i;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove < s.bands.size()) s.bands.erase(s.bands.begin() + static_cast<std::ptrdiff_t>(remove));
    ImGui::SetNextItemWidth(230);
    if (ImGui::BeginCombo("##add-band", "Add a rule...")) {
        for (const std::string& column : columns) {
            const bool used = std::any_of(s.bands.begin(), s.bands.end(), [&](const BalanceSpec& b) { return b.column == column; });
            if (!used && ImGui::Selectable(column.c_str())) s.bands.push_back({column, 0.10, false});
        }
        ImGui::EndCombo();
    }
}

void GenerateDialog::settlements_ui(const Session& session) {
    GenerateSettings& s = settings_;
    ImGui::Separator();
    auto [column, classes] = settlement_parts(s.settlements);
    ImGui::TextUnformatted("Towns kept whole:");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(210);
    if (ImGui::BeginCombo("##settlements", column.empty() ? "none" : column.c_str())) {
        if (ImGui::Selectable("none", column.empty())) s.settlements.clear();
        for (const std::string& name : session.data.dataset().demand.names) {
            if (ImGui::Selectable(name.c_str(), name == column))
                s.settlements = name + ":" + (classes.empty() ? std::string(default_settlement_classes) : classes);
        }
        ImGui::EndCombo();
    }
    if (!column.empty()) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(70);
        if (ImGui::InputText("classes", &classes)) s.settlements = column + (classes.empty() ? "" : ":" + classes);
        help_marker("Connected zones in these classes are a town (urban_rural_6fold_2016: 1 large urban areas ... 4 "
                    "accessible small towns), kept in one locality and naming it.");
        int splitting = static_cast<int>(s.split_settlements);
        const char* ways[] = {"split: when a hard band forces it", "split: when a band forces it", "split: never"};
        ImGui::SetNextItemWidth(260);
        if (ImGui::Combo("##splitting", &splitting, ways, 3)) s.split_settlements = static_cast<SettlementSplitting>(splitting);
    }
    ImGui::TextUnformatted("Building blocks:");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200);
    ImGui::InputTextWithHint("##blocks", "FILE[:LAYER]:FIELD", &s.building_blocks);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Optional: polygons (e.g. wards) whose zones stay together");
    if (!s.building_blocks.empty()) {
        int mode = s.blocks == BlockMode::hard ? 1 : 0;
        ImGui::SameLine();
        ImGui::RadioButton("soft", &mode, 0);
        ImGui::SameLine();
        ImGui::RadioButton("hard", &mode, 1);
        s.blocks = mode == 1 ? BlockMode::hard : BlockMode::soft;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("Seed:");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(80);
    ImGui::InputScalar("##seed", ImGuiDataType_U64, &s.seed);
}

void GenerateDialog::run_ui(Session& session) {
    const GenerateSettings& s = settings_;
    ImGui::Separator();
    const bool enough = s.k >= 2 || (s.k == 0 && s.hubs.size() >= 2);
    ImGui::BeginDisabled(job_.running() || !enough || s.bands.empty());
    if (ImGui::Button("Generate")) start(session);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(job_.running() || s.bands.empty());
    if (ImGui::Button("Show what balance costs")) start_tradeoff(session);
    ImGui::EndDisabled();
    if (!s.bands.empty())
        help_marker(("One plan per band of " + s.bands.front().column +
                     " (5%, 10%, 25%, 50% and soft), and what each costs: towns split, people on a boundary, "
                     "the boundary's length.")
                        .c_str());
    if (!enough) ImGui::TextDisabled("Give two or more hubs, or a number of localities.");
    if (job_.running()) {
        const double seconds = job_.seconds();
        const std::string overlay = format("%.1f s", seconds);
        // The partitioner's fraction done; before its first report, a bar that sweeps.
        const double progress = job_.progress();
        const float fraction = progress < 0 ? static_cast<float>(std::fmod(seconds, 1.6) / 1.6) : static_cast<float>(progress);
        ImGui::ProgressBar(fraction, ImVec2(220, 0), overlay.c_str());
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            job_.cancel();
            session.view.status = "generate cancelled; the plan is as it was";
        }
    }
    if (!last_report_.empty()) ImGui::TextWrapped("%s", last_report_.c_str());
    tradeoff_ui(session);
}

void GenerateDialog::tradeoff_ui(Session& session) {
    const GenerateSettings& s = settings_;
    if (!tradeoff_) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("tradeoff", 7, flags)) {
        static const char* const headers[] = {"Band", "Towns split", "On a boundary", "Largest dev.", "Km",
                                              "Moved", "Beyond"};
        static const char* const tips[] = {
            "The first rule's band (soft: its own band, as a preference)",
            "Settlements in more than one locality",
            "People living in zones that touch another locality",
            "The largest locality's distance from the mean of the first rule's column",
            "Kilometres of land boundary between localities",
            "Zones in another locality than under the band above",
            "Localities beyond a soft band (each kept large by a town kept whole)"};
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < 7; ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::TableHeader(headers[c]);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tips[c]);
        }
        const std::string picked = balance_text(s.bands.front());
        for (std::size_t i = 0; i < tradeoff_->rows.size(); ++i) {
            const TradeoffRow& row = tradeoff_->rows[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool current = i < tradeoff_->bands.size() && balance_text(tradeoff_->bands[i].first) == picked;
            if (ImGui::Selectable(row.band.c_str(), current, ImGuiSelectableFlags_SpanAllColumns) && !job_.running())
                pick_band(session, row.band);
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.towns_split);
            ImGui::TableNextColumn();
            ImGui::Text("%.0f (%.0f%%)", row.people_on_boundary, row.people_on_boundary_pct);
            ImGui::TableNextColumn();
            ImGui::Text("%+.0f%%", 100 * row.largest_deviation);
            ImGui::TableNextColumn();
            ImGui::Text("%.0f", row.cut_km);
            ImGui::TableNextColumn();
            if (row.zones_changed < 0) ImGui::TextDisabled("-");
            else ImGui::Text("%d", row.zones_changed);
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.beyond_soft_band);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("Click a band to make its plan the plan (one undoable step).");
}

} // namespace lp::viewer
