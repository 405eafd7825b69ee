#include "version.hpp"

#include <lp/io/library_versions.hpp>

namespace lp::app {

std::string version_text(const std::string& program) {
    return program + " " + LP_VERSION + " (Locality Planner)\n" + library_versions();
}

} // namespace lp::app
