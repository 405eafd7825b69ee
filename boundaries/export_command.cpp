// boundaries export --format qgis: a plan as a QGIS project folder, ready to open: the
// localities (GeoPackage, styled and labelled), the zones coloured by locality, and the
// plan's point layers (GP practices, hospitals: those within --point-margin of the
// partnership, labelled by name), with a .qgz project naming them by relative path, so the
// folder can be moved or shared.
#include "command_registry.hpp"
#include "data_options.hpp"
#include "output_layer_options.hpp"
#include "plan_inputs.hpp"

#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/geometry/dissolve.hpp>
#include <lp/geometry/points_near.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/io/output_set.hpp>
#include <lp/io/qgis_project.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/plan/plan_sources.hpp>
#include <lp/report/locality_features.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>

namespace lp::cli {

namespace {

namespace fs = std::filesystem;

struct ExportArgs {
    DataOptions data;
    std::string plan;
    std::string format = "qgis";
    std::string out;
    OutputLayer layer; // the plan's layer in both GeoPackages; named after each file by default
    double point_margin = 5000; // metres around the partnership whose points the project shows
};

// "glasgow.plan.json" -> "glasgow": the project's file name.
std::string project_stem(const std::string& plan_path) {
    std::string stem = fs::path(plan_path).stem().string();
    if (fs::path(stem).extension() == ".plan") stem = fs::path(stem).stem().string();
    return stem.empty() ? "plan" : stem;
}

// Point layers drawn in distinct colours, in the order the plan lists them.
const char* point_colour(std::size_t n) {
    static constexpr const char* colours[] = {"#08306b", "#cb181d", "#54278f", "#00441b", "#7f2704"};
    return colours[n % std::size(colours)];
}

void run_export(const ExportArgs& args) {
    if (args.format != "qgis")
        throw Error(ErrorKind::bad_setting, "--format " + args.format + ": the only export format is qgis");
    const fs::path dir(args.out);
    const std::string stem = project_stem(args.plan);
    const std::string project_path = (dir / (stem + ".qgz")).string();
    const std::string localities_path = (dir / "localities.gpkg").string();
    const std::string zones_path = (dir / "zones.gpkg").string();
    // Each GeoPackage keeps the layers it has besides the plan's.
    const OutputLayer localities_layer{args.layer.name.empty() ? "localities" : args.layer.name, args.layer.overwrite,
                                       args.layer.creation_options};
    const OutputLayer zones_layer{args.layer.name.empty() ? "zones" : args.layer.name, args.layer.overwrite,
                                  args.layer.creation_options};
    std::vector<NamedPath> outputs{{"--out", project_path}, {"--out", localities_path}, {"--out", zones_path}};
    auto inputs = args.data.inputs();
    inputs.push_back({"--plan", args.plan});
    std::error_code unreadable; // a name too long for the system is a named error, not an exception
    const auto dir_status = fs::status(dir, unreadable);
    if (unreadable && unreadable != std::errc::no_such_file_or_directory)
        throw Error(ErrorKind::write_failed, "--out " + args.out + ": cannot be read (" + unreadable.message() + ")");
    if (fs::exists(dir_status) && !fs::is_directory(dir_status))
        throw Error(ErrorKind::output_not_regular, "--out " + args.out + ": is a file, not a folder");
    if (fs::is_directory(dir_status)) {
        prepare_outputs(outputs, inputs);
        naming_flags(output_layer_flag_words, [&] {
            check_output_path(localities_path, localities_layer);
            check_output_path(zones_path, zones_layer);
        });
    }

    const LoadedPlan loaded = load_plan_input(args.plan, "", args.data, "");
    const DatasetOptions options = dataset_options_for(loaded, args.data);
    const Dataset data = load_dataset(options);
    const LocalityPlan& plan = loaded.plan;
    const FunctionCatalogue catalogue = catalogue_for(loaded, "");
    const std::string& crs = data.zones.working_crs;

    std::vector<std::string> point_files;
    for (const auto& layer : data.points) {
        point_files.push_back((dir / (layer.kind + ".geojson")).string());
        outputs.push_back({"--out", point_files.back()});
    }
    inputs = dataset_inputs(options); // the plan's recorded sources
    inputs.push_back({"--plan", args.plan});
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error(ErrorKind::write_failed, args.out + ": cannot create the folder (" + ec.message() + ")");
    prepare_outputs(outputs, inputs);

    const auto groups = zone_groups(plan, data.zones.ids);
    const auto shapes = dissolve_groups(data.zones.shapes, data.zones.boxes, groups, static_cast<int>(plan.localities.size()));
    const auto indicators = locality_indicators(plan, data, &shapes);

    OutputSet files; // the folder's files, or none of them
    naming_flags(output_layer_flag_words, [&] {
        files.add_features(localities_path, locality_features(plan, shapes, catalogue, indicators), crs,
                           locality_style(plan), localities_layer);
        files.add_features(zones_path, zone_locality_features(plan, data.zones), crs, zone_locality_style(plan),
                           zones_layer);
    });

    QgisProject project;
    project.title = plan.partnership_name.empty() ? stem + " localities" : plan.partnership_name + " localities";
    project.crs = crs;
    for (const auto& shape : shapes) project.extent.expand(bounds(shape));
    if (!project.extent.empty())
        project.extent = project.extent.grown(0.03 * std::max(project.extent.max_x - project.extent.min_x,
                                                              project.extent.max_y - project.extent.min_y));
    // A national point layer (every GP practice in Scotland) clipped to the partnership and
    // the margin around it: what its residents reach, not the rest of the country.
    std::vector<std::size_t> shown_points;
    for (std::size_t i = 0; i < data.points.size(); ++i) {
        const auto& layer = data.points[i];
        const auto near = points_within(shapes, layer.points, args.point_margin);
        std::vector<Point> points;
        std::vector<nlohmann::ordered_json> properties;
        for (const std::size_t p : near) {
            points.push_back(layer.points[p]);
            nlohmann::ordered_json row;
            row["name"] = p < layer.labels.size() ? layer.labels[p] : std::string();
            row["zone"] = layer.zone[p] >= 0 ? data.zones.ids[layer.zone[p]] : std::string(); // "" beyond the border
            properties.push_back(std::move(row));
        }
        shown_points.push_back(points.size());
        files.add_text(point_files[i], points_to_geojson(points, properties, crs));
        project.layers.push_back({layer.kind, layer.kind, layer.kind + ".geojson", true, "EPSG:4326",
                                  qgis_point_style_elements(point_colour(i), i == 0 ? 2.2 : 3.4, "name"), true});
    }
    // Over the zones the localities are a see-through wash with a strong outline and their names.
    LayerStyle over = locality_style(plan);
    over.fill_opacity = 0.15;
    over.outline_width_mm = 0.9;
    project.layers.push_back({"localities", "Localities", "localities.gpkg|layername=" + localities_layer.name, false,
                              crs, qgis_style_elements(over), true});
    project.layers.push_back({"zones", "Zones by locality", "zones.gpkg|layername=" + zones_layer.name, false, crs,
                              qgis_style_elements(zone_locality_style(plan)), false});
    files.add_text(project_path, qgis_project_archive(project, stem + ".qgs", project_path));
    const auto targets = files.targets(); // in the order staged: localities.gpkg, zones.gpkg, then the rest
    files.commit();                       // (which empties the set)
    for (std::size_t i = 0; i < targets.size(); ++i) {
        std::cout << "wrote " << targets[i]
                  << (i < 2 ? layer_note(targets[i], i == 0 ? localities_layer : zones_layer) : std::string());
        if (i >= 2 && i - 2 < shown_points.size())
            std::cout << " (" << shown_points[i - 2] << " of " << data.points[i - 2].points.size() << " points, within "
                      << args.point_margin << " m of the partnership)";
        std::cout << "\n";
    }
}

const RegisterCommand registration([](CLI::App& app) {
    auto args = std::make_shared<ExportArgs>();
    CLI::App* cmd = app.add_subcommand("export", "A plan as a QGIS project folder: localities and zones "
                                                 "(GeoPackage, styled), the plan's point layers, and a .qgz");
    cmd->add_option("--plan", args->plan, "Plan file (JSON); its recorded data sources are used")->required();
    cmd->add_option("--format", args->format, "Export format: qgis")->capture_default_str();
    cmd->add_option("--out", args->out, "Folder for <plan>.qgz, localities.gpkg, zones.gpkg and the point layers")
        ->required();
    cmd->add_option("--point-margin", args->point_margin,
                    "Metres around the partnership within which the point layers' points are kept (those beyond "
                    "are left out of the project)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    add_output_layer_options(*cmd, args->layer,
                             "The plan's layer in localities.gpkg and zones.gpkg (default: localities and zones)");
    args->data.add_to(*cmd, false);
    lp::app::set_examples(*cmd, {
      {"A plan as a QGIS project folder: localities, zones, GP practices and hospitals",
       "boundaries export --plan highland.plan.json --format qgis --out highland_qgis/"},
      {"Into GeoPackages there already, as layers of another name",
       "boundaries export --plan plan.json --out shared_qgis/ --layer-name plan_2025 --overwrite"}});
    cmd->callback([args] { run_export(*args); });
});

} // namespace

} // namespace lp::cli
