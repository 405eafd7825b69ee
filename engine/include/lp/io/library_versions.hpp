#pragma once
// The versions of the geospatial libraries a build runs with, for --version and bug
// reports: "GDAL 3.6.2, GEOS 3.11.1, PROJ 9.1.1".
#include <string>

namespace lp {

std::string library_versions();

} // namespace lp
