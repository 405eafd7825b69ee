// boundaries inspect: what a zone layer holds and how its zones join up.
#include "command_registry.hpp"
#include "data_options.hpp"

#include "exit_codes.hpp"
#include "progress_line.hpp"

#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace lp::cli {

namespace {

struct InspectArgs {
    DataOptions data;
    bool json = false;
};

void run_inspect(const InspectArgs& args) {
    DatasetOptions options = args.data.resolved();
    options.zones.tolerate_bad_ids = true; // list every id problem rather than stop at the first
    Dataset ds = load_dataset_showing_progress(options);
    const ZoneLayer& zones = ds.zones;
    const ContiguityGraph& graph = ds.graph;

    std::size_t before = 0, after = 0;
    graph.components(true, &before);
    graph.components(false, &after);
    double total_area = 0;
    for (double a : zones.areas) total_area += a;
    std::size_t land_edges = 0;
    for (const auto& e : graph.edges()) land_edges += e.crossing ? 0 : 1;

    if (args.json) {
        nlohmann::ordered_json j;
        j["source"] = zones.source;
        j["layer"] = zones.layer_name;
        j["zones"] = zones.size();
        j["crs"] = zones.source_crs;
        j["working_crs"] = zones.working_crs;
        j["area_km2"] = total_area / 1e6;
        j["edges"] = graph.edges().size();
        j["land_edges"] = land_edges;
        j["components_before_crossings"] = before;
        j["components"] = after;
        j["max_crossing_km"] = options.graph.max_crossing_metres / 1000.0;
        j["crossings"] = nlohmann::ordered_json::array();
        for (const auto& c : graph.crossings)
            j["crossings"].push_back({{"zone_a", zones.ids[c.a]},
                                      {"zone_b", zones.ids[c.b]},
                                      {"distance_m", std::round(c.distance * 10) / 10},
                                      {"source", c.user_supplied ? "user" : "automatic"},
                                      {"note", c.note}});
        j["repaired"] = nlohmann::ordered_json::array();
        for (const auto& r : zones.repairs) j["repaired"].push_back({{"zone", r.zone_id}, {"reason", r.what}});
        j["id_problems"] = zones.id_problems;
        j["demand_columns"] = ds.demand.names;
        std::cout << j.dump(2) << "\n";
    } else {
        std::printf("source:      %s (layer %s)\n", zones.source.c_str(), zones.layer_name.c_str());
        std::printf("zones:       %zu\n", zones.size());
        std::printf("CRS:         %s (working CRS %s)\n",
                    zones.source_crs.size() > 60 ? "custom WKT" : zones.source_crs.c_str(), zones.working_crs.c_str());
        std::printf("total area:  %.2f km2\n", total_area / 1e6);
        std::printf("edges:       %zu (%zu land, %zu crossings)\n", graph.edges().size(), land_edges,
                    graph.crossings.size());
        std::printf("components:  %zu on land, %zu with crossings\n", before, after);
        std::printf("             automatic crossings at most %g km (--max-crossing-km)\n",
                    options.graph.max_crossing_metres / 1000.0);
        for (const auto& c : graph.crossings)
            std::printf("  crossing   %s (%s) - %s (%s): %.0f m, %s%s%s\n", zones.ids[c.a].c_str(),
                        zones.names[c.a].c_str(), zones.ids[c.b].c_str(), zones.names[c.b].c_str(), c.distance,
                        c.user_supplied ? "user" : "automatic", c.note.empty() ? "" : ", ", c.note.c_str());
        std::printf("repaired:    %zu geometries\n", zones.repairs.size());
        for (const auto& r : zones.repairs) std::printf("  %s: %s\n", r.zone_id.c_str(), r.what.c_str());
        std::printf("id problems: %zu\n", zones.id_problems.size());
        for (const auto& p : zones.id_problems) std::printf("  %s\n", p.c_str());
        if (!ds.demand.names.empty()) {
            std::printf("demand:      ");
            for (std::size_t i = 0; i < ds.demand.names.size(); ++i)
                std::printf("%s%s", i ? ", " : "", ds.demand.names[i].c_str());
            std::printf("\n");
        }
    }
    if (!zones.id_problems.empty()) set_exit_status(lp::app::exit_status(lp::app::ExitCode::duplicate_id));
}

const RegisterCommand registration([](CLI::App& app) {
    auto args = std::make_shared<InspectArgs>();
    CLI::App* cmd = app.add_subcommand("inspect", "Zone count, CRS, area, contiguity graph, crossings, repairs");
    args->data.add_to(*cmd);
    cmd->add_flag("--json", args->json, "Print one JSON object");
    lp::app::set_examples(*cmd, {
      {"What Orkney's zones hold: CRS, area, graph, islands and their crossings",
       "boundaries inspect --zones $D/dz2011_scotland_bng.gpkg --layer datazones \\\n  --id-field dz11_code --filter-field ca_code --filter S12000023"},
      {"The same as one JSON object, for a script",
       "boundaries inspect --zones $D/dz2011_scotland_bng.gpkg --layer datazones \\\n  --id-field dz11_code --filter-field ca_code --filter S12000023 --json"}});
    cmd->callback([args] { run_inspect(*args); });
});

} // namespace

} // namespace lp::cli
