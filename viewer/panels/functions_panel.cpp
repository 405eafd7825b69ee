#include "panels/functions_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <array>
#include <map>
#include <cstdio>

namespace lp::viewer {
namespace {

constexpr std::array<Delivery, 4> deliveries = {Delivery::local, Delivery::hosted, Delivery::partnership_wide,
                                               Delivery::acute};

void set_arrangement(Session& session, const std::string& function, const std::string& locality, Arrangement a) {
    session.report(session.document.editor().execute(std::make_unique<SetArrangement>(function, locality, std::move(a))));
}

} // namespace

void fill_default_arrangements(Session& session) {
    const PlanState& state = session.document.state();
    auto fill = std::make_unique<CompositeCommand>("default arrangements");
    for (const IntegrationFunction& f : session.data.catalogue().functions) {
        for (const Locality& l : state.localities()) {
            const auto fn = state.arrangements().find(f.code);
            if (fn != state.arrangements().end() && fn->second.count(l.id)) continue;
            fill->add(std::make_unique<SetArrangement>(f.code, l.id, default_arrangement(f)));
        }
    }
    if (fill->size() == 0) {
        session.view.status = "every locality already has an arrangement for every function";
        return;
    }
    session.report(session.document.editor().execute(std::move(fill)));
}

namespace {

void check_section(Session& session) {
    const PlanCheck& check = session.figures.check();
    if (check.valid()) {
        ImGui::TextColored(ImVec4(0.1f, 0.55f, 0.1f, 1), "Statutory check: VALID");
    } else {
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "Statutory check: NOT VALID, %zu problems",
                           check.failures.size());
    }
    ImGui::BeginChild("check", ImVec2(0, 0), true);
    // Group by problem so a plan with 700 unassigned zones still reads at a glance.
    std::map<int, std::vector<const CheckFailure*>> by_rule;
    for (const CheckFailure& f : check.failures) by_rule[statutory_rule(f.problem)].push_back(&f);
    for (const auto& [rule, failures] : by_rule) {
        ImGui::Text("Rule %d: %zu", rule, failures.size());
        for (std::size_t i = 0; i < failures.size() && i < 6; ++i) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", failures[i]->message.c_str());
        }
        if (failures.size() > 6) ImGui::TextDisabled("   ... and %zu more", failures.size() - 6);
    }
    if (!check.crossings_used.empty()) {
        ImGui::Text("Water crossings keeping localities whole: %zu", check.crossings_used.size());
        for (std::size_t i = 0; i < check.crossings_used.size() && i < 8; ++i) {
            const CrossingUse& c = check.crossings_used[i];
            ImGui::BulletText("%s: %s - %s%s%s", c.locality.c_str(), c.zone_a.c_str(), c.zone_b.c_str(),
                              c.note.empty() ? "" : ", ", c.note.c_str());
        }
    }
    for (const std::string& w : check.warnings) {
        ImGui::TextColored(ImVec4(0.7f, 0.45f, 0, 1), "warning:");
        ImGui::SameLine();
        ImGui::TextWrapped("%s", w.c_str());
    }
    ImGui::EndChild();
}

} // namespace

void functions_panel_ui(Session& session) {
    if (!session.document.has_plan()) {
        ImGui::TextDisabled("No plan open.");
        return;
    }
    const PlanState& state = session.document.state();
    if (session.view.active_locality < 0 || state.locality_count() == 0) {
        ImGui::TextDisabled("Add a locality to set out its functions.");
        check_section(session);
        return;
    }
    const auto active = static_cast<std::size_t>(session.view.active_locality);
    const Locality& locality = state.localities()[active];
    ImGui::Text("Functions in %s", locality.name.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Fill defaults")) fill_default_arrangements(session);
    const auto& shares = session.figures.demand_shares();
    const float table_height = ImGui::GetContentRegionAvail().y * 0.62f;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("functions", 4, flags, ImVec2(0, table_height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Function", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Arrangement", ImGuiTableColumnFlags_WidthFixed, 150);
        ImGui::TableSetupColumn("Share", ImGuiTableColumnFlags_WidthFixed, 44);
        ImGui::TableSetupColumn("Notes", ImGuiTableColumnFlags_WidthFixed, 70);
        // Headers with tooltips saying what each column is (TableHeadersRow() has none).
        static const char* const tips[] = {
            "Function: an integrated health and social care function from the catalogue; hover a code for its name",
            "Arrangement: how the active locality gets it: local (its own service), hosted by another locality, "
            "partnership-wide, or acute (hospital)",
            "Share: the active locality's share of the partnership's demand for the function (from the catalogue's "
            "demand driver over the zones' columns); '-' when the data has no driver for it",
            "Notes: free text saved in the plan with the arrangement; Enter saves (one undo step)"};
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < 4; ++c) {
            if (!ImGui::TableSetColumnIndex(c)) continue;
            ImGui::TableHeader(ImGui::TableGetColumnName(c));
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
                ImGui::TextUnformatted(tips[c]);
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        for (std::size_t fi = 0; fi < session.data.catalogue().functions.size(); ++fi) {
            const IntegrationFunction& f = session.data.catalogue().functions[fi];
            ImGui::PushID(static_cast<int>(fi));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%s", f.code.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s, %s)", f.name.c_str(), f.category.c_str(),
                                                         to_string(f.delegation).c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%s", f.name.c_str());

            const Arrangement* current = nullptr;
            if (const auto fn = state.arrangements().find(f.code); fn != state.arrangements().end()) {
                if (const auto a = fn->second.find(locality.id); a != fn->second.end()) current = &a->second;
            }
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            std::string label = current ? to_string(current->delivery) : "(missing)";
            if (current && current->delivery == Delivery::hosted) {
                const int host = state.find_locality(current->hosted_by);
                label = "hosted by " + (host >= 0 ? state.localities()[static_cast<std::size_t>(host)].name
                                                  : current->hosted_by.empty() ? "?" : current->hosted_by);
            }
            if (!current) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.1f, 0.1f, 1));
            const bool open = ImGui::BeginCombo("##arr", label.c_str());
            if (!current) ImGui::PopStyleColor();
            if (open) {
                Arrangement base = current ? *current : Arrangement{};
                for (Delivery d : deliveries) {
                    if (d == Delivery::hosted) {
                        // One entry per possible host locality.
                        for (const Locality& host : state.localities()) {
                            const bool selected = current && current->delivery == d && current->hosted_by == host.id;
                            if (ImGui::Selectable(("hosted by " + host.name).c_str(), selected)) {
                                Arrangement a = base;
                                a.delivery = d;
                                a.hosted_by = host.id;
                                set_arrangement(session, f.code, locality.id, a);
                            }
                        }
                        continue;
                    }
                    if (ImGui::Selectable(to_string(d).c_str(), current && current->delivery == d)) {
                        Arrangement a = base;
                        a.delivery = d;
                        a.hosted_by.clear();
                        set_arrangement(session, f.code, locality.id, a);
                    }
                }
                ImGui::EndCombo();
            }
            ImGui::TableNextColumn();
            const FunctionDemandShare* share = nullptr;
            for (const FunctionDemandShare& s : shares) {
                if (s.code == f.code) share = &s;
            }
            if (share && share->available && active < share->share.size()) ImGui::Text("%.0f%%", 100 * share->share[active]);
            else ImGui::TextDisabled("-");
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            std::string notes = current ? current->notes : std::string();
            // Committed on Enter, so a note is one undo step, not one per keystroke.
            if (ImGui::InputText("##notes", &notes, ImGuiInputTextFlags_EnterReturnsTrue)) {
                Arrangement a = current ? *current : default_arrangement(f);
                a.notes = notes;
                set_arrangement(session, f.code, locality.id, a);
            }
            if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) ImGui::SetTooltip("%s", notes.empty() ? "notes: Enter saves" : notes.c_str());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    check_section(session);
}

} // namespace lp::viewer
