#pragma once
// The map's legend, top right: the choropleth's column, what its ends mean ("rank: 1 =
// most deprived"), a choice of quantile or equal-interval classes and each class's
// colour and range; the service point symbols; neighbouring areas in grey.
#include "map/map_camera.hpp"
#include "model/session.hpp"

namespace lp::viewer {

class MapView;

void map_legend_ui(Session& session, MapView& map, ScreenRect map_rect);

} // namespace lp::viewer
