#include "panels/locality_table.hpp"

#include "model/colours.hpp"
#include "model/column_names.hpp"
#include "panels/control_check.hpp"
#include "model/optimise_request.hpp"
#include "jobs/optimiser_job.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace lp::viewer {
namespace {

constexpr int frozen_columns = 3;  // Lock, colour and the locality's name

ImVec4 to_imvec(Rgba c) {
    return ImVec4(static_cast<float>(c & 0xff) / 255.f, static_cast<float>((c >> 8) & 0xff) / 255.f,
                  static_cast<float>((c >> 16) & 0xff) / 255.f, 1.0f);
}

// A column: its header and what its tooltip says it is.
struct Column {
    std::string name;
    std::string tip;
    float width = 0; // 0: fit the contents
};

// Headers with a tooltip each (TableHeadersRow() has no tooltips).
void headers_row(const std::vector<Column>& columns) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::PushID(c);
        ImGui::TableHeader(columns[static_cast<std::size_t>(c)].name.c_str());
        ImGui::PopID();
        if (ImGui::IsItemHovered() && !columns[static_cast<std::size_t>(c)].tip.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
            ImGui::TextUnformatted(columns[static_cast<std::size_t>(c)].tip.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
}

std::string percent_text(double fraction) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f%%", 100 * fraction);
    return text;
}

// "GP practices (2021)" -> "GP practices": the header is short, the tooltip says the year.
std::string short_point_header(const std::string& plain) {
    const auto bracket = plain.find(" (");
    return bracket == std::string::npos ? plain : plain.substr(0, bracket);
}

// Per point column, per locality: the points in its zones. Counted once per edit.
const std::vector<std::vector<double>>& cached_point_counts(Session& session, const std::vector<std::string>& columns) {
    static std::size_t revision = static_cast<std::size_t>(-1);
    static std::vector<std::string> counted;
    static std::vector<std::vector<double>> counts;
    if (revision == session.document.revision() && counted == columns) return counts;
    const PlanState& state = session.document.state();
    counts.assign(columns.size(), std::vector<double>(state.locality_count(), 0.0));
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const std::vector<double>& per_zone = session.data.dataset().demand.column(columns[c]);
        for (std::size_t loc = 0; loc < state.locality_count(); ++loc) {
            for (std::uint32_t zone : state.members(loc)) counts[c][loc] += per_zone[zone];
        }
    }
    revision = session.document.revision();
    counted = columns;
    return counts;
}

// The partnership as a whole: what every locality adds up to (unassigned zones left out).
void totals_row(Session& session, const PlanStatistics* community, const std::vector<std::vector<double>>& point_counts) {
    const PlanState& state = session.document.state();
    const std::size_t layers = state.layers().size();
    LiveStatistics all;
    all.totals.assign(layers, 0.0);
    for (const LiveStatistics& st : state.statistics()) {
        all.zones += st.zones;
        for (std::size_t l = 0; l < layers; ++l) all.totals[l] += st.totals[l];
        all.area += st.area;
        all.pieces += st.pieces;
        all.crossings += st.crossings;
    }
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImVec4(0.86f, 0.89f, 0.93f, 1)));
    ImGui::TableNextColumn(); // Lock
    ImGui::TableNextColumn(); // colour
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("All localities");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Totals over every locality (unassigned zones left out)");
    ImGui::TableNextColumn();
    ImGui::Text("%zu", all.zones);
    for (std::size_t l = 0; l < layers; ++l) {
        ImGui::TableNextColumn();
        ImGui::Text("%.0f", all.totals[l]);
        ImGui::TableNextColumn();
        ImGui::TextDisabled("mean %.0f", state.fair_share(l));
    }
    if (session.figures.population() != nullptr) {
        ImGui::TableNextColumn();
        if (community && community->people > 0) ImGui::Text("%.0f%%", 100 * community->people_on_boundary / community->people);
        else ImGui::TextDisabled("-");
    }
    if (session.figures.settlements()) {
        ImGui::TableNextColumn();
        ImGui::Text("%zu towns", session.figures.settlements()->groups.names.size());
    }
    for (const std::vector<double>& counts : point_counts) {
        ImGui::TableNextColumn();
        double total = 0;
        for (double c : counts) total += c;
        ImGui::Text("%.0f", total);
    }
    ImGui::TableNextColumn();
    ImGui::Text("%.1f", all.area / 1e6);
    ImGui::TableNextColumn();
    ImGui::TextDisabled("-");
    ImGui::TableNextColumn();
    ImGui::Text("%zu", all.pieces);
    ImGui::TableNextColumn();
    ImGui::Text("%zu", all.crossings);
}

// The next control on this line when it fits in what is left of the panel's width, else
// on the next line: at 1000 x 700 the row is wider than the panel, and a control past
// its edge cannot be reached (there is no sideways scroll).
void next_in_row(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void actions_row(Session& session, OptimiserJob& optimiser) {
    PlanEditor& editor = session.document.editor();
    const PlanState& state = session.document.state();
    if (ImGui::Button("New locality")) {
        const std::string id = session.document.unused_locality_id();
        session.report(editor.execute(std::make_unique<AddLocality>(
            Locality{id, "Locality " + id.substr(1), default_locality_colour(state.locality_count()), false})));
        session.view.active_locality = static_cast<int>(session.document.state().locality_count()) - 1;
    }
    next_in_row(button_width("Undo"));
    ImGui::BeginDisabled(!editor.can_undo());
    if (ImGui::Button("Undo")) editor.undo();
    ImGui::EndDisabled();
    if (editor.can_undo() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", editor.undo_label().c_str());
    next_in_row(button_width("Redo"));
    ImGui::BeginDisabled(!editor.can_redo());
    if (ImGui::Button("Redo")) editor.redo();
    ImGui::EndDisabled();
    next_in_row(button_width("Optimise around locks"));
    ImGui::BeginDisabled(optimiser.running() || state.locality_count() < 2);
    if (ImGui::Button("Optimise around locks")) optimiser.start_optimise(session);
    note_control("Optimise around locks");
    ImGui::EndDisabled();
    next_in_row(button_width("Split active"));
    ImGui::BeginDisabled(optimiser.running() || session.view.active_locality < 0);
    if (ImGui::Button("Split active")) optimiser.start_split(session, session.view.active_locality);
    ImGui::EndDisabled();
    static int merge_with = 0;
    if (state.locality_count() > 0) {
        // The combo and its button go on together: "Merge into active" never alone.
        next_in_row(150 + ImGui::GetStyle().ItemSpacing.x + button_width("Merge into active"));
        ImGui::SetNextItemWidth(150);
        merge_with = std::min(merge_with, static_cast<int>(state.locality_count()) - 1);
        if (ImGui::BeginCombo("##merge", state.localities()[static_cast<std::size_t>(merge_with)].name.c_str())) {
            for (std::size_t i = 0; i < state.locality_count(); ++i) {
                if (ImGui::Selectable(state.localities()[i].name.c_str(), merge_with == static_cast<int>(i))) {
                    merge_with = static_cast<int>(i);
                }
            }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(session.view.active_locality < 0 || merge_with == session.view.active_locality);
        const bool merge = ImGui::Button("Merge into active");
        note_control("Merge into active");
        if (merge) {
            const std::string kept = state.localities()[static_cast<std::size_t>(session.view.active_locality)].id;
            const std::string gone = state.localities()[static_cast<std::size_t>(merge_with)].id;
            session.report(editor.execute(std::make_unique<MergeLocalities>(kept, gone)));
            session.view.active_locality = session.document.state().find_locality(kept);
        }
        ImGui::EndDisabled();
    }
    if (optimiser.running()) {
        next_in_row(160 + ImGui::GetStyle().ItemSpacing.x + button_width("Cancel"));
        ImGui::ProgressBar(static_cast<float>(optimiser.progress()), ImVec2(160, 0));
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) optimiser.cancel();
    }
}

// The name being typed in place of a locality's name (double-click to rename).
struct RenameField {
    std::string id;     // the locality being renamed ("" none)
    std::string text;
    bool focus = false; // put the cursor in the field next frame
};

RenameField& rename_field() {
    static RenameField field;
    return field;
}

// Enter, Tab or a click anywhere else commits the name (the field loses focus: ImGui
// deactivates it, and the text typed is in `text` however it ended); Escape keeps the old
// name. A name committed only by a Rename button or by Enter in a popup was lost on a
// click elsewhere, and Enter right after typing was ignored.
void name_field(Session& session, RenameField& rename, const Locality& l) {
    if (rename.focus) {
        ImGui::SetKeyboardFocusHere();
        rename.focus = false;
    }
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    ImGui::InputText("##rename", &rename.text, ImGuiInputTextFlags_AutoSelectAll);
    ImGui::PopStyleVar();
    if (!ImGui::IsItemDeactivated()) return;
    const bool cancelled = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if (!cancelled && !rename.text.empty() && rename.text != l.name)
        session.report(session.document.editor().execute(std::make_unique<EditLocality>(l.id, rename.text, std::nullopt)));
    rename = {};
}

} // namespace

void locality_table_ui(Session& session, OptimiserJob& optimiser) {
    if (!session.document.has_plan()) {
        ImGui::TextDisabled("Open data (File > Open data...), then Generate localities (Plan menu).");
        return;
    }
    actions_row(session, optimiser);
    PlanEditor& editor = session.document.editor();
    const PlanState& state = session.document.state();
    const std::size_t layers = state.layers().size();
    // People on boundaries and main towns: evaluate() once per revision, not per frame.
    const bool boundary_people = session.figures.population() != nullptr;
    const Settlements* settlements = session.figures.settlements();
    const PlanStatistics* community =
        (boundary_people || settlements) && state.locality_count() > 0 ? &session.figures.community_statistics() : nullptr;

    std::vector<Column> columns;
    // Lock, colour and name first and frozen: they stay in view however far the figures
    // scroll sideways (at 1600 pixels the Lock column used to need a scroll to reach).
    columns.push_back({"Lock", "Lock: a locked locality neither gains nor loses a zone, in edits or when optimising", 0});
    columns.push_back({"", "Colour on the map: click to change it", 0});
    columns.push_back({"Locality", "Locality: click to make it the active one (painted into, its functions shown); double-click to rename", 170});
    columns.push_back({"Zones", "Zones: Data Zones in the locality", 0});
    for (const BalanceLayer& layer : state.layers()) {
        const std::string band = "+/-" + percent_text(layer.tolerance);
        columns.push_back({layer.name, plain_column_name(layer.name) + " (" + layer.name +
                                           "): the locality's total (a balance layer)", 0});
        columns.push_back({"dev##" + layer.name,
                           "dev: deviation of " + layer.name + " from the mean of the localities, in % (band: " + band +
                               "; red outside it)",
                           0});
    }
    if (boundary_people) {
        columns.push_back({"On boundary", "On boundary: share of the locality's people (" + session.figures.population_column() +
                                              ") living in zones that touch another locality by land; lower means "
                                              "boundaries run through emptier land",
                           0});
    }
    if (settlements) {
        columns.push_back({"Main town", "Main town: the settlement with most of its people in the locality (from --settlements)",
                           0});
    }
    // Service points (GP practices, hospitals): each point layer is a demand column of
    // counts per zone, named after its file.
    std::vector<std::string> point_columns;
    for (const PointLayer& layer : session.data.dataset().points) {
        if (!session.data.dataset().demand.has(layer.kind)) continue;
        point_columns.push_back(layer.kind);
        const std::string plain = plain_column_name(layer.kind);
        columns.push_back({short_point_header(plain) + "##" + layer.kind,
                           plain + ": how many of them lie in the locality's zones (" + layer.source + ")", 0});
    }
    const std::vector<std::vector<double>>& point_counts = cached_point_counts(session, point_columns);
    columns.push_back({"km2", "km2: land area in square kilometres", 0});
    columns.push_back({"Compact", "Compact: Polsby-Popper, 4 pi area / perimeter^2; 1 = a disc, near 0 = straggly", 0});
    columns.push_back({"Pieces", "Pieces: connected pieces (through land or water crossings); 1 = contiguous", 0});
    columns.push_back({"Crossings", "Crossings: water crossings (ferries, causeways) joining two of its zones", 0});

    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    if (!ImGui::BeginTable("localities", static_cast<int>(columns.size()), flags, ImVec2(0, ImGui::GetContentRegionAvail().y - 2 * ImGui::GetTextLineHeightWithSpacing() - 4))) return;
    // The header and the totals row stay in view while the localities scroll, and the
    // lock, colour and name while the figures do.
    ImGui::TableSetupScrollFreeze(frozen_columns, 2);
    for (const Column& column : columns) {
        ImGui::TableSetupColumn(column.name.c_str(), column.width > 0 ? ImGuiTableColumnFlags_WidthFixed : 0, column.width);
    }
    headers_row(columns);
    totals_row(session, community, point_counts);

    for (std::size_t loc = 0; loc < state.locality_count(); ++loc) {
        const Locality& l = state.localities()[loc];
        const LiveStatistics& st = state.statistics(loc);
        ImGui::PushID(static_cast<int>(loc));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        bool locked = l.locked;
        const bool lock_changed = ImGui::Checkbox("##lock", &locked);
        if (loc == 0) note_control("Lock");
        if (lock_changed) session.report(editor.execute(std::make_unique<SetLocalityLock>(l.id, locked)));
        ImGui::TableNextColumn();
        ImVec4 colour = to_imvec(parse_hex_colour(l.colour));
        if (ImGui::ColorEdit3("##colour", &colour.x, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel)) {
            session.report(editor.execute(std::make_unique<EditLocality>(
                l.id, std::nullopt, to_hex_colour(colour.x, colour.y, colour.z))));
        }
        ImGui::TableNextColumn();
        const bool active = session.view.active_locality == static_cast<int>(loc);
        RenameField& rename = rename_field();
        if (rename.id == l.id) {
            name_field(session, rename, l);
        } else {
            if (ImGui::Selectable(l.name.c_str(), active, ImGuiSelectableFlags_AllowDoubleClick)) {
                session.view.active_locality = static_cast<int>(loc);
                if (ImGui::IsMouseDoubleClicked(0)) rename = {l.id, l.name, true};
            }
            // Right-click: the same, for a double-click too slow or too quick to count.
            if (ImGui::BeginPopupContextItem("row-menu")) {
                if (ImGui::MenuItem("Rename")) rename = {l.id, l.name, true};
                ImGui::EndPopup();
            }
        }
        ImGui::TableNextColumn();
        ImGui::Text("%zu", st.zones);
        for (std::size_t layer = 0; layer < layers; ++layer) {
            ImGui::TableNextColumn();
            ImGui::Text("%.0f", st.totals[layer]);
            ImGui::TableNextColumn();
            const double dev = state.deviation(loc, layer);
            if (state.within_tolerance(loc, layer)) ImGui::Text("%+.1f%%", 100 * dev);
            else ImGui::TextColored(ImVec4(0.85f, 0.1f, 0.1f, 1), "%+.1f%%", 100 * dev);
        }
        if (boundary_people) {
            ImGui::TableNextColumn();
            const LocalityStatistics* cs = community && loc < community->localities.size() ? &community->localities[loc] : nullptr;
            if (cs && cs->people > 0) ImGui::Text("%.0f%%", 100 * cs->people_on_boundary / cs->people);
            else ImGui::TextDisabled("-");
        }
        if (settlements) {
            ImGui::TableNextColumn();
            const int main = community && loc < community->localities.size() ? community->localities[loc].main_settlement : -1;
            if (main >= 0 && static_cast<std::size_t>(main) < settlements->groups.names.size()) {
                ImGui::TextUnformatted(settlements->groups.names[static_cast<std::size_t>(main)].c_str());
            } else {
                ImGui::TextDisabled("-");
            }
        }
        for (const std::vector<double>& counts : point_counts) {
            ImGui::TableNextColumn();
            ImGui::Text("%.0f", loc < counts.size() ? counts[loc] : 0.0);
        }
        ImGui::TableNextColumn();
        ImGui::Text("%.1f", st.area / 1e6);
        ImGui::TableNextColumn();
        ImGui::Text("%.3f", st.polsby_popper());
        ImGui::TableNextColumn();
        if (st.pieces <= 1) ImGui::Text("%zu", st.pieces);
        else ImGui::TextColored(ImVec4(0.85f, 0.1f, 0.1f, 1), "%zu split", st.pieces);
        ImGui::TableNextColumn();
        ImGui::Text("%zu", st.crossings);
        ImGui::PopID();
    }
    ImGui::EndTable();
    ImGui::Text("Unassigned zones: %zu   %s   Tolerance: ", state.unassigned_count(), locks_summary(state).c_str());
    for (std::size_t layer = 0; layer < layers; ++layer) {
        ImGui::SameLine();
        ImGui::Text("%s +/-%.0f%%", state.layers()[layer].name.c_str(), 100 * state.layers()[layer].tolerance);
    }
}

} // namespace lp::viewer
