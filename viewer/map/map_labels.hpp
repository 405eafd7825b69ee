#pragma once
// Names on the map: locality names first, then settlements (or, without settlements,
// the larger named places) by people, then Intermediate Zones once they are big enough
// on screen, placed greedily so none overlaps another or a service point marker
// (viewer/map/label_placement.hpp).
#include "map/map_camera.hpp"
#include "model/place_search.hpp"
#include "model/session.hpp"

struct ImDrawList;

namespace lp::viewer {

class ContextLayer;

// marker_scale: the renderer's point scale (markers shrink at national views). neighbours
// (may be null): the neighbouring areas, which no locality's name covers.
void draw_map_labels(ImDrawList* draw, const Session& session, const MapCamera& camera, const PlaceIndex& places,
                     bool show_markers, float marker_scale, const ContextLayer* neighbours = nullptr);

} // namespace lp::viewer
