// The Alternatives window without a window: its figures (percentiles, boundary
// frequencies, the overlay's colour ramp) and its background chain, which reads a
// snapshot of the plan and never changes it, whether it runs to the end or is cancelled.
#include "model/alternatives_summary.hpp"
#include "model/column_names.hpp"
#include "jobs/ensemble_job.hpp"
#include "../../grid_graph.hpp"

#include <lp/core/error.hpp>
#include <lp/edit/plan_editor.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <thread>

using namespace lp;
using namespace lp::viewer;
using lp::test::cell;
using lp::test::grid_graph;

namespace {

constexpr int kSide = 6;

std::vector<BalanceLayer> people(std::size_t n) { return {{"pop_total", std::vector<double>(n, 100.0), 0.2}}; }

// West (columns 0-2) and east (3-5) halves of a 6x6 grid, then one edit to undo: a
// plan with an undo stack and unsaved changes, as the planner leaves it.
PlanEditor edited_plan(const ContiguityGraph& graph) {
    PlanEditor editor(graph, people(graph.size()));
    editor.execute(std::make_unique<AddLocality>(Locality{"W", "West", "#e69f00", false}));
    editor.execute(std::make_unique<AddLocality>(Locality{"E", "East", "#56b4e9", false}));
    std::vector<std::uint32_t> west, east;
    for (std::uint32_t r = 0; r < kSide; ++r)
        for (std::uint32_t c = 0; c < kSide; ++c) (c < 3 ? west : east).push_back(cell(r, c, kSide));
    REQUIRE(editor.paint(west, 0).applied);
    REQUIRE(editor.paint(east, 1).applied);
    REQUIRE(editor.paint({cell(0, 3, kSide)}, 0).applied);
    return editor;
}

struct PlanFingerprint {
    std::vector<int> assignment;
    std::size_t undo_depth, state_id, revision;
    bool can_redo;
    explicit PlanFingerprint(const PlanEditor& editor)
        : assignment(editor.state().assignment()), undo_depth(editor.undo_depth()), state_id(editor.state_id()),
          revision(editor.revision()), can_redo(editor.can_redo()) {}
    bool operator==(const PlanFingerprint&) const = default;
};

// Squares of 100 m matching grid_graph's cells.
std::shared_ptr<const ZoneLayer> grid_zones() {
    auto zones = std::make_shared<ZoneLayer>();
    zones->working_crs = "EPSG:27700";
    for (int r = 0; r < kSide; ++r)
        for (int c = 0; c < kSide; ++c) {
            const double x = c * 100.0, y = r * 100.0;
            Polygon square;
            square.exterior = {{x, y}, {x + 100, y}, {x + 100, y + 100}, {x, y + 100}, {x, y}};
            zones->ids.push_back("Z" + std::to_string(r * kSide + c));
            zones->names.push_back(zones->ids.back());
            zones->shapes.push_back({square});
            zones->areas.push_back(100.0 * 100.0);
            zones->boxes.push_back(Box{x, y, x + 100, y + 100});
        }
    zones->rebuild_index();
    return zones;
}

EnsembleJobView wait_for(const EnsembleJob& job) {
    for (int i = 0; i < 6000 && job.running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE_FALSE(job.running());
    return job.view();
}

} // namespace

TEST_CASE("alternatives: measures are labelled in the units the window shows", "[viewer][alternatives]") {
    CHECK(metric_label("cut_length_m") == "Length of boundaries (km)");
    CHECK(metric_scale("cut_length_m") == Approx(1e-3));
    CHECK(metric_label("people_on_boundary") == "People living on a boundary");
    CHECK(metric_label("max_deviation_pop2020_total") ==
          "Largest gap from the average, " + plain_column_name("pop2020_total") + " (%)");
    CHECK(metric_scale("max_deviation_pop2020_total") == Approx(100.0));
    CHECK(metric_label("mean_polsby_popper") == "Compactness (mean Polsby-Popper)");
    CHECK(metric_label("settlements_split") == "Settlements split");
    CHECK(metric_label("split_groups") == "Groups split");
    CHECK(format_figure(31030.4) == "31030");
    CHECK(format_figure(10.2549) == "10.3");
    CHECK(format_figure(0.38476) == "0.385");
    CHECK(steps_per_second_text(500, 0.0) == "-");
    CHECK(steps_per_second_text(500, 2.0) == "250 steps/s");
}

TEST_CASE("alternatives: no measure shows an internal name, and each says which way is better", "[viewer][alternatives]") {
    for (const std::string name : {"cut_length_m", "people_on_boundary", "split_groups", "settlements_split",
                                   "max_deviation_pop2020_total", "mean_polsby_popper"}) {
        INFO(name);
        const std::string label = metric_label(name), meaning = metric_meaning(name);
        CHECK(label.find('_') == std::string::npos);
        CHECK(meaning.find('_') == std::string::npos);
        CHECK(meaning.find(metric_higher_is_better(name) ? "Higher is better." : "Lower is better.") != std::string::npos);
    }
    CHECK(metric_higher_is_better("mean_polsby_popper"));
    CHECK_FALSE(metric_higher_is_better("cut_length_m"));
    CHECK_FALSE(metric_higher_is_better("people_on_boundary"));
}

TEST_CASE("alternatives: the verdict says better or worse in words, the right way for each measure", "[viewer][alternatives]") {
    MetricSummary cut;
    cut.name = "cut_length_m";
    cut.higher_is_better = false;
    cut.percentile = 10;  // 10% of samples have shorter boundaries: the plan beats 90%
    CHECK(share_beaten(cut) == Approx(90));
    CHECK(metric_verdict_sign(cut) == 1);
    CHECK(metric_verdict(cut) == "Better than 90% of the samples");
    cut.percentile = 85;
    CHECK(metric_verdict_sign(cut) == -1);
    CHECK(metric_verdict(cut) == "Worse than 85% of the samples");
    MetricSummary compact;
    compact.name = "mean_polsby_popper";
    compact.higher_is_better = true;
    compact.percentile = 85;  // rounder than 85% of the samples
    CHECK(metric_verdict(compact) == "Better than 85% of the samples");
    compact.percentile = 50;
    CHECK(metric_verdict_sign(compact) == 0);
    CHECK(metric_verdict(compact) == "Typical: better than 50% of the samples");
}

TEST_CASE("alternatives: the frequency ramp darkens and widens as a border is cut more often", "[viewer][alternatives]") {
    auto luminance = [](Rgba c) { return 0.2126 * (c & 0xff) + 0.7152 * ((c >> 8) & 0xff) + 0.0722 * ((c >> 16) & 0xff); };
    double last_luminance = 1e9;
    float last_width = 0;
    for (int i = 0; i <= 20; ++i) {
        const double share = i / 20.0;
        INFO("share " << share);
        CHECK(luminance(frequency_colour(share)) < last_luminance);
        CHECK(frequency_width(share) > last_width);
        last_luminance = luminance(frequency_colour(share));
        last_width = frequency_width(share);
    }
    CHECK(frequency_colour(-1) == frequency_colour(0));
    CHECK(frequency_colour(2) == frequency_colour(1));
}

TEST_CASE("alternatives: the tally counts cut borders and places the plan among the samples", "[viewer][alternatives]") {
    const ContiguityGraph graph = grid_graph(2, 1);  // two zones, one edge
    EnsembleTally tally({"cut_length_m", "max_deviation_pop"}, {1000.0, 0.05}, graph.edges().size());
    CHECK(tally.summaries().empty());
    tally.add({500.0, 0.01}, {0, 1}, graph);
    tally.add({1500.0, 0.10}, {0, 0}, graph);
    tally.add({2000.0, 0.20}, {1, 0}, graph);
    tally.add({3000.0, 0.30}, {1, 1}, graph);
    REQUIRE(tally.samples() == 4);
    REQUIRE(tally.frequencies() == std::vector<double>{0.5});
    const auto summaries = tally.summaries();
    REQUIRE(summaries.size() == 2);
    CHECK(summaries[0].plan == Approx(1.0));          // km
    CHECK(summaries[0].percentile == Approx(25.0));   // one sample of four below
    CHECK(summaries[0].median == Approx(1.75));
    CHECK(summaries[1].plan == Approx(5.0));          // per cent
    CHECK(summaries[1].percentile == Approx(25.0));

    // Two batches: zone shares weighted by each batch's samples, then averaged per locality.
    CHECK(tally.locality_stability({0, 1}, 2) == std::vector<double>{0.0, 0.0});
    tally.add_coassignment({1.0, 0.5}, 1);
    tally.add_coassignment({0.5, 0.5}, 3);
    const auto stability = tally.locality_stability({0, 1}, 2);
    CHECK(stability[0] == Approx((1.0 + 1.5) / 4));
    CHECK(stability[1] == Approx(0.5));
    CHECK(tally.locality_stability({0, 0}, 2)[1] == 0.0);  // a locality without zones
}

TEST_CASE("alternatives: the snapshot refuses a plan with a zone in no locality", "[viewer][alternatives]") {
    const ContiguityGraph graph = grid_graph(kSide, kSide);
    PlanEditor editor(graph, people(graph.size()));
    editor.execute(std::make_unique<AddLocality>(Locality{"W", "West", "#e69f00", false}));
    editor.execute(std::make_unique<AddLocality>(Locality{"E", "East", "#56b4e9", false}));
    REQUIRE(editor.paint({0, 1, 2}, 0).applied);
    CHECK_THROWS_AS(ensemble_job_inputs(editor.state(), nullptr), Error);
}

TEST_CASE("alternatives: a chain run to the end leaves the plan untouched and shows every border",
          "[viewer][alternatives]") {
    const ContiguityGraph graph = grid_graph(kSide, kSide);
    PlanEditor editor = edited_plan(graph);
    REQUIRE(editor.lock_zones({cell(5, 0, kSide)}, true).applied);
    const PlanFingerprint before(editor);
    const std::vector<double> population(graph.size(), 100.0);

    EnsembleJobInputs inputs = ensemble_job_inputs(editor.state(), &population);
    CHECK(inputs.locks[cell(5, 0, kSide)] == 0);
    CHECK(inputs.locks[cell(5, 5, kSide)] == -1);
    inputs.zones = grid_zones();
    inputs.origin = {100.0, 200.0};
    inputs.steps = 3000;
    inputs.chains = 2;
    inputs.seed = 7;
    EnsembleJob job;
    job.start(std::move(inputs));
    const EnsembleJobView view = wait_for(job);
    REQUIRE(view.error.empty());
    CHECK_FALSE(view.cancelled);
    CHECK(view.plan_within_bands);
    REQUIRE(view.stability.size() == 2);
    for (const double share : view.stability) {
        CHECK(share > 0.5);  // most zones stay with most of their locality
        CHECK(share <= 1.0);
    }
    CHECK(view.steps_done == 6000);
    CHECK(view.samples == 600);  // a sample every 10 steps of each chain
    REQUIRE(view.metrics.size() == 4);  // cut length, people on a boundary, max deviation, Polsby-Popper
    for (const MetricSummary& m : view.metrics) {
        CHECK(m.percentile >= 0);
        CHECK(m.percentile <= 100);
        CHECK(m.low <= m.high);
    }
    // A boundary along the grid's middle is cut in some samples, not all; the locked
    // corner zone always stays in the west.
    REQUIRE(view.frequency.size() == graph.edges().size());
    double most = 0;
    for (const double f : view.frequency) most = std::max(most, f);
    CHECK(most > 0.2);
    // Border lines: one per edge, in the map's coordinates (shifted by the origin).
    REQUIRE(view.borders);
    REQUIRE(view.borders->size() == graph.edges().size());
    // Zones 0 and 1 share the line x = 100 (and shared_borders keeps the 10 m of zone 0's
    // outline within its snap distance of zone 1 at each end).
    const GraphEdge& first = graph.edges().front();
    REQUIRE_FALSE((*view.borders)[0].empty());
    for (const Point& p : (*view.borders)[0].front()) {
        CHECK(p.x >= 90.0 - 100.0 - 1e-6);
        CHECK(p.x <= 100.0 - 100.0 + 1e-6);
        CHECK(p.y >= -200.0 - 1e-6);
        CHECK(p.y <= -100.0 + 1e-6);
    }
    CHECK(first.a == 0);
    CHECK(PlanFingerprint(editor) == before);
}

TEST_CASE("alternatives: cancel stops the chain and leaves the plan, its undo stack and unsaved state as they were",
          "[viewer][alternatives]") {
    const ContiguityGraph graph = grid_graph(kSide, kSide);
    PlanEditor editor = edited_plan(graph);
    const PlanFingerprint before(editor);
    EnsembleJobInputs inputs = ensemble_job_inputs(editor.state(), nullptr);
    inputs.steps = 50'000'000;  // far more than runs before the cancel
    EnsembleJob job;
    job.start(std::move(inputs));
    for (int i = 0; i < 500 && job.view().steps_done == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    job.cancel();
    job.stop();
    const EnsembleJobView view = job.view();
    CHECK(view.cancelled);
    CHECK(view.finished);
    CHECK(view.steps_done < view.steps_total);
    CHECK(PlanFingerprint(editor) == before);
    // The planner goes on editing: undo still walks back the last edit.
    REQUIRE(editor.undo());
    CHECK(editor.state().locality_of(cell(0, 3, kSide)) == 1);

    // Stopping mid-run (closing the window) without a cancel first.
    const PlanFingerprint after_undo(editor);
    EnsembleJob closing;
    EnsembleJobInputs again = ensemble_job_inputs(editor.state(), nullptr);
    again.steps = 50'000'000;
    closing.start(std::move(again));
    closing.stop();
    CHECK(closing.view().cancelled);
    CHECK(PlanFingerprint(editor) == after_undo);
}

TEST_CASE("alternatives: the tally's diagnostics read each chain and warn until the samples are enough",
          "[viewer][alternatives]") {
    const ContiguityGraph graph = grid_graph(2, 1);
    EnsembleTally tally({"cut_length_m"}, {1000.0}, graph.edges().size());
    CHECK_FALSE(tally.reliable(100));
    // Two chains of a slowly wandering value (AR(1), rho 0.95): 1000 draws each have about
    // 1000 x 0.05 / 1.95 = 26 effective samples, 51 in all: not enough.
    double x[2] = {0, 0};
    std::uint64_t state = 1;
    auto noise = [&state] { // a fixed uniform stream, centred
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) * 0x1.0p-53 - 0.5;
    };
    for (int i = 0; i < 1000; ++i)
        for (unsigned c = 0; c < 2; ++c) {
            x[c] = 0.95 * x[c] + noise();
            tally.add({1000.0 + 100 * x[c]}, {0, 1}, graph, c);
        }
    auto summaries = tally.summaries();
    REQUIRE(summaries.size() == 1);
    REQUIRE(summaries[0].chain_ess.size() == 2);
    CHECK(summaries[0].ess > 20);
    CHECK(summaries[0].ess < 110);
    CHECK_FALSE(summaries[0].reliable);
    CHECK(summaries[0].percentile_low <= summaries[0].percentile);
    CHECK(summaries[0].percentile_high >= summaries[0].percentile);
    CHECK_FALSE(tally.reliable(100));
    // Independent draws: the effective samples pass 100 and the chains agree, also once a
    // long run's record has been halved (every other draw kept past 4096 per chain).
    EnsembleTally independent({"cut_length_m"}, {1000.0}, graph.edges().size());
    for (int i = 0; i < 5000; ++i)
        for (unsigned c = 0; c < 2; ++c) independent.add({1000.0 + 100 * noise()}, {0, 1}, graph, c);
    summaries = independent.summaries();
    CHECK(independent.samples() == 10000);
    CHECK(summaries[0].ess > 1000);
    CHECK(summaries[0].ess < 7000);  // from the halved record (about 2 x 2500), not all 10000
    CHECK(summaries[0].rhat < 1.05);
    CHECK(summaries[0].reliable);
    CHECK(independent.reliable(100));
    CHECK_FALSE(independent.reliable(50000));
}

TEST_CASE("alternatives: Run until reliable samples until every measure is reliable", "[viewer][alternatives]") {
    const ContiguityGraph graph = grid_graph(kSide, kSide);
    PlanEditor editor = edited_plan(graph);
    const PlanFingerprint before(editor);
    const std::vector<double> population(graph.size(), 100.0);
    EnsembleJobInputs inputs = ensemble_job_inputs(editor.state(), &population);
    inputs.chains = 2;
    inputs.steps = 2000;  // no end: the target decides
    inputs.target_ess = 200;
    inputs.max_seconds = 120;
    inputs.seed = 3;
    EnsembleJob job;
    job.start(std::move(inputs));
    const EnsembleJobView view = wait_for(job);
    REQUIRE(view.error.empty());
    CHECK_FALSE(view.time_cap);
    CHECK(view.reliable);
    CHECK(view.steps_total == 0);
    CHECK(view.steps_done > 4000);  // past the first batch of each chain
    REQUIRE_FALSE(view.metrics.empty());
    for (const MetricSummary& m : view.metrics) {
        INFO(m.name);
        CHECK(m.ess >= 200);
        CHECK(m.rhat <= 1.05);
        CHECK(m.reliable);
    }
    CHECK(PlanFingerprint(editor) == before);
}
