#pragma once
// Outputs written as one set. Each file is first written, and fsynced, to a temporary
// file beside its target (".<name>.tmp-<pid>-<n>", in the target's own folder so that the
// rename is atomic; for a symlink, beside the link's target, which stays a link). Only
// when every file is written does commit() rename them all into place, holding a lock on
// their folders so that two runs into the same paths leave one run's set, and keeping a
// journal so that a set killed between its renames is completed by the next run that
// writes there. A failure before commit() removes the temporaries and leaves every
// target as it was.
#include <lp/io/geojson_writer.hpp>
#include <lp/io/output_guard.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace lp {

class OutputSet {
public:
    OutputSet() = default;
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;
    ~OutputSet(); // discards what was not committed

    // Writes contents to a temporary file for path. Throws lp::Error(write_failed),
    // lp::Error(output_not_regular) when path holds a folder, device or FIFO.
    void add_text(const std::string& path, const std::string& contents);
    // The same for features, in the format of path's extension (as write_features): a
    // Shapefile's .shp, .shx, .dbf, .prj (and .cpg) are each a file of the set, and
    // sidecars of an older set at the path that the new one lacks (.cpg, spatial
    // indexes) are removed by commit(). A Shapefile also gets <name>.fields.csv (its short
    // field names) and, with a style, <name>.qml; a GeoPackage keeps the style inside.
    // A GeoPackage that exists is copied to the temporary file and the features go into
    // the copy as layer, its other layers and styles kept (OutputLayer in geojson_writer.hpp).
    // A database output ("PG:...", its table layer.name) has no temporary file: its table is
    // checked now (lp/io/geojson_writer.hpp: check_output_path) and written by commit(), in
    // one transaction of its own, before any file is renamed; no style goes with it.
    void add_features(const std::string& path, const std::vector<Feature>& features, const std::string& working_crs,
                      const LayerStyle& style = {}, const OutputLayer& layer = {});

    // Writes the database tables (a failure there: lp::Error(write_failed), or
    // lp::Error(output_is_input) for a table that appeared meanwhile; the database as it
    // was and no file renamed), then renames every file into place. Throws lp::Error(output_not_regular) when a target
    // became a folder, device or FIFO meanwhile (nothing is renamed then), and
    // lp::Error(write_failed) when a rename fails (naming what was and was not replaced).
    void commit();
    // Removes the temporary files; the targets stay as they were.
    void discard() noexcept;

    // The targets staged so far, in order (the ends of their symlinks).
    std::vector<std::string> targets() const;

private:
    struct Staged {
        std::string target; // absolute, the end of the output's symlinks
        std::string temp;   // absolute, beside target
        std::string shown;  // the path as the caller gave it, for messages
    };
    std::vector<Staged> staged_;
    std::vector<std::string> stale_; // old sidecars to remove on commit
    struct Table {                   // a database output, written by commit()
        std::string connection;
        std::vector<Feature> features;
        std::string working_crs;
        OutputLayer layer;
        LayerStyle style;                // into public.layer_styles, where QGIS looks
    };
    std::vector<Table> tables_;
}; // class OutputSet

// In folder: first completes the commits that writers no longer running left half done
// (their journals), then removes the temporary files of writers no longer running
// (".<name>.tmp-<pid>-<n>[.ext]", and the older "<name>.tmp-<pid>-<n>[.d]"; a writer is
// gone when kill(pid, 0) fails with ESRCH). Temporaries of live processes stay. Returns
// how many entries were removed. A journal is trusted with nothing: one naming any path
// but its own writer's temporaries in its folder (or in a folder holding a copy of it),
// their targets and stale Shapefile sidecars beside them, or not owned by this user, is
// left in place, untouched, and this throws lp::Error(write_failed) naming it (so does
// commit(), which recovers the same way). Never throws otherwise.
std::size_t remove_orphan_temporaries(const std::string& folder);

// check_outputs(outputs, inputs), then remove_orphan_temporaries in the folder of each
// output (each file of a Shapefile, through symlinks) that exists.
void prepare_outputs(const std::vector<NamedPath>& outputs, const std::vector<NamedPath>& inputs);

} // namespace lp
