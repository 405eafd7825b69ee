#include <lp/plan/plan_sources.hpp>

#include <lp/core/error.hpp>
#include <lp/geometry/building_blocks.hpp>
#include <lp/io/zone_layer.hpp>
#include <lp/plan/function_catalogue.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>

namespace lp {

namespace {

namespace fs = std::filesystem;

// A source GDAL reads other than a local file (PG:..., /vsicurl/...) is recorded as given,
// so that a plan made from one names it when it is refused (local_path), not a mangled path.
std::string absolute_path(const std::string& path) {
    if (path.empty() || is_gdal_source_name(path)) return path;
    return fs::absolute(fs::path(path)).lexically_normal().string();
}

std::string resolve_against(const std::string& path, const std::string& plan_path) {
    if (path.empty() || fs::path(path).is_absolute()) return path;
    const fs::path folder = fs::absolute(fs::path(plan_path)).parent_path();
    return (folder / path).lexically_normal().string();
}

// The recorded path of role, resolved against the plan's folder; a plan records local files
// only, so anything that would make GDAL download or connect is refused before it opens.
std::string local_path(const std::string& role, const std::string& value, const std::string& plan_path) {
    if (value.empty()) return value;
    // "../../vsicurl/http://..." resolves to "/vsicurl/http:/...": both are looked at.
    const std::string resolved = resolve_against(value, plan_path);
    if (is_gdal_source_name(value) || is_gdal_source_name(resolved) || value.find("://") != std::string::npos)
        throw Error(ErrorKind::bad_plan, plan_path + ": /sources/" + role + ": \"" + value +
                                            "\" is a GDAL virtual path, URL or connection string, not a local file; "
                                            "a plan records local files only (give a remote source on the command "
                                            "line instead)");
    return resolved;
}

void record_list(LocalityPlan& plan, const std::string& role, const std::vector<std::string>& values, bool paths) {
    for (std::size_t i = 0; i < values.size(); ++i)
        plan.sources[role + "." + std::to_string(i + 1)] = paths ? absolute_path(values[i]) : values[i];
}

// "demand.1", "demand.2", ... in numeric order (the map sorts "demand.10" before "demand.2"):
// each key and its value.
std::vector<std::pair<std::string, std::string>> recorded_list(const LocalityPlan& plan, const std::string& role) {
    std::vector<std::pair<long, std::pair<std::string, std::string>>> items;
    const std::string prefix = role + ".";
    for (const auto& [key, value] : plan.sources) {
        if (key.compare(0, prefix.size(), prefix) != 0) continue;
        long n = 0;
        const char* first = key.data() + prefix.size();
        const char* last = key.data() + key.size();
        auto [ptr, ec] = std::from_chars(first, last, n);
        if (ec != std::errc() || ptr != last) continue;
        items.push_back({n, {key, value}});
    }
    std::sort(items.begin(), items.end());
    std::vector<std::pair<std::string, std::string>> values;
    for (auto& [n, item] : items) values.push_back(std::move(item));
    return values;
}

std::string recorded(const LocalityPlan& plan, const std::string& role) {
    auto it = plan.sources.find(role);
    return it == plan.sources.end() ? std::string{} : it->second;
}

} // namespace

void record_sources(LocalityPlan& plan, const DatasetOptions& options, const std::string& catalogue_path) {
    plan.sources.clear();
    auto set = [&](const std::string& role, const std::string& value) {
        if (!value.empty()) plan.sources[role] = value;
    };
    set("zones", absolute_path(options.zones.path));
    set("layer", options.zones.layer);
    set("id_field", options.zones.id_field);
    set("name_field", options.zones.name_field);
    set("filter_field", options.zones.filter_field);
    set("crs", options.zones.working_crs);
    record_list(plan, "filter", options.zones.filter_values, false);
    record_list(plan, "demand", options.demand_paths, true);
    record_list(plan, "points", options.point_paths, true);
    set("crossings", absolute_path(options.crossings_csv));
    set("functions", absolute_path(catalogue_path));
    std::string snap = std::to_string(options.graph.snap_tolerance);
    snap.erase(snap.find_last_not_of('0') + 1);
    if (!snap.empty() && snap.back() == '.') snap.pop_back();
    plan.sources["snap"] = snap;
    plan.sources["adjacency"] = options.graph.adjacency == Adjacency::queen ? "queen" : "rook";
}

DatasetOptions dataset_options_from_plan(const LocalityPlan& plan, const std::string& plan_path) {
    DatasetOptions options;
    options.zones.path = local_path("zones", recorded(plan, "zones"), plan_path);
    options.zones.id_field = recorded(plan, "id_field");
    if (options.zones.path.empty() || options.zones.id_field.empty())
        throw Error(ErrorKind::bad_plan, plan_path + ": /sources: the plan does not record its zone layer (\"zones\" and "
                                                    "\"id_field\"); give the zone layer and its id field");
    options.zones.layer = recorded(plan, "layer");
    options.zones.name_field = recorded(plan, "name_field");
    options.zones.filter_field = recorded(plan, "filter_field");
    options.zones.working_crs = recorded(plan, "crs");
    for (const auto& [role, value] : recorded_list(plan, "filter")) options.zones.filter_values.push_back(value);
    if (options.zones.filter_field.empty() != options.zones.filter_values.empty())
        throw Error(ErrorKind::bad_plan, plan_path + ": /sources: " +
                                            (options.zones.filter_field.empty() ? "filter values (\"filter.1\"...) without "
                                                                                  "a \"filter_field\" to look them up in"
                                                                                : "a \"filter_field\" without any filter "
                                                                                  "value (\"filter.1\"...)"));
    for (const auto& [role, p] : recorded_list(plan, "demand"))
        options.demand_paths.push_back(local_path(role, p, plan_path));
    for (const auto& [role, p] : recorded_list(plan, "points"))
        options.point_paths.push_back(local_path(role, p, plan_path));
    options.crossings_csv = local_path("crossings", recorded(plan, "crossings"), plan_path);
    if (const auto snap = recorded(plan, "snap"); !snap.empty()) {
        double value = 0;
        auto [ptr, ec] = std::from_chars(snap.data(), snap.data() + snap.size(), value);
        if (ec != std::errc() || ptr != snap.data() + snap.size() || value < 0)
            throw Error(ErrorKind::bad_plan, plan_path + ": /sources/snap: \"" + snap + "\" is not a distance in metres");
        options.graph.snap_tolerance = value;
    }
    const auto adjacency = recorded(plan, "adjacency");
    if (adjacency == "queen") options.graph.adjacency = Adjacency::queen;
    else if (adjacency.empty() || adjacency == "rook") options.graph.adjacency = Adjacency::rook;
    else throw Error(ErrorKind::bad_plan, plan_path + ": /sources/adjacency: \"" + adjacency + "\" is not rook or queen");
    return options;
}

std::string recorded_local_path(const LocalityPlan& plan, const std::string& role, const std::string& plan_path) {
    return local_path(role, recorded(plan, role), plan_path);
}

std::string catalogue_path_from_plan(const LocalityPlan& plan, const std::string& plan_path) {
    const auto path = recorded(plan, "functions");
    return path.empty() ? default_catalogue_path() : local_path("functions", path, plan_path);
}

void record_building_blocks(LocalityPlan& plan, const std::string& spec) {
    plan.sources.erase("building_blocks");
    if (spec.empty()) return;
    const BuildingBlockSpec parsed = parse_building_blocks(spec);
    plan.sources["building_blocks"] =
        absolute_path(parsed.path) + (parsed.layer.empty() ? "" : ":" + parsed.layer) + ":" + parsed.field;
}

std::string building_blocks_from_plan(const LocalityPlan& plan, const std::string& plan_path) {
    const std::string spec = recorded(plan, "building_blocks");
    if (spec.empty()) return spec;
    BuildingBlockSpec parsed;
    try {
        parsed = parse_building_blocks(spec);
    } catch (const Error& e) {
        throw Error(ErrorKind::bad_plan, plan_path + ": /sources/building_blocks: " + e.what());
    }
    return local_path("building_blocks", parsed.path, plan_path) + (parsed.layer.empty() ? "" : ":" + parsed.layer) +
           ":" + parsed.field;
}

} // namespace lp
