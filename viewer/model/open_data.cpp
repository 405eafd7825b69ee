#include "model/open_data.hpp"

#include <lp/io/point_layer.hpp>

namespace lp::viewer {

OpenData::Loaded OpenData::load(const DatasetOptions& options, const std::string& places, LoadProgress* progress) {
    Loaded loaded;
    DatasetOptions heard = options;
    if (progress) heard.progress = [progress](const ReadProgress& p) { progress->hear(p); };
    loaded.data = std::make_unique<Dataset>(load_dataset(heard));
    loaded.mesh = build_zone_mesh(loaded.data->zones.shapes, loaded.data->zones.ids, {},
                                  [progress](std::size_t done, std::size_t total) {
                                      if (progress) progress->triangulating(done, total);
                                  });
    if (!places.empty()) loaded.places = std::make_shared<const PointLayer>(read_points(places, loaded.data->zones));
    return loaded;
}

void OpenData::take(const DatasetOptions& options, Loaded loaded) {
    data_ = std::move(loaded.data);
    places_ = std::move(loaded.places);
    options_ = options;
    mesh_ = std::move(loaded.mesh);
    ++mesh_generation_;
    driver_columns_ = lp::driver_columns(*data_);
    if (catalogue_.functions.empty()) catalogue_ = read_catalogue(default_catalogue_path());
}

} // namespace lp::viewer
