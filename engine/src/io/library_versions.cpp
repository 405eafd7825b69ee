#include <lp/io/library_versions.hpp>

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

namespace lp {

std::string library_versions() {
    // What the program runs with (the shared libraries loaded), not the headers it was built against.
    const std::string geos = GEOSversion();
    return std::string("GDAL ") + GDALVersionInfo("RELEASE_NAME") + ", GEOS " + geos.substr(0, geos.find('-')) +
           ", PROJ " + proj_info().version;
}

} // namespace lp
