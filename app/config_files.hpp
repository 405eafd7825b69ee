#pragma once
// The --config files boundaries' main() expanded: inputs that no output may overwrite
// (DataOptions::inputs() lists them). The viewer takes no --config, so it stays empty.
#include <string>
#include <vector>

namespace lp::cli {

std::vector<std::string>& config_files();

} // namespace lp::cli
