#include "panels/alternatives_panel.hpp"

#include <lp/core/error.hpp>
#include <lp/ensemble/mixing.hpp>

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace lp::viewer {
namespace {

// A tooltip of a sentence or two, wrapped to a readable width.
void wrapped_tooltip(const char* text) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

} // namespace

void AlternativesPanel::menu_ui(const Session& session) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("Plan", session.document.has_plan())) {
        if (ImGui::MenuItem("Alternatives...", nullptr, open)) open = !open;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

bool AlternativesPanel::start(Session& session, std::uint64_t steps, std::uint64_t seed, unsigned chains, double target_ess,
                              double max_seconds) {
    if (!session.document.has_plan()) return false;
    EnsembleJobInputs inputs;
    try {
        inputs = ensemble_job_inputs(session.document.state(), session.figures.population());
    } catch (const Error& e) {
        session.view.status = std::string("alternatives: ") + e.what();
        return false;
    }
    inputs.zone_ids = session.data.dataset().zones.ids;
    inputs.origin = session.data.mesh().origin;
    if (borders_ && borders_mesh_ == session.data.mesh_generation()) inputs.borders = borders_;
    else inputs.zones = std::make_shared<const ZoneLayer>(session.data.dataset().zones);
    inputs.steps = std::max<std::uint64_t>(steps, 1);
    inputs.chains = std::clamp(chains, 1u, 2u);
    inputs.seed = seed;
    inputs.target_ess = target_ess;
    inputs.max_seconds = max_seconds;
    if (target_ess > 0) inputs.chains = 2;  // R-hat compares chains
    steps_ = static_cast<int>(std::min<std::uint64_t>(inputs.steps, 10'000'000));
    chains_ = static_cast<int>(inputs.chains);
    seed_ = static_cast<int>(seed);
    run_mesh_ = session.data.mesh_generation();
    started_revision_ = session.document.revision();
    open = true;
    job_.start(std::move(inputs));
    view_ = EnsembleJobView{};
    draw_order_.clear();
    session.view.status = "alternatives: sampling plans under the plan's rules (the plan itself is not changed)";
    return true;
}

void AlternativesPanel::refresh() {
    if (job_.generation() == view_.generation && !job_.running()) return;
    view_ = job_.view();
    if (view_.borders && view_.borders != borders_) {
        borders_ = view_.borders;
        borders_mesh_ = run_mesh_;
    }
    draw_order_.clear();
    for (std::size_t e = 0; e < view_.frequency.size(); ++e)
        if (view_.frequency[e] >= frequency_min_share) draw_order_.push_back(e);
    std::stable_sort(draw_order_.begin(), draw_order_.end(),
                     [&](std::size_t a, std::size_t b) { return view_.frequency[a] < view_.frequency[b]; });
}

void AlternativesPanel::ui(Session& session) {
    if (!open) return;
    refresh();
    shown_mesh_ = session.data.is_open() ? session.data.mesh_generation() : static_cast<std::size_t>(-2);
    const ImGuiIO& io = ImGui::GetIO();
    // Over the right panel, so the map (and its overlay) stays in view; never taller than the
    // window below the menu bar (it scrolls instead), so every row stays within reach.
    constexpr float width = 500;  // the measures' verdicts in words need the room
    const float top = ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - width, top), ImGuiCond_Appearing);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, std::max(200.0f, io.DisplaySize.y - top)));
    bool keep_open = true;
    if (ImGui::Begin("Alternatives", &keep_open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(width - 20);
        ImGui::TextDisabled("Plans sampled by ReCom under this plan's balance rules and locks. The plan is not changed.");
        ImGui::PopTextWrapPos();
        const bool running = job_.running();
        ImGui::BeginDisabled(running);
        ImGui::SetNextItemWidth(140);
        ImGui::InputInt("Steps", &steps_, 1000, 10000);
        steps_ = std::clamp(steps_, 100, 10'000'000);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(60);
        ImGui::SliderInt("Chains", &chains_, 1, 2);
        ImGui::SetNextItemWidth(140);
        ImGui::InputInt("Seed", &seed_);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (running) {
            if (ImGui::Button("Cancel")) job_.cancel();
        } else {
            ImGui::BeginDisabled(!session.document.has_plan());
            if (ImGui::Button("Start"))
                start(session, static_cast<std::uint64_t>(steps_), static_cast<std::uint64_t>(std::max(seed_, 0)),
                      static_cast<unsigned>(chains_));
            ImGui::SameLine();
            if (ImGui::Button("Run until reliable"))
                start(session, static_cast<std::uint64_t>(steps_), static_cast<std::uint64_t>(std::max(seed_, 0)), 2, kMinReliableEss);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("two chains until every measure has %.0f effective samples and R-hat <= %.2f (at most 5 minutes)",
                                  kMinReliableEss, kMaxReliableRhat);
            ImGui::EndDisabled();
        }
        float fraction =
            view_.steps_total ? static_cast<float>(view_.steps_done) / static_cast<float>(view_.steps_total) : 0.0f;
        char overlay[96];
        std::snprintf(overlay, sizeof overlay, "%llu / %llu steps", static_cast<unsigned long long>(view_.steps_done),
                      static_cast<unsigned long long>(view_.steps_total));
        if (view_.target_ess > 0) { // until reliable: how far the lowest ESS is from the target
            double lowest = view_.metrics.empty() ? 0.0 : view_.metrics.front().ess;
            for (const MetricSummary& m : view_.metrics) lowest = std::min(lowest, m.ess);
            fraction = view_.reliable ? 1.0f : std::min(0.99f, static_cast<float>(lowest / view_.target_ess));
            std::snprintf(overlay, sizeof overlay, "%llu steps, lowest ESS %.0f of %.0f",
                          static_cast<unsigned long long>(view_.steps_done), lowest, view_.target_ess);
        }
        ImGui::ProgressBar(fraction, ImVec2(-1, 0), overlay);
        ImGui::Text("%zu plans sampled, %s", view_.samples, steps_per_second_text(view_.steps_done, view_.seconds).c_str());
        if (view_.cancelled) ImGui::TextDisabled("cancelled: what was sampled so far is shown");
        if (!view_.plan_within_bands) {
            ImGui::PushTextWrapPos(width - 20);
            ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "the plan is outside its balance bands; the samples are within them");
            ImGui::PopTextWrapPos();
        }
        if (!view_.error.empty()) {
            ImGui::PushTextWrapPos(width - 20);
            ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", view_.error.c_str());
            ImGui::PopTextWrapPos();
        }
        if (session.document.has_plan() && session.document.revision() != started_revision_ && view_.steps_total > 0)
            ImGui::TextDisabled("the plan changed since: these figures are for the plan as it was");
        if (!view_.metrics.empty()) {
            ImGui::Separator();
            ImGui::PushTextWrapPos(width - 20);
            ImGui::TextUnformatted("The plan against the sampled plans, measure by measure (hover a measure for what it counts):");
            ImGui::PopTextWrapPos();
        }
        if (!view_.metrics.empty() &&
            ImGui::BeginTable("percentiles", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg,
                              ImVec2(width - 2 * ImGui::GetStyle().WindowPadding.x, 0))) {
            ImGui::TableSetupColumn("Measure", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn("Plan");
            ImGui::TableSetupColumn("Samples (5-95%)");
            ImGui::TableSetupColumn("ESS");
            ImGui::TableHeadersRow();
            for (const MetricSummary& m : view_.metrics) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", m.label.c_str());
                const bool hovered = ImGui::IsItemHovered();
                // Which way is better, and the verdict, in words: colour only repeats them.
                ImGui::TextDisabled("%s is better", m.higher_is_better ? "higher" : "lower");
                const int sign = metric_verdict_sign(m);
                const ImVec4 tone = sign > 0 ? ImVec4(0.05f, 0.45f, 0.15f, 1) : sign < 0 ? ImVec4(0.7f, 0.1f, 0.1f, 1)
                                                                                 : ImVec4(0.3f, 0.3f, 0.3f, 1);
                ImGui::PushStyleColor(ImGuiCol_Text, tone);
                ImGui::TextWrapped("%s", metric_verdict(m).c_str());
                ImGui::PopStyleColor();
                if (hovered || ImGui::IsItemHovered()) wrapped_tooltip(metric_meaning(m.name).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_figure(m.plan).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%s to %s", format_figure(m.low).c_str(), format_figure(m.high).c_str());
                ImGui::TableNextColumn();
                // Effective samples: how many independent plans the percentile stands on.
                if (m.reliable) ImGui::Text("%.0f", m.ess);
                else ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%.0f!", m.ess);
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("effective samples %.0f (%zu chains), R-hat %.3f; percentile 90%% interval %.0f..%.0f",
                                      m.ess, m.chain_ess.size(), m.rhat, m.percentile_low, m.percentile_high);
            }
            ImGui::EndTable();
        }
        if (!view_.metrics.empty()) {
            double worst_rhat = 1;
            for (const MetricSummary& m : view_.metrics) worst_rhat = std::max(worst_rhat, m.rhat);
            ImGui::TextDisabled("R-hat %.3f at most (chains agree at <= %.2f)", worst_rhat, kMaxReliableRhat);
            ImGui::PushTextWrapPos(width - 20);
            if (!view_.reliable)
                ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s%s", kUnreliableWarning,
                                   view_.time_cap ? " (stopped at the time limit)" : " - or Run until reliable");
            ImGui::PopTextWrapPos();
        }
        if (!view_.stability.empty() && session.document.has_plan() &&
            view_.stability.size() == session.document.state().locality_count()) {
            ImGui::Separator();
            ImGui::PushTextWrapPos(width - 20);
            ImGui::TextUnformatted(zones_kept_together_meaning);
            ImGui::PopTextWrapPos();
        }
        if (!view_.stability.empty() && session.document.has_plan() &&
            view_.stability.size() == session.document.state().locality_count() &&
            ImGui::BeginTable("stability", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg,
                              ImVec2(width - 2 * ImGui::GetStyle().WindowPadding.x, 0))) {
            ImGui::TableSetupColumn("Locality", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn("Zones kept together");
            ImGui::TableHeadersRow();
            for (std::size_t l = 0; l < view_.stability.size(); ++l) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(session.document.state().localities()[l].name.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%.0f%%", 100.0 * view_.stability[l]);
                if (ImGui::IsItemHovered()) wrapped_tooltip(zones_kept_together_meaning);
            }
            ImGui::EndTable();
        }
        ImGui::Checkbox("Boundary frequency on the map", &show_overlay);
        if (show_overlay) {
            // The ramp as a legend: never a boundary .. in every sample.
            ImDrawList* draw = ImGui::GetWindowDrawList();
            const ImVec2 at = ImGui::GetCursorScreenPos();
            constexpr int steps = 20;
            for (int pass = 0; pass < 2; ++pass) {  // the casing under every step, then the colours
                for (int i = 0; i < steps; ++i) {
                    const double share = (i + 0.5) / steps;
                    const float x = at.x + 60 + 12.0f * static_cast<float>(i);
                    if (pass == 0)
                        draw->AddLine(ImVec2(x - 1, at.y + 8), ImVec2(x + 13, at.y + 8), frequency_casing,
                                      frequency_width(share) + frequency_casing_extra);
                    else draw->AddLine(ImVec2(x, at.y + 8), ImVec2(x + 12, at.y + 8), frequency_colour(share), frequency_width(share));
                }
            }
            ImGui::TextUnformatted("rarely");
            ImGui::SameLine(60 + 12 * steps + 18);
            ImGui::TextUnformatted("always");
            ImGui::PushTextWrapPos(width - 20);
            ImGui::TextDisabled("How often each border between two zones is a locality boundary in the samples: a "
                                "border that is one in nearly every sample is a firm line, a rare one a free choice.");
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::End();
    if (!keep_open) {
        // Closing the window stops the chain; the plan was never touched.
        job_.cancel();
        open = false;
    }
}

void AlternativesPanel::draw_overlay(ImDrawList* draw, const MapCamera& camera) {
    if (!open || !show_overlay || !view_.borders) return;
    if (shown_mesh_ != run_mesh_) return;  // other data opened since: its borders differ
    const BorderLines& lines = *view_.borders;
    const Box visible = camera.visible();
    std::vector<ImVec2> points;
    // Two passes: every line's dark casing, then the colours over them, so a casing never
    // covers a neighbouring line's colour.
    for (int pass = 0; pass < 2; ++pass) {
        for (const std::size_t e : draw_order_) {
            if (e >= lines.size()) continue;
            const double share = view_.frequency[e];
            const Rgba colour = pass == 0 ? frequency_casing : frequency_colour(share);
            const float width = frequency_width(share) + (pass == 0 ? frequency_casing_extra : 0.0f);
            for (const Ring& line : lines[e]) {
                if (line.size() < 2) continue;
                bool seen = false;
                for (const Point& p : line)
                    seen = seen || (p.x >= visible.min_x && p.x <= visible.max_x && p.y >= visible.min_y && p.y <= visible.max_y);
                if (!seen) continue;
                points.clear();
                for (const Point& p : line) {
                    float sx = 0, sy = 0;
                    camera.to_screen(p, sx, sy);
                    points.emplace_back(sx, sy);
                }
                draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None, width);
            }
        }
    }
}

std::string AlternativesPanel::summary_line() const {
    const EnsembleJobView v = job_.view();
    char head[160];
    // "Run until reliable" has no step total: it runs until every measure has its samples.
    char steps[80];
    if (v.steps_total > 0)
        std::snprintf(steps, sizeof steps, "%llu of %llu steps", static_cast<unsigned long long>(v.steps_done),
                      static_cast<unsigned long long>(v.steps_total));
    else
        std::snprintf(steps, sizeof steps, "%llu steps until reliable (ESS %.0f)", static_cast<unsigned long long>(v.steps_done),
                      v.target_ess);
    std::snprintf(head, sizeof head, "alternatives: %s, %zu plans, %.1f s, %s", steps, v.samples, v.seconds,
                  steps_per_second_text(v.steps_done, v.seconds).c_str());
    std::string line = head;
    if (v.cancelled) line += ", cancelled";
    if (!v.plan_within_bands) line += ", the plan is outside its bands";
    for (const MetricSummary& m : v.metrics) {
        char part[256];
        std::snprintf(part, sizeof part, "; %s: plan %.4g, percentile %.0f (90%%: %.0f..%.0f), ESS %.0f, R-hat %.3f, ",
                      m.label.c_str(), m.plan, m.percentile, m.percentile_low, m.percentile_high, m.ess, m.rhat);
        line += part + metric_verdict(m);
    }
    if (!v.stability.empty()) {
        line += "; zones kept together per locality:";
        for (const double share : v.stability) {
            char part[16];
            std::snprintf(part, sizeof part, " %.0f%%", 100.0 * share);
            line += part;
        }
    }
    if (!v.metrics.empty()) line += v.reliable ? "; reliable" : std::string("; warning: ") + kUnreliableWarning;
    if (v.time_cap) line += " (time limit reached)";
    if (!v.error.empty()) line += "; error: " + v.error;
    return line;
}

} // namespace lp::viewer
