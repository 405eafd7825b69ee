// The sources a plan records (plan/plan_sources): any plan that reads either gives dataset
// options whose every path is a local file (never /vsi..., a URL or a connection string,
// before or after resolving against the plan's folder) or is refused with a named lp::Error.
#include "fuzz_support.hpp"

#include <lp/io/zone_layer.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/plan/plan_sources.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

void local_only(const std::string& path, const char* role) {
    if (!path.empty() && lp::is_gdal_source_name(path))
        lp::fuzz::broken(std::string("a plan's ") + role + " is not a local file: " + path);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    lp::LocalityPlan plan;
    try {
        plan = lp::plan_from_json_text(text, "/plans/fuzz.plan.json");
    } catch (const lp::Error&) {
        return 0;
    }
    try {
        const lp::DatasetOptions options = lp::dataset_options_from_plan(plan, "/plans/fuzz.plan.json");
        local_only(options.zones.path, "zones");
        local_only(options.crossings_csv, "crossings");
        for (const auto& path : options.demand_paths) local_only(path, "demand");
        for (const auto& path : options.point_paths) local_only(path, "points");
        if (!options.zones.filter_values.empty() && options.zones.filter_field.empty())
            lp::fuzz::broken("filter values without a filter field");
    } catch (const lp::Error&) {
    }
    try {
        local_only(lp::catalogue_path_from_plan(plan, "/plans/fuzz.plan.json"), "functions");
        local_only(lp::recorded_local_path(plan, "rebase_impact", "/plans/fuzz.plan.json"), "rebase_impact");
    } catch (const lp::Error&) {
    }
    return 0;
}
