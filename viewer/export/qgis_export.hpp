#pragma once
// File > Export QGIS project...: the open plan as the folder `boundaries export --format
// qgis` writes (lp/report/qgis_folder.hpp): <plan>.qgz, localities.gpkg, zones.gpkg and
// the point layers, ready to open in QGIS.
#include "model/session.hpp"

#include <string>
#include <vector>

namespace lp::viewer {

// Creates the folder if need be and writes the project into it, replacing the plan's
// layers of an earlier export there. Refuses (lp::Error(bad_setting), nothing written) a
// folder where a file written would replace one of the plan's data files. Returns the
// files written. Throws lp::Error naming the folder or file.
std::vector<std::string> export_qgis_project(Session& session, const std::string& folder);

} // namespace lp::viewer
