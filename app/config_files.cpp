#include "config_files.hpp"

namespace lp::cli {

std::vector<std::string>& config_files() {
    static std::vector<std::string> files;
    return files;
}

} // namespace lp::cli
