#include <lp/core/error.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/geometry/dissolve.hpp>
#include <lp/plan/assignment_csv.hpp>
#include <lp/plan/locality_plan.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <sstream>

namespace lp {

CutCostKind parse_cut_cost(const std::string& text) {
    if (text == "people") return CutCostKind::people;
    if (text == "length") return CutCostKind::length;
    throw Error(ErrorKind::bad_setting, "cut cost " + text + ": expected people or length");
}

BlockMode parse_block_mode(const std::string& text) {
    if (text == "soft") return BlockMode::soft;
    if (text == "hard") return BlockMode::hard;
    throw Error(ErrorKind::bad_setting, "block mode " + text + ": expected soft or hard");
}

namespace {

// The column counting people: named, else the first balanced total population.
std::string population_column(const Dataset& data, const LocalityRunOptions& options) {
    if (!options.population.empty()) {
        data.demand.column(options.population); // throws naming the columns there are
        return options.population;
    }
    std::vector<std::string> columns;
    for (const auto& spec : options.balance) columns.push_back(spec.column);
    return population_among(columns);
}

// The area's own name, when every zone gives the same one (ca_name, hscp_name).
std::string area_name_of(const Dataset& data) {
    for (const char* field : {"hscp_name", "ca_name"})
        if (const auto* values = data.zones.field(field); values && !values->empty() &&
                                                          std::all_of(values->begin(), values->end(),
                                                                      [&](const std::string& v) { return v == values->front(); }))
            return values->front();
    return {};
}

} // namespace

std::string population_among(const std::vector<std::string>& balanced_columns) {
    for (const auto& column : balanced_columns)
        if (column.find("pop") != std::string::npos && column.find("total") != std::string::npos) return column;
    for (const auto& column : balanced_columns)
        if (column.find("pop") != std::string::npos) return column;
    return {};
}

std::string area_name(const Dataset& data) { return area_name_of(data); }

std::vector<int> keep_whole_groups(const Dataset& data, const std::string& field,
                                   const std::vector<std::string>& tables) {
    const std::vector<std::string> values = zone_text_column(data, field, tables);
    if (values.empty())
        throw Error(ErrorKind::field_not_found, "keep-whole field " + field + ": neither " + data.zones.source +
                                                   " nor any demand table has that column");
    std::map<std::string, int> numbers;
    std::vector<int> groups(values.size(), -1);
    for (std::size_t zone = 0; zone < values.size(); ++zone)
        if (!values[zone].empty())
            groups[zone] = numbers.emplace(values[zone], static_cast<int>(numbers.size())).first->second;
    return groups;
}

LocalityRun run_localities(const Dataset& data, const LocalityRunOptions& options) {
    const ZoneLayer& zones = data.zones;
    const int k = options.k;
    check_locality_count(k);
    if (static_cast<std::size_t>(k) > zones.size())
        throw Error(ErrorKind::infeasible_request, "cannot make " + std::to_string(k) + " localities from the " +
                                                      std::to_string(zones.size()) + " zones of " + zones.source);
    LocalityRun run;
    for (const auto& spec : options.balance) run.balance.push_back({spec.column, data.demand.column(spec.column), spec.tolerance});
    if (!options.keep_whole.empty()) run.groups = keep_whole_groups(data, options.keep_whole, options.keep_whole_tables);

    PartitionRequest request;
    request.graph = &data.graph;
    request.k = k;
    request.balance = run.balance;
    request.locks = options.locks;
    request.start = options.start;
    request.groups = run.groups;
    request.group_split_cost = options.split_cost;
    request.seed = options.seed;
    request.effort = options.effort;
    request.zone_ids = &zones.ids;

    // Boundaries priced by the people along them whenever a population is balanced.
    run.population_column = population_column(data, options);
    const std::vector<double>* population =
        run.population_column.empty() ? nullptr : &data.demand.column(run.population_column);
    CutCostKind cut = options.cut_cost;
    if (cut == CutCostKind::automatic) cut = population ? CutCostKind::people : CutCostKind::length;
    if (cut == CutCostKind::people && !population)
        throw Error(ErrorKind::field_not_found, "the people cut cost needs a population column: balance one "
                                               "(e.g. pop2020_total) or name it as the population");
    run.cut_cost = cut == CutCostKind::people ? "people" : "length";
    if (cut == CutCostKind::people) request.edge_cost = people_cut_cost(data.graph, *population);

    const double upper_share = options.balance.empty() ? 1.0 : 1.0 + options.balance.front().tolerance;
    if (!options.settlements.empty()) {
        const std::string area = options.area_name.empty() ? area_name_of(data) : options.area_name;
        run.settlements_spec = options.settlements;
        run.settlements = find_settlements(data, parse_settlements(options.settlements), options.keep_whole_tables,
                                           population ? *population : run.balance.front().values, area);
        request.groupings.push_back(run.settlements->groups);
    }
    if (!options.building_blocks.empty()) {
        run.blocks = assign_building_blocks(zones, parse_building_blocks(options.building_blocks));
        run.block_groups.kind = "building block";
        run.block_groups.of_zone = run.blocks->block_of_zone;
        run.block_groups.names = run.blocks->block_names;
        run.block_groups.split_cost = options.block_split_cost >= 0 ? options.block_split_cost : options.split_cost;
        if (options.blocks == BlockMode::hard) {
            // Only whole pieces move; a block in several pieces (a best-fit ward can be)
            // keeps them together unless contiguity forbids it, as a settlement would.
            request.hard_blocks = run.blocks->block_of_zone;
            request.hard_block_names = run.blocks->block_names;
            ZoneGroups together = run.block_groups;
            together.keep_whole = true;
            request.groupings.push_back(together);
        } else {
            request.groupings.push_back(run.block_groups);
        }
    }
    if (!options.hubs.empty()) {
        run.hubs = options.hubs;
    } else if (run.settlements) {
        // One locality per main town and its hinterland: the largest settlements, each
        // at least half a typical locality's radius from the others.
        double area = 0;
        for (const double a : zones.areas) area += a;
        const double radius = std::sqrt(area / k / 3.141592653589793);
        const auto& people = population ? *population : run.balance.front().values;
        double people_total = 0;
        for (const double v : people) people_total += v;
        run.hubs = settlement_hubs(data, *run.settlements, k, people_total / k * upper_share, 0.5 * radius);
    }
    request.hubs = run.hubs;

    const auto t0 = std::chrono::steady_clock::now();
    run.result = partition(request);
    const auto t1 = std::chrono::steady_clock::now();
    for (const auto& note : run.result.notes) run.result.problems.insert(run.result.problems.begin(), note);

    // The statistics planners read: people on a boundary, settlements and blocks split.
    CommunityContext community;
    community.population = population;
    if (run.settlements) community.groupings.push_back(&run.settlements->groups);
    if (run.blocks) community.groupings.push_back(&run.block_groups);
    run.result.stats = evaluate(data.graph, run.result.assignment, k, run.balance, run.groups, community);

    const auto places = run.settlements ? place_names(data, options.keep_whole_tables) : std::vector<std::string>{};
    const auto place_based = run.settlements ? locality_names_from_places(data, run.result.assignment, k,
                                                                          &*run.settlements, places,
                                                                          population ? *population : std::vector<double>{})
                                             : std::vector<std::string>{};
    for (int j = 0; j < k; ++j) {
        if (j < static_cast<int>(options.names.size()) && !options.names[j].empty()) run.names.push_back(options.names[j]);
        else if (!place_based.empty()) run.names.push_back(place_based[j]);
        else run.names.push_back("Locality " + std::to_string(j + 1));
    }
    run.shapes = dissolve_groups(zones.shapes, zones.boxes, run.result.assignment, k);
    const auto t2 = std::chrono::steady_clock::now();
    run.partition_seconds = std::chrono::duration<double>(t1 - t0).count();
    run.dissolve_seconds = std::chrono::duration<double>(t2 - t1).count();
    return run;
}

namespace {
// Rounded by a division, so the JSON shows 509.078, not 509.07800000000003.
double round_to(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}
} // namespace

std::vector<Feature> locality_features(const LocalityRun& run) {
    const auto& stats = run.result.stats;
    std::vector<Feature> features(run.names.size());
    for (std::size_t j = 0; j < run.names.size(); ++j) {
        const auto& s = stats.localities[j];
        auto& p = features[j].properties;
        features[j].shape = run.shapes[j];
        p["locality"] = static_cast<int>(j + 1);
        p["name"] = run.names[j];
        p["zones"] = s.zones;
        bool within = true;
        for (std::size_t l = 0; l < run.balance.size(); ++l) {
            p[run.balance[l].name] = round_to(s.totals[l], 2);
            p[run.balance[l].name + "_deviation_pct"] = round_to(s.deviation[l] * 100.0, 3);
            within = within && std::abs(s.deviation[l]) <= run.balance[l].tolerance + 1e-12;
        }
        if (!run.population_column.empty()) {
            p["people_on_boundary"] = round_to(s.people_on_boundary, 0);
            p["people_on_boundary_pct"] = round_to(s.people > 0 ? 100.0 * s.people_on_boundary / s.people : 0.0, 2);
        }
        if (run.settlements) {
            const int main = s.main_settlement;
            p["main_settlement"] = main >= 0 ? run.settlements->groups.names[main] : std::string();
            // Settlements with zones here that are split between localities.
            std::vector<std::string> split_here;
            for (const auto& splits : stats.splits) {
                if (splits.kind != "settlement") continue;
                for (const int group : splits.split)
                    for (const auto zone : run.settlements->zones[group])
                        if (run.result.assignment[zone] == static_cast<int>(j)) {
                            split_here.push_back(run.settlements->groups.names[group]);
                            break;
                        }
            }
            std::string joined; // text, not an array, so GeoPackage and Shapefile take it too
            for (const auto& name : split_here) joined += (joined.empty() ? "" : "; ") + name;
            p["settlements_split"] = joined;
        }
        p["area_km2"] = round_to(s.area / 1e6, 3);
        p["polsby_popper"] = round_to(s.polsby_popper, 4);
        p["contiguous"] = s.connected();
        p["crossings"] = s.crossings;
        p["within_tolerance"] = within;
    }
    return features;
}

LayerStyle locality_style(const LocalityRun& run) {
    LayerStyle style;
    style.name = "localities";
    style.category_field = "locality";
    style.label_field = "name";
    for (std::size_t j = 0; j < run.names.size(); ++j)
        style.categories.push_back({std::to_string(j + 1), run.names[j], default_locality_colour(j)});
    return style;
}

std::string assignment_csv(const ZoneLayer& zones, const LocalityRun& run) {
    std::vector<AssignmentRow> rows;
    rows.reserve(zones.size());
    for (std::size_t zone = 0; zone < zones.size(); ++zone) {
        const int j = run.result.assignment[zone];
        rows.push_back({zones.ids[zone], std::to_string(j + 1), run.names[j]});
    }
    return assignment_to_csv(rows);
}

} // namespace lp
