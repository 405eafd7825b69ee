#include "plan_fixtures.hpp"

#include <lp/plan/plan_sources.hpp>

#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <memory>

namespace lp::test {

DatasetOptions council_options(const std::string& ca_code) {
    const std::string data = LP_SHARED_DATA;
    DatasetOptions options;
    options.zones.path = data + "/dz2011_scotland_bng.gpkg";
    options.zones.layer = "datazones";
    options.zones.id_field = "dz11_code";
    options.zones.filter_field = "ca_code";
    options.zones.filter_values = {ca_code};
    options.demand_paths = {data + "/demand/dz2011_population_2020.csv", data + "/demand/dz2011_simd2020.csv",
                            data + "/demand/dz2011_access_rurality.csv", data + "/demand/dz2011_lookup.csv"};
    options.point_paths = {data + "/points/gp_practices_2021.geojson", data + "/points/nhs_hospitals_2024.geojson"};
    return options;
}

const Dataset& council_dataset(const std::string& ca_code) {
    static std::map<std::string, std::unique_ptr<Dataset>> cache;
    auto& slot = cache[ca_code];
    if (!slot) slot = std::make_unique<Dataset>(load_dataset(council_options(ca_code)));
    return *slot;
}

LocalityPlan grown_plan(const Dataset& data, const DatasetOptions& options, std::size_t k,
                        const FunctionCatalogue& catalogue) {
    const std::size_t n = data.zones.size();
    std::vector<Point> centre(n);
    for (std::size_t z = 0; z < n; ++z) {
        const Box& b = data.zones.boxes[z];
        centre[z] = {(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
    }
    // Farthest-point seeds, starting from the westernmost zone.
    std::vector<std::size_t> seeds;
    std::size_t first = 0;
    for (std::size_t z = 1; z < n; ++z)
        if (centre[z].x < centre[first].x) first = z;
    seeds.push_back(first);
    std::vector<double> nearest(n, std::numeric_limits<double>::infinity());
    while (seeds.size() < k) {
        const Point s = centre[seeds.back()];
        std::size_t best = 0;
        for (std::size_t z = 0; z < n; ++z) {
            nearest[z] = std::min(nearest[z], std::hypot(centre[z].x - s.x, centre[z].y - s.y));
            if (nearest[z] > nearest[best]) best = z;
        }
        seeds.push_back(best);
    }
    // Breadth-first growth, one ring at a time from every seed.
    std::vector<int> owner(n, -1);
    std::deque<std::size_t> queue;
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        owner[seeds[i]] = static_cast<int>(i);
        queue.push_back(seeds[i]);
    }
    while (!queue.empty()) {
        const std::size_t z = queue.front();
        queue.pop_front();
        for (const auto& adj : data.graph.neighbours(static_cast<std::uint32_t>(z))) {
            if (owner[adj.zone] >= 0) continue;
            owner[adj.zone] = owner[z];
            queue.push_back(adj.zone);
        }
    }
    LocalityPlan plan;
    plan.partnership_code = "S37-test";
    plan.partnership_name = "Test partnership";
    for (std::size_t i = 0; i < k; ++i)
        plan.localities.push_back({"L" + std::to_string(i + 1), "Area " + std::to_string(i + 1),
                                   default_locality_colour(i), false});
    for (std::size_t z = 0; z < n; ++z)
        if (owner[z] >= 0) plan.assignment[data.zones.ids[z]] = plan.localities[owner[z]].id;
    record_sources(plan, options);
    add_default_arrangements(plan, catalogue);
    return plan;
}

} // namespace lp::test
