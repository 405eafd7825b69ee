// The plan file's text is written straight from the plan (no JSON tree); it must stay
// byte for byte what ordered_json::dump(2) of the tree made member by member wrote,
// so plan files saved before and after compare equal.
#include <catch2/catch.hpp>

#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/plan_file.hpp>

#include <nlohmann/json.hpp>

using namespace lp;

namespace {

using Json = nlohmann::ordered_json;

// The writer as it was: an ordered_json tree filled by operator[], dumped with indent 2.
std::string tree_text(const LocalityPlan& plan) {
    Json root = Json::object();
    root["schema_version"] = plan.schema_version;
    root["partnership"] = {{"code", plan.partnership_code}, {"name", plan.partnership_name}};
    Json sources = Json::object();
    for (const auto& [role, path] : plan.sources) sources[role] = path;
    root["sources"] = sources;
    if (!plan.balance.empty()) {
        Json balance = Json::array();
        for (const auto& b : plan.balance) balance.push_back({{"column", b.column}, {"tolerance", b.tolerance}});
        root["balance"] = balance;
    }
    Json localities = Json::array();
    for (const auto& l : plan.localities) {
        Json j = {{"id", l.id}, {"name", l.name}, {"colour", l.colour}};
        if (l.locked) j["locked"] = true;
        localities.push_back(std::move(j));
    }
    root["localities"] = localities;
    Json assignment = Json::object();
    for (const auto& [zone, locality] : plan.assignment) assignment[zone] = locality;
    root["assignment"] = assignment;
    root["locked_zones"] = plan.locked_zones;
    Json crossings = Json::array();
    for (const auto& c : plan.crossings) {
        Json j = {{"zone_a", c.zone_a}, {"zone_b", c.zone_b}};
        if (!c.note.empty()) j["note"] = c.note;
        crossings.push_back(std::move(j));
    }
    root["crossings"] = crossings;
    Json arrangements = Json::object();
    for (const auto& [function, per_locality] : plan.arrangements) {
        Json f = Json::object();
        for (const auto& [locality, a] : per_locality) {
            Json j = {{"delivery", to_string(a.delivery)}};
            if (!a.hosted_by.empty()) j["hosted_by"] = a.hosted_by;
            if (!a.notes.empty()) j["notes"] = a.notes;
            f[locality] = std::move(j);
        }
        arrangements[function] = std::move(f);
    }
    root["arrangements"] = arrangements;
    root["notes"] = plan.notes;
    return root.dump(2) + "\n";
}

} // namespace

TEST_CASE("Plan file: the text is byte for byte what the ordered_json tree wrote", "[plan]") {
    SECTION("every member, with text that needs escaping") {
        LocalityPlan p;
        p.schema_version = plan_schema_version;
        p.partnership_code = "S37000099";
        p.partnership_name = "Ness & \"Isles\" \\ back\tslash";
        p.sources = {{"zones", "/data/z.gpkg"}, {"demand.1", "C:\\data\\pop.csv"}, {"snap", "10"}};
        p.balance = {{"pop_total", 0.1}, {"over_65", 0.25}, {"carers", 1.0 / 3.0}};
        p.localities = {{"L1", "North / \xC3\x99ig", "#1f78b4", true}, {"L2", "South\x01\x7f", "#33a02c", false}};
        p.assignment = {{"S01000001", "L1"}, {"S01000002", "L2"}, {"S01 \"odd\"", "L2"}};
        p.locked_zones = {"S01000002", "S01000001"};
        p.crossings = {{"S01000001", "S01000003", "ferry\nsummer only"}, {"S01000002", "S01000003", ""}};
        p.arrangements["ASC-HC"]["L1"] = {Delivery::local, "", ""};
        p.arrangements["ASC-HC"]["L2"] = {Delivery::hosted, "L1", "shared team\nsee minute 12"};
        p.arrangements["SA-AE"]["L1"] = {Delivery::acute, "", ""};
        p.arrangements["SA-AE"]["L2"] = {Delivery::partnership_wide, "", "via Raigmore"};
        p.notes = "Draft \xE2\x80\x94 for the group";
        const std::string text = plan_to_json_text(p);
        CHECK(text == tree_text(p));
        CHECK(plan_from_json_text(text, "p.json") == p);
    }
    SECTION("nothing but the required members: empty objects and arrays") {
        const LocalityPlan p;
        CHECK(plan_to_json_text(p) == tree_text(p));
        CHECK(plan_to_json_text(p).find("\"assignment\": {},") != std::string::npos);
    }
    SECTION("text that is not UTF-8 is refused as before") {
        LocalityPlan p;
        p.notes = "\xCC" "le";
        CHECK_THROWS_AS(plan_to_json_text(p), nlohmann::json::type_error);
        CHECK_THROWS_AS(tree_text(p), nlohmann::json::type_error);
    }
}
