#include <lp/report/qgis_folder.hpp>

#include <lp/geometry/dissolve.hpp>
#include <lp/io/output_set.hpp>
#include <lp/io/qgis_project.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/geometry/points_near.hpp>
#include <lp/report/locality_features.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>

namespace lp {
namespace {

namespace fs = std::filesystem;

// Point layers drawn in distinct colours, in the order the plan lists them.
const char* point_colour(std::size_t n) {
    static constexpr const char* colours[] = {"#08306b", "#cb181d", "#54278f", "#00441b", "#7f2704"};
    return colours[n % std::size(colours)];
}

} // namespace

std::string qgis_project_stem(const std::string& plan_path) {
    std::string stem = fs::path(plan_path).stem().string();
    if (fs::path(stem).extension() == ".plan") stem = fs::path(stem).stem().string();
    return stem.empty() ? "plan" : stem;
}

QgisFolder qgis_folder_paths(const std::string& folder, const std::string& stem, const Dataset& data) {
    const fs::path dir(folder);
    QgisFolder paths{(dir / (stem + ".qgz")).string(), (dir / "localities.gpkg").string(), (dir / "zones.gpkg").string(), {}};
    for (const auto& layer : data.points) paths.points.push_back((dir / (layer.kind + ".geojson")).string());
    return paths;
}

std::vector<std::string> write_qgis_folder(const QgisFolder& paths, const LocalityPlan& plan, const Dataset& data,
                                           const FunctionCatalogue& catalogue, const OutputLayer& localities_layer,
                                           const OutputLayer& zones_layer, const std::string& stem, double point_margin,
                                           std::vector<std::size_t>* points_kept) {
    const std::string& crs = data.zones.working_crs;
    const auto groups = zone_groups(plan, data.zones.ids);
    const auto shapes = dissolve_groups(data.zones.shapes, data.zones.boxes, groups, static_cast<int>(plan.localities.size()));
    const auto indicators = locality_indicators(plan, data, &shapes);

    OutputSet files; // the folder's files, or none of them
    LocalityFacts facts;
    facts.indicators = &indicators;
    files.add_features(paths.localities, locality_features(plan, data, shapes, catalogue, facts), crs, locality_style(plan),
                       localities_layer);
    files.add_features(paths.zones, zone_locality_features(plan, data), crs, zone_locality_style(plan), zones_layer);

    QgisProject project;
    project.title = plan.partnership_name.empty() ? stem + " localities" : plan.partnership_name + " localities";
    project.crs = crs;
    for (const auto& shape : shapes) project.extent.expand(bounds(shape));
    if (!project.extent.empty())
        project.extent = project.extent.grown(0.03 * std::max(project.extent.max_x - project.extent.min_x,
                                                              project.extent.max_y - project.extent.min_y));
    // A national point layer (every GP practice in Scotland) clipped to the partnership and
    // the margin around it: what its residents reach, not the rest of the country.
    if (points_kept) points_kept->clear();
    for (std::size_t i = 0; i < data.points.size() && i < paths.points.size(); ++i) {
        const auto& layer = data.points[i];
        const auto near = points_within(shapes, layer.points, point_margin);
        std::vector<Point> points;
        std::vector<nlohmann::ordered_json> properties;
        for (const std::size_t p : near) {
            points.push_back(layer.points[p]);
            nlohmann::ordered_json row;
            row["name"] = p < layer.labels.size() ? layer.labels[p] : std::string();
            row["zone"] = layer.zone[p] >= 0 ? data.zones.ids[layer.zone[p]] : std::string(); // "" beyond the border
            properties.push_back(std::move(row));
        }
        if (points_kept) points_kept->push_back(points.size());
        files.add_text(paths.points[i], points_to_geojson(points, properties, crs));
        project.layers.push_back({layer.kind, layer.kind, fs::path(paths.points[i]).filename().string(), true, "EPSG:4326",
                                  qgis_point_style_elements(point_colour(i), i == 0 ? 2.2 : 3.4, "name"), true});
    }
    // Over the zones the localities are a see-through wash with a strong outline and their names.
    LayerStyle over = locality_style(plan);
    over.fill_opacity = 0.15;
    over.outline_width_mm = 0.9;
    project.layers.push_back({"localities", "Localities", "localities.gpkg|layername=" + localities_layer.name, false, crs,
                              qgis_style_elements(over), true});
    project.layers.push_back({"zones", "Zones by locality", "zones.gpkg|layername=" + zones_layer.name, false, crs,
                              qgis_style_elements(zone_locality_style(plan)), false});
    files.add_text(paths.project, qgis_project_archive(project, stem + ".qgs", paths.project));
    const auto targets = files.targets(); // in the order staged: localities.gpkg, zones.gpkg, then the rest
    files.commit();                       // (which empties the set)
    return targets;
}

} // namespace lp
