#include <lp/partition/partition.hpp>

#include <lp/core/error.hpp>

#include <cmath>

namespace lp {

std::vector<double> people_cut_cost(const ContiguityGraph& graph, const std::vector<double>& population,
                                    double floor_share) {
    const auto& edges = graph.edges();
    std::vector<double> cost(edges.size(), 0.0);
    const auto& area = graph.zone_area();
    if (population.size() != graph.size())
        throw Error(ErrorKind::bad_value, "people_cut_cost: " + std::to_string(population.size()) +
                                             " population values for " + std::to_string(graph.size()) + " zones");
    if (area.size() != graph.size()) {
        for (std::size_t e = 0; e < edges.size(); ++e) cost[e] = edges[e].crossing ? 0.0 : edges[e].shared_length;
        return cost;
    }
    // People per square metre; a zone without area (a sliver) takes the area's mean.
    double people = 0, square_metres = 0;
    for (std::size_t zone = 0; zone < graph.size(); ++zone) {
        people += population[zone];
        square_metres += area[zone];
    }
    const double mean_density = square_metres > 0 ? people / square_metres : 0.0;
    std::vector<double> density(graph.size(), mean_density);
    for (std::size_t zone = 0; zone < graph.size(); ++zone)
        if (area[zone] > 0) density[zone] = population[zone] / area[zone];
    // A depth of 100 m: the people within 50 m either side of the boundary, had they
    // spread evenly over their zone. The floor keeps boundaries through empty land short.
    constexpr double depth = 100.0;
    const double floor_density = floor_share * mean_density;
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const auto& edge = edges[e];
        if (edge.crossing) continue;
        cost[e] = edge.shared_length * depth * (std::sqrt(density[edge.a] * density[edge.b]) + floor_density);
    }
    return cost;
}

} // namespace lp
