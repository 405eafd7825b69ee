// boundaries dissolve: merge zones that share an attribute value (or all zones) into
// one boundary each, written as RFC 7946 GeoJSON, GeoPackage or Shapefile.
#include "command_registry.hpp"
#include "data_options.hpp"
#include "output_layer_options.hpp"
#include "progress_line.hpp"

#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/geometry/dissolve.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/io/output_set.hpp>
#include <lp/plan/locality_plan.hpp>

#include <cmath>
#include <iostream>
#include <map>

namespace lp::cli {

namespace {

struct DissolveArgs {
    DataOptions data;
    std::string by;
    std::string out;
    OutputLayer layer{"dissolved", false, {}};
};

void run_dissolve(const DissolveArgs& args) {
    prepare_outputs({{"--out", args.out}}, args.data.inputs());
    naming_flags(output_layer_flag_words, [&] { check_output_path(args.out, args.layer); });
    DatasetOptions options = args.data.resolved();
    options.build_graph = false;
    Dataset ds = load_dataset_showing_progress(options);
    const ZoneLayer& zones = ds.zones;

    std::vector<std::string> values(zones.size(), "all");
    if (!args.by.empty()) {
        const auto* field = zones.field(args.by);
        if (!field)
            throw Error(ErrorKind::field_not_found, zones.source + ": no field '" + args.by + "' to dissolve by");
        values = *field;
    }
    std::map<std::string, int> group_of;
    for (const auto& v : values) group_of.emplace(v, 0);
    std::vector<std::string> names;
    for (auto& [value, group] : group_of) {
        group = static_cast<int>(names.size());
        names.push_back(value);
    }
    std::vector<int> groups(zones.size());
    for (std::size_t z = 0; z < zones.size(); ++z) groups[z] = group_of[values[z]];

    const auto shapes =
        dissolve_groups(zones.shapes, zones.boxes, groups, static_cast<int>(names.size()), options.graph.snap_tolerance);
    std::vector<int> counts(names.size(), 0);
    for (int g : groups) ++counts[g];
    std::vector<Feature> features;
    for (std::size_t g = 0; g < names.size(); ++g) {
        Feature f;
        f.shape = shapes[g];
        f.properties[args.by.empty() ? "group" : args.by] = names[g];
        f.properties["zones"] = counts[g];
        f.properties["area_km2"] = std::round(area(shapes[g]) / 1e4) / 100;
        features.push_back(std::move(f));
    }
    // Styled like localities (a GeoPackage or Shapefile opens in QGIS coloured by group and labelled).
    LayerStyle style;
    style.name = "dissolved";
    style.category_field = style.label_field = args.by.empty() ? "group" : args.by;
    for (std::size_t g = 0; g < names.size(); ++g) style.categories.push_back({names[g], names[g], default_locality_colour(g)});
    naming_flags(output_layer_flag_words, [&] { write_features(args.out, features, zones.working_crs, style, args.layer); });
    std::cout << "wrote " << features.size() << " feature(s) to " << shown_output_name(args.out) << layer_note(args.out, args.layer) << "\n";
}

const RegisterCommand registration([](CLI::App& app) {
    auto args = std::make_shared<DissolveArgs>();
    CLI::App* cmd = app.add_subcommand("dissolve", "Dissolve zones (by an attribute, or all) into boundaries");
    args->data.add_to(*cmd);
    cmd->add_option("--by", args->by, "Attribute whose values group the zones (default: dissolve all)");
    cmd->add_option("--out", args->out,
                    "Output: .geojson (RFC 7946), .gpkg, .shp, .fgb, or a PostGIS table (PG:\"dbname=gis ...\")")
        ->required();
    add_output_layer_options(*cmd, args->layer, "Layer to write in a .gpkg, or table in PG:");
    lp::app::set_examples(*cmd, {
      {"Glasgow's Data Zones dissolved into Intermediate Zones",
       "boundaries dissolve --zones $D/councils/dz2011_glasgow_city_S12000049.geojson \\\n  --id-field dz11_code --by iz11_code --out glasgow_iz.geojson"},
      {"Into a PostGIS table of its own schema",
       "boundaries dissolve --zones \"PG:dbname=gis\" --layer glasgow_zones --id-field dz11_code \\\n  --by iz11_code --out \"PG:dbname=gis\" --layer-name glasgow_iz --lco SCHEMA=planning"}});
    cmd->callback([args] { run_dissolve(*args); });
});

} // namespace

} // namespace lp::cli
