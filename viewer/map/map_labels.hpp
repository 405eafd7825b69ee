#pragma once
// Names on the map: locality names first, then settlements (or, without settlements,
// the larger named places) by people, then Intermediate Zones once they are big enough
// on screen, placed greedily so none overlaps another or a service point marker
// (viewer/map/label_placement.hpp).
#include "map/label_placement.hpp"
#include "map/map_camera.hpp"
#include "model/place_search.hpp"
#include "model/session.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct ImDrawList;

namespace lp::viewer {

class ContextLayer;

// The names of one map (the window's, a document's). Where every name goes depends only
// on the view, the plan and the layers, so a still frame (or one that only redraws the
// panels) reuses the last layout: the fit tests probe the mesh and the neighbouring
// councils for each candidate position.
class MapLabels {
public:
    // marker_scale: the renderer's point scale (markers shrink at national views).
    // neighbours (may be null): the neighbouring areas, which no locality's name covers.
    // covered: screen boxes drawn over the map (its legend), where no name goes.
    void draw(ImDrawList* draw, const Session& session, const MapCamera& camera, const PlaceIndex& places,
              bool show_markers, float marker_scale, const ContextLayer* neighbours = nullptr,
              const std::vector<ScreenBox>& covered = {});

    // The names as last drawn, for a script to check (print-labels).
    struct Shown {
        std::string text;
        ScreenBox box;
        bool locality = false;  // a locality's name (else a place's)
    };
    std::vector<Shown> shown() const;
    const std::vector<ScreenBox>& covered() const { return covered_; }

private:
    struct Style {
        float size;
        std::uint32_t colour;  // ImU32
    };
    // What the layout was made for, and the layout.
    double cx_ = 0, cy_ = 0, scale_ = 0;
    ScreenRect rect_;
    std::size_t revision_ = 0, mesh_ = 0, label_count_ = 0;
    const void* labels_ = nullptr;
    const void* places_ = nullptr;
    const void* neighbours_ = nullptr;
    bool markers_ = false;
    float marker_scale_ = 0;
    bool valid_ = false;
    std::vector<ScreenBox> covered_;
    std::vector<LabelRequest> requests_;
    std::vector<std::string> texts_;
    std::vector<Style> styles_;
    std::vector<PlacedLabel> placed_;
}; // class MapLabels

} // namespace lp::viewer
