#pragma once
// `--version` for both programs: the program, Locality Planner's version and the libraries.
#include <string>

namespace lp::app {

// "boundaries 0.1.0 (Locality Planner)\nGDAL 3.6.2, GEOS 3.11.1, PROJ 9.1.1"
std::string version_text(const std::string& program);

} // namespace lp::app
