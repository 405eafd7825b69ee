#include "panels/balance_panel.hpp"

#include <lp/core/error.hpp>

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lp::viewer {

namespace {

void check_band(const std::string& column, double tolerance) {
    // Any band above zero: 100% and more only stops asking for a lower bound.
    if (!std::isfinite(tolerance) || !(tolerance > 0))
        throw Error(ErrorKind::bad_setting, "balance " + column + ": the band must be above 0%");
}

std::vector<BalanceSpec>::iterator find_layer(std::vector<BalanceSpec>& specs, const std::string& column) {
    return std::find_if(specs.begin(), specs.end(), [&](const BalanceSpec& s) { return s.column == column; });
}

} // namespace

void add_balance_layer(Session& session, const std::string& column, double tolerance) {
    if (!session.data.is_open() || !session.data.dataset().demand.has(column))
        throw Error(ErrorKind::bad_setting, "balance add: the demand tables have no column '" + column + "'");
    check_band(column, tolerance);
    std::vector<BalanceSpec> specs = session.document.balance_specs();
    if (find_layer(specs, column) != specs.end()) throw Error(ErrorKind::bad_setting, "balance add: " + column + " is balanced already");
    specs.push_back({column, tolerance});
    session.edit_balance(std::move(specs), "balance " + column);
    session.view.status = "balancing " + column + " (Ctrl+Z undoes)";
}

void set_balance_band(Session& session, const std::string& column, double tolerance) {
    check_band(column, tolerance);
    std::vector<BalanceSpec> specs = session.document.balance_specs();
    auto it = find_layer(specs, column);
    if (it == specs.end()) throw Error(ErrorKind::bad_setting, "balance set: " + column + " is not balanced");
    if (it->tolerance == tolerance) return;
    it->tolerance = tolerance;
    char text[64];
    std::snprintf(text, sizeof text, "%g%%", tolerance * 100.0);
    session.edit_balance(std::move(specs), "band of " + column + " +/-" + text);
    session.view.status = "band of " + column + " set to +/-" + text;
}

void remove_balance_layer(Session& session, const std::string& column) {
    std::vector<BalanceSpec> specs = session.document.balance_specs();
    auto it = find_layer(specs, column);
    if (it == specs.end()) throw Error(ErrorKind::bad_setting, "balance remove: " + column + " is not balanced");
    if (specs.size() == 1) throw Error(ErrorKind::bad_setting, "balance remove: the plan needs at least one balance layer");
    specs.erase(it);
    session.edit_balance(std::move(specs), "stop balancing " + column);
    session.view.status = "no longer balancing " + column;
}

void balance_panel_ui(Session& session) {
    if (!session.data.is_open()) return;
    if (!ImGui::CollapsingHeader("Balance rules", ImGuiTreeNodeFlags_DefaultOpen)) return;
    const auto attempt = [&](const char* title, const auto& change) {
        try {
            change();
        } catch (const std::exception& e) {
            session.view.errors.add(title, e.what());
        }
    };
    // Copied: an edit replaces the list while we walk it.
    const std::vector<BalanceSpec> specs = session.document.balance_specs();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Each locality within its band of the mean. Saved in the plan.");
    ImGui::PopTextWrapPos();
    for (const BalanceSpec& spec : specs) {
        ImGui::PushID(spec.column.c_str());
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(spec.column.c_str());
        ImGui::SameLine(190);
        float percent = static_cast<float>(spec.tolerance * 100.0);
        ImGui::SetNextItemWidth(150);
        // Up to 300%: an island council or a city kept whole runs far beyond the mean.
        ImGui::SliderFloat("##band", &percent, 0.5f, 300.0f, "+/- %.1f %%",
                           ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_Logarithmic);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            // One change per drag, rounded to a tenth of a per cent.
            const double band = std::round(static_cast<double>(percent) * 10.0) / 1000.0;
            attempt("Could not set the band", [&] { set_balance_band(session, spec.column, band); });
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(specs.size() < 2);
        if (ImGui::SmallButton("Remove")) attempt("Could not remove the layer", [&] { remove_balance_layer(session, spec.column); });
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    static std::string picked;
    ImGui::SetNextItemWidth(230);
    if (ImGui::BeginCombo("##add-column", picked.empty() ? "demand column..." : picked.c_str())) {
        for (const std::string& name : session.data.dataset().demand.names) {
            const bool used = std::any_of(specs.begin(), specs.end(), [&](const BalanceSpec& s) { return s.column == name; });
            if (used) continue;
            if (ImGui::Selectable(name.c_str(), name == picked)) picked = name;
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(picked.empty());
    if (ImGui::Button("Add layer")) {
        attempt("Could not add the layer", [&] { add_balance_layer(session, picked, viewer_default_balance_tolerance); });
        picked.clear();
    }
    ImGui::EndDisabled();
}

} // namespace lp::viewer
