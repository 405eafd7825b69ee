// Benchmark: what one edit costs the viewer on all of Scotland, step by step, as ratios
// to the edit itself (PlanEditor::paint of one boundary zone) measured in the same run:
// the figures the viewer derives once per revision (evaluate() for the table's people
// on boundaries, the plan as a file would hold it, the statutory check, the functions'
// demand shares) and the autosave (JSON text and the atomic write). The check and the
// shares are timed both ways in one run: from the plan as a file holds it (text maps,
// what the viewer did before issue 21) and from the editor's integer assignment
// (lp::check_state, lp::DemandShareTable, what it does now).
// Usage: bench_edit_latency PLAN.json [repeats]   (the plan's zones: every Data Zone)
#include <lp/data/dataset.hpp>
#include <lp/edit/plan_conversion.hpp>
#include <lp/edit/plan_editor.hpp>
#include <lp/edit/state_check.hpp>
#include <lp/io/atomic_file.hpp>
#include <lp/partition/statistics.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/demand_share_table.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/plan/plan_check.hpp>
#include <lp/plan/plan_file.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_edit_latency PLAN.json [repeats]\n");
        return 2;
    }
    const int repeats = argc > 2 ? std::stoi(argv[2]) : 20;
    const std::string data = LP_SHARED_DATA;
    lp::DatasetOptions options;
    options.zones.path = data + "/dz2011_scotland_bng.gpkg";
    options.zones.layer = "datazones";
    options.zones.id_field = "dz11_code";
    options.demand_paths = {data + "/demand/dz2011_population_2020.csv", data + "/demand/dz2011_simd2020.csv"};
    const lp::Dataset ds = lp::load_dataset(options);
    const lp::LocalityPlan plan = lp::read_plan(argv[1]);
    lp::BalanceLayer population{"pop2020_total", ds.demand.column("pop2020_total"), 0.5};
    lp::PlanEditor editor(lp::state_from_plan(plan, ds.zones.ids, ds.graph, {population}));
    const lp::FunctionCatalogue catalogue = lp::read_catalogue(lp::default_catalogue_path());
    const lp::DemandColumns drivers = lp::driver_columns(ds);

    // The first boundary zone the editor lets move.
    std::uint32_t zone = 0;
    int target = -1;
    for (const lp::GraphEdge& e : ds.graph.edges()) {
        const int a = editor.state().locality_of(e.a), b = editor.state().locality_of(e.b);
        if (a >= 0 && b >= 0 && a != b && editor.paint({e.a}, b).applied) {
            zone = e.a;
            target = b;
            editor.undo();
            break;
        }
    }
    if (target < 0) {
        std::fprintf(stderr, "no boundary zone can move\n");
        return 1;
    }
    const std::string scratch = (std::filesystem::temp_directory_path() / "bench_edit_latency.recovery.json").string();

    struct Step {
        const char* name;
        std::function<void()> run;
        double ms = 0;
    };
    lp::LocalityPlan current;
    std::string text;
    lp::CheckInput input;
    input.zone_ids = ds.zones.ids;
    input.graph = &ds.graph;
    input.catalogue = &catalogue;
    lp::DemandShareTable table(catalogue, drivers);
    table.update(editor.state().assignment(), editor.state().locality_count());
    std::vector<Step> steps{
        {"paint one zone (the edit)", [&] { editor.paint({zone}, target); }},
        {"evaluate() with people (table)", [&] {
             lp::CommunityContext community;
             community.population = &population.values;
             const auto& s = editor.state();
             lp::evaluate(ds.graph, s.assignment(), static_cast<int>(s.locality_count()), s.layers(), {}, community);
         }},
        {"now: check of the editor's state", [&] { lp::check_state(editor.state(), plan.crossings, input); }},
        {"now: demand shares kept up to date", [&] {
             table.update(editor.state().assignment(), editor.state().locality_count());
             table.shares();
         }},
        {"before: plan_from_state (text maps)", [&] { current = lp::plan_from_state(editor.state(), ds.zones.ids, plan); }},
        {"before: statutory check of the plan", [&] { lp::check_plan(current, input); }},
        {"before: demand shares of the plan", [&] { lp::function_demand_shares(current, catalogue, drivers, ds.zones.ids); }},
        {"autosave: JSON text", [&] { text = lp::plan_to_json_text(current); }},
        {"autosave: atomic write", [&] { lp::write_file_atomically(scratch, text); }},
        {"undo", [&] { editor.undo(); }},
    };
    for (int r = 0; r < repeats + 1; ++r) {
        for (Step& step : steps) {
            const auto start = std::chrono::steady_clock::now();
            step.run();
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            if (r > 0) step.ms += ms; // the first round warms caches
        }
    }
    std::filesystem::remove(scratch);
    const double edit = steps.front().ms / repeats;
    std::printf("%zu zones, %zu localities, %d repeats (mean ms per edit; ratio to the edit itself)\n", ds.zones.size(),
                editor.state().locality_count(), repeats);
    double before = 0, now = 0;
    for (const Step& step : steps) {
        std::printf("  %-40s %8.3f ms  x%.1f\n", step.name, step.ms / repeats, step.ms / repeats / edit);
        const std::string name = step.name;
        if (name.rfind("before:", 0) == 0) before += step.ms / repeats;
        if (name.rfind("now:", 0) == 0) now += step.ms / repeats;
    }
    std::printf("check and shares after an edit: %.3f ms before, %.3f ms now (%.1fx faster)\n", before, now,
                now > 0 ? before / now : 0.0);
    return 0;
}
