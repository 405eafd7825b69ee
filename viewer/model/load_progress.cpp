#include "model/load_progress.hpp"

#include <lp/report/report_style.hpp>

#include <algorithm>

namespace lp::viewer {

namespace {

// 6976 -> "6,976", as the report writes counts.
std::string grouped(std::size_t n) { return thousands(static_cast<double>(n)); }

// Where each stage starts and ends in the bar.
// Triangulating the map takes about as long as the rest on all of Scotland: the second half.
constexpr float reading_start = 0.0f, preparing_start = 0.25f, graph_start = 0.40f, mesh_start = 0.50f;

float within(float from, float to, std::size_t done, std::size_t total) {
    if (total == 0) return from;
    return from + (to - from) * std::min(1.0f, static_cast<float>(done) / static_cast<float>(total));
}

} // namespace

void LoadProgress::hear(const ReadProgress& p) {
    Shown shown;
    switch (p.stage) {
    case ReadStage::reading_features:
        shown.fraction = p.total > 0 ? within(reading_start, preparing_start, p.done, p.total) : -1;
        shown.text = "reading zones: " + grouped(p.done) + (p.total > 0 ? " of " + grouped(p.total) : std::string());
        if (p.kept != p.done) shown.text += " (" + grouped(p.kept) + " kept)";
        break;
    case ReadStage::preparing_zones:
        shown.fraction = within(preparing_start, graph_start, p.done, p.total);
        shown.text = "checking and repairing zones: " + grouped(p.done) + " of " + grouped(p.total);
        break;
    case ReadStage::building_graph:
        shown.fraction = within(graph_start, mesh_start, p.done, p.total);
        shown.text = "building the contiguity graph: step " + grouped(std::min(p.done + 1, p.total)) + " of " + grouped(p.total);
        break;
    case ReadStage::finished:
        shown.fraction = mesh_start;
        shown.text = grouped(p.total) + " zones read (" + grouped(p.repaired) + " repaired), " + grouped(p.graph_edges) +
                     " neighbours";
        break;
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    stages_ |= 1u << static_cast<unsigned>(p.stage);
    // A later stage never goes back (the graph's thread and the tables' may interleave).
    if (shown.fraction >= 0 && shown.fraction < shown_.fraction) return;
    shown_ = std::move(shown);
}

void LoadProgress::triangulating(std::size_t done, std::size_t total) {
    Shown shown{within(mesh_start, 1.0f, done, total),
                "triangulating the map: " + grouped(done) + " of " + grouped(total) + " zones"};
    const std::lock_guard<std::mutex> lock(mutex_);
    shown_ = std::move(shown);
}

unsigned LoadProgress::stages_heard() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return stages_;
}

LoadProgress::Shown LoadProgress::shown() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return shown_;
}

} // namespace lp::viewer
