#pragma once
// A whole file read as bytes (plans, CSV tables, the catalogue): the reading half of
// lp/io/atomic_file.hpp.
#include <string>

namespace lp {

// Throws lp::Error(file_not_found) "PATH: cannot open the WHAT" (e.g. "plan file").
std::string read_text_file(const std::string& path, const std::string& what);

} // namespace lp
