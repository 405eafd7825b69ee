#pragma once
// The 6x4 grid (grid_graph.hpp) as a Dataset, ids "z0".."z23", demand column "people"
// = zone index + 1, in a plan of two halves: West (columns 0-2) and East (3-5). For
// tests of what works on a plan and its dataset without files.
#include "grid_graph.hpp"

#include <lp/data/dataset.hpp>
#include <lp/edit/plan_state.hpp>

#include <string>
#include <vector>

namespace lp::test {

inline Dataset grid_dataset() {
    Dataset data;
    data.graph = grid_graph(6, 4);
    std::vector<double> people;
    for (int z = 0; z < 24; ++z) {
        data.zones.ids.push_back("z" + std::to_string(z));
        data.zones.names.push_back("zone " + std::to_string(z));
        data.zones.shapes.emplace_back();
        data.zones.areas.push_back(100.0 * 100.0);
        data.zones.boxes.emplace_back();
        people.push_back(z + 1.0);
    }
    data.zones.rebuild_index();
    data.demand.names = {"people"};
    data.demand.values = {people};
    return data;
}

inline PlanState grid_halves(const ContiguityGraph& graph, const std::vector<double>& people) {
    PlanState state(graph, {BalanceLayer{"people", people, 0.10}});
    state.insert_locality(0, Locality{"L1", "West", "#808080", false});
    state.insert_locality(1, Locality{"L2", "East", "#808080", false});
    for (std::uint32_t z = 0; z < 24; ++z) state.move_zone(z, z % 6 < 3 ? 0 : 1);
    state.refresh();
    return state;
}

} // namespace lp::test
