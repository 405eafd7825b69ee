#pragma once
// A whole file read as bytes (plans, CSV tables, the catalogue, config files, an ensemble's
// JSON): the reading half of lp/io/atomic_file.hpp, and the one place a text input is opened.
#include <cstddef>
#include <string>

namespace lp {

// The largest text input read whole (a plan of a million zones is about 30 MB): a larger
// one is refused by name rather than filling memory.
inline constexpr std::size_t max_text_file_bytes = std::size_t{256} << 20;

// Throws lp::Error(file_not_found) "PATH: cannot open the WHAT (why)" when it cannot be
// opened, when it is not a regular file (a FIFO or device could block, or never end; a
// folder holds no text), or when it holds more than max_bytes.
std::string read_text_file(const std::string& path, const std::string& what, std::size_t max_bytes = max_text_file_bytes);

// The same checks without reading, for a text input another library reads (CLI11's TOML
// config files): nothing is returned, the same errors are thrown.
void check_text_file(const std::string& path, const std::string& what, std::size_t max_bytes = max_text_file_bytes);

} // namespace lp
