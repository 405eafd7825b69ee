// boundaries export --format qgis: a plan as a QGIS project folder, ready to open
// (lp/report/qgis_folder.hpp, which the viewer's File > Export QGIS project writes too):
// the localities, the zones coloured by locality and the plan's point layers within
// --point-margin of the partnership, after the command's checks: no output overwrites an
// input, a layer name is allowed.
#include "command_registry.hpp"
#include "data_options.hpp"
#include "output_layer_options.hpp"
#include "plan_inputs.hpp"
#include "progress_line.hpp"

#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/io/output_set.hpp>
#include <lp/plan/plan_sources.hpp>
#include <lp/report/qgis_folder.hpp>

#include <filesystem>
#include <iostream>

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

void run_export(const ExportArgs& args) {
    if (args.format != "qgis")
        throw Error(ErrorKind::bad_setting, "--format " + args.format + ": the only export format is qgis");
    const fs::path dir(args.out);
    const std::string stem = qgis_project_stem(args.plan);
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
    const Dataset data = load_dataset_showing_progress(options);
    const LocalityPlan& plan = loaded.plan;
    const FunctionCatalogue catalogue = catalogue_for(loaded, "");
    const QgisFolder paths = qgis_folder_paths(args.out, stem, data);
    for (const std::string& path : paths.points) outputs.push_back({"--out", path});
    inputs = dataset_inputs(options); // the plan's recorded sources
    inputs.push_back({"--plan", args.plan});
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error(ErrorKind::write_failed, args.out + ": cannot create the folder (" + ec.message() + ")");
    prepare_outputs(outputs, inputs);

    std::vector<std::size_t> shown_points;
    const auto targets = naming_flags(output_layer_flag_words, [&] {
        return write_qgis_folder(paths, plan, data, catalogue, localities_layer, zones_layer, stem, args.point_margin,
                                 &shown_points);
    });
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
