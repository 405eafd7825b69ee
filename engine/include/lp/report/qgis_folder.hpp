#pragma once
// A plan as a QGIS project folder, ready to open: the localities (GeoPackage, styled and
// labelled), the zones coloured by locality, and the plan's point layers (GP practices,
// hospitals: those near the partnership, labelled by name), with a .qgz project naming them by relative path, so the folder can be
// moved or shared. What `boundaries export --format qgis` and the viewer's File > Export
// QGIS project both write.
#include <lp/data/dataset.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_plan.hpp>

#include <string>
#include <vector>

namespace lp {

// The files of a plan's folder.
struct QgisFolder {
    std::string project;     // <folder>/<stem>.qgz
    std::string localities;  // <folder>/localities.gpkg
    std::string zones;       // <folder>/zones.gpkg
    std::vector<std::string> points;  // <folder>/<kind>.geojson, one per point layer of data
};

// "glasgow.plan.json" -> "glasgow": the project's file name ("plan" when nothing is left).
std::string qgis_project_stem(const std::string& plan_path);

QgisFolder qgis_folder_paths(const std::string& folder, const std::string& stem, const Dataset& data);

// Writes every file of the folder (which must exist), or none: an error leaves what was
// there. localities_layer and zones_layer name the plan's layer in each GeoPackage (other
// layers there are kept). Returns the files written, localities.gpkg and zones.gpkg
// first. Each point layer keeps the points within point_margin metres of the
// partnership (labelled by name in the project); points_kept, when given, gets how many
// per layer. Throws lp::Error.
std::vector<std::string> write_qgis_folder(const QgisFolder& paths, const LocalityPlan& plan, const Dataset& data,
                                           const FunctionCatalogue& catalogue, const OutputLayer& localities_layer,
                                           const OutputLayer& zones_layer, const std::string& stem,
                                           double point_margin = 5000, std::vector<std::size_t>* points_kept = nullptr);

} // namespace lp
