#include "plan_inputs.hpp"

#include <lp/core/error.hpp>
#include <lp/io/crossings_table.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/plan/plan_sources.hpp>

#include <set>

namespace lp::cli {

LoadedPlan load_plan_input(const std::string& plan_path, const std::string& assignment_path, const DataOptions& data,
                           const std::string& functions_path) {
    if (plan_path.empty() == assignment_path.empty())
        throw Error(ErrorKind::bad_setting, "give either --plan FILE or --assignment CSV");
    LoadedPlan loaded;
    if (!plan_path.empty()) {
        loaded.plan = read_plan(plan_path);
        loaded.path = plan_path;
        return loaded;
    }
    if (data.dataset.zones.path.empty() || data.dataset.zones.id_field.empty())
        throw Error(ErrorKind::bad_setting, "--assignment needs the data options too (at least --zones and --id-field)");
    loaded.path = assignment_path;
    loaded.plan = plan_from_assignment(read_assignment_csv(assignment_path), &loaded.conflicts);
    record_sources(loaded.plan, data.resolved(), functions_path);
    if (!data.dataset.crossings_csv.empty())
        for (const auto& c : read_crossings_csv(data.dataset.crossings_csv))
            loaded.plan.crossings.push_back({c.zone_a, c.zone_b, c.note});
    add_default_arrangements(loaded.plan, catalogue_for(loaded, functions_path));
    return loaded;
}

DatasetOptions dataset_options_for(const LoadedPlan& plan, const DataOptions& data) {
    if (!data.dataset.zones.path.empty()) return data.resolved();
    return dataset_options_from_plan(plan.plan, plan.path);
}

FunctionCatalogue catalogue_for(const LoadedPlan& plan, const std::string& functions_path) {
    if (!functions_path.empty()) return read_catalogue(functions_path);
    return read_catalogue(catalogue_path_from_plan(plan.plan, plan.path));
}

void guess_partnership(LocalityPlan& plan, const Dataset& data, const DatasetOptions& options) {
    auto single = [](const std::vector<std::string>& values) -> std::string {
        std::set<std::string> distinct(values.begin(), values.end());
        distinct.erase("");
        return distinct.size() == 1 ? *distinct.begin() : std::string{};
    };
    std::string code, name;
    for (const auto& path : options.demand_paths) {
        try {
            code = single(join_text_column(data.zones, path, "", "hscp_code"));
            name = single(join_text_column(data.zones, path, "", "hscp_name"));
        } catch (const Error&) {
            continue; // not a lookup table
        }
        if (!code.empty()) break;
    }
    if (code.empty()) {
        if (const auto* ca = data.zones.field("ca_code")) code = single(*ca);
        if (const auto* ca = data.zones.field("ca_name")) name = single(*ca);
    }
    if (plan.partnership_code.empty()) plan.partnership_code = code;
    if (plan.partnership_name.empty()) plan.partnership_name = name;
}

} // namespace lp::cli
