#pragma once
// One file written whole or not at all, for every writer of text (plans, CSV tables,
// recovery files, the viewer's settings): kept apart from the GeoJSON writer so that a
// writer of text does not depend on the feature formats.
#include <string>

namespace lp {

// Writes text to path through a temporary file, fsync and rename (an OutputSet of one
// file, lp/io/output_set.hpp; through a symlink to its target). Throws lp::Error(write_failed).
void write_file_atomically(const std::string& path, const std::string& contents);

} // namespace lp
