#pragma once
// The search box over the map: type a settlement, town (with --places), place
// (Intermediate Zone) or zone name or code; up to ten matches drop down (arrow keys move, Enter or a click chooses) and
// the map zooms to the choice and outlines it. Ctrl+F puts the cursor in the box. The
// index (viewer/model/place_search.hpp) is rebuilt when the data or the settlements change.
#include "map/map_camera.hpp"
#include "model/place_search.hpp"
#include "model/session.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace lp::viewer {

class MapView;

class SearchPanel {
public:
    void ui(Session& session, MapView& map, ScreenRect map_rect);
    // As typing `text` into the box (the drop-down shows its matches).
    void type(Session& session, const std::string& text);
    // As Enter: zooms to the selected match (the first unless arrows moved it); nullptr
    // when nothing matches.
    const Place* choose(Session& session, MapView& map);

    const PlaceIndex& index(const Session& session);
    // Zones of the place last chosen (outlined on the map); empty after the text changes.
    const std::vector<std::size_t>& chosen_zones() const { return chosen_zones_; }
    const std::vector<std::size_t>& matches() const { return matches_; }

private:
    void refresh_matches(const Session& session);

    char text_[128] = "";
    std::string matched_text_;
    std::vector<std::size_t> matches_;
    int selected_ = 0;
    bool focus_next_ = false;
    std::vector<std::size_t> chosen_zones_;
    PlaceIndex index_;
    std::size_t index_generation_ = static_cast<std::size_t>(-1);
    const Settlements* index_settlements_ = nullptr;
    std::size_t index_settlement_count_ = 0;
}; // class SearchPanel

} // namespace lp::viewer
