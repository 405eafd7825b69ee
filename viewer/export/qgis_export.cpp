#include "export/qgis_export.hpp"

#include <lp/core/error.hpp>
#include <lp/report/qgis_folder.hpp>

#include <filesystem>

namespace lp::viewer {

std::vector<std::string> export_qgis_project(Session& session, const std::string& folder) {
    namespace fs = std::filesystem;
    if (!session.document.has_plan()) throw Error(ErrorKind::bad_setting, folder + ": no plan to export");
    if (folder.empty()) throw Error(ErrorKind::bad_setting, "give a folder for the QGIS project");
    const LocalityPlan& plan = session.document.current_plan();
    const std::string stem = qgis_project_stem(session.document.plan_path().empty() ? std::string("plan") : session.document.plan_path());
    const QgisFolder paths = qgis_folder_paths(folder, stem, session.data.dataset());
    // The data the plan was made from is never written over (the CLI's rule too).
    const DatasetOptions& data = session.data.options();
    std::vector<std::string> inputs{data.zones.path, data.crossings_csv, session.document.plan_path()};
    inputs.insert(inputs.end(), data.demand_paths.begin(), data.demand_paths.end());
    inputs.insert(inputs.end(), data.point_paths.begin(), data.point_paths.end());
    std::vector<std::string> outputs{paths.project, paths.localities, paths.zones};
    outputs.insert(outputs.end(), paths.points.begin(), paths.points.end());
    for (const std::string& output : outputs) {
        for (const std::string& input : inputs) {
            std::error_code ec;
            if (!input.empty() && fs::exists(output, ec) && fs::equivalent(output, input, ec)) {
                throw Error(ErrorKind::bad_setting, output + ": is the plan's data file " + input +
                                                        "; choose another folder (nothing was written)");
            }
        }
    }
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw Error(ErrorKind::write_failed, folder + ": cannot create the folder (" + ec.message() + ")");
    return write_qgis_folder(paths, plan, session.data.dataset(), session.data.catalogue(), OutputLayer{"localities", true},
                             OutputLayer{"zones", true}, stem);
}

} // namespace lp::viewer
