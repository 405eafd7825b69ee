#pragma once
// Refusing, before any work, an output that would destroy something: one that is the
// same file as an input (or as another output), and an output path that holds a folder,
// device, FIFO or socket. A symlink is no refusal: writers write through it to its target.
#include <string>
#include <vector>

namespace lp {

// A path and the option that names it, for messages ("--out", "--demand").
struct NamedPath {
    std::string option;
    std::string path;
};

// Throws lp::Error(output_is_input) when an output is the same file as an input or as
// another output: the same device and inode after following symlinks, or, for an output
// that does not exist yet, the same canonical path (so ./z.geojson is z.geojson). A
// Shapefile on either side stands for its .shp, .shx, .dbf, .prj and .cpg. Throws
// lp::Error(output_not_regular) when an output (or the end of its symlinks) exists and is
// not a regular file, when its folder is a file, or for a loop of symlinks. Empty paths
// are skipped. Messages name the option, the path and the input it collides with.
void check_outputs(const std::vector<NamedPath>& outputs, const std::vector<NamedPath>& inputs);

// Where a write to path lands: the end of its chain of symlinks (path itself when it is
// not a link, or does not exist). Throws lp::Error(output_not_regular) for a loop.
std::string resolve_output_target(const std::string& path);

// The files a path stands for: a Shapefile's .shp, .shx, .dbf, .prj and .cpg (extension
// case kept); any other path alone.
std::vector<std::string> file_set(const std::string& path);

} // namespace lp
