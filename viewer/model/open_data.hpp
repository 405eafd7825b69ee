#pragma once
// What the viewer has open to read: the zone layer with its graph and demand tables, the
// mesh the map draws, the gazetteer of towns hubs and the search may name, and the
// function catalogue. Replaced whole when other data opens (Session::open_dataset), after
// which the plan and its figures follow.
#include "model/load_progress.hpp"

#include <lp/data/dataset.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/render/zone_mesh.hpp>

#include <cstddef>
#include <memory>
#include <string>

namespace lp::viewer {

class OpenData {
public:
    // What load() read: built on another thread while the window shows progress.
    struct Loaded {
        std::unique_ptr<Dataset> data;
        ZoneMesh mesh;
        std::shared_ptr<const PointLayer> places;  // the gazetteer (--places), placed in these zones
    };
    // The slow half of opening (reading, the graph, triangulating); touches nothing here.
    // `places`: a gazetteer of towns (a point layer with a name field); empty: none.
    // `progress` (may be null) hears how far it has got, on this thread.
    static Loaded load(const DatasetOptions& options, const std::string& places = {}, LoadProgress* progress = nullptr);
    // The quick half: takes what load() read.
    void take(const DatasetOptions& options, Loaded loaded);

    bool is_open() const { return data_ != nullptr; }
    const Dataset& dataset() const { return *data_; }
    // Shared ownership for work that may outlive the next open (OptimiserJob, GenerateJob).
    std::shared_ptr<const Dataset> shared_dataset() const { return data_; }
    const DatasetOptions& options() const { return options_; }
    const ZoneMesh& mesh() const { return mesh_; }
    // Moves each time other data opens: what was derived from zone indices is stale.
    std::size_t mesh_generation() const { return mesh_generation_; }

    // --places FILE: read with the data, for its zones ("Portree", "Aviemore": no zone is
    // called so).
    void set_places_path(std::string path) { places_path_ = std::move(path); }
    const std::string& places_path() const { return places_path_; }
    const PointLayer* places() const { return places_.get(); }
    std::shared_ptr<const PointLayer> shared_places() const { return places_; }

    const FunctionCatalogue& catalogue() const { return catalogue_; }
    // The demand columns the catalogue's functions are weighed by, for this data.
    const DemandColumns& driver_columns() const { return driver_columns_; }

private:
    std::shared_ptr<const Dataset> data_;
    DatasetOptions options_;
    ZoneMesh mesh_;
    std::size_t mesh_generation_ = 0;
    std::string places_path_;
    std::shared_ptr<const PointLayer> places_;
    FunctionCatalogue catalogue_;
    DemandColumns driver_columns_;
}; // class OpenData

} // namespace lp::viewer
