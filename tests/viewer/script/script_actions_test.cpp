#include "script/script_actions.hpp"

#include <lp/core/error.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <string>

namespace {

// docs/viewer.md's table of script actions: usage (the first cell's code, `\|` as `|`) by
// action name.
std::map<std::string, std::string> documented_actions() {
    std::ifstream in(std::string(LP_SOURCE_DIR) + "/docs/viewer.md");
    REQUIRE(in);
    std::map<std::string, std::string> usages;
    bool in_section = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("## ", 0) == 0) in_section = line == "## Scripts and screenshots";
        if (!in_section || line.rfind("| `", 0) != 0) continue;
        const std::size_t end = line.find("` |", 3);
        REQUIRE(end != std::string::npos);
        std::string usage = line.substr(3, end - 3);
        for (std::size_t at; (at = usage.find("\\|")) != std::string::npos;) usage.erase(at, 1);
        const std::string name = usage.substr(0, usage.find(' '));
        CHECK(usages.emplace(name, usage).second);  // each action once
    }
    return usages;
}

std::string error_of(const std::vector<std::string>& words) {
    try {
        lp::viewer::script_action_for(words);
    } catch (const lp::Error& e) {
        CHECK(e.kind() == lp::ErrorKind::bad_setting);
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("script actions: docs/viewer.md lists exactly the runner's actions with their usage", "[viewer][script]") {
    const std::map<std::string, std::string> documented = documented_actions();
    REQUIRE(documented.size() > 40);
    std::size_t in_table = 0;
    for (const lp::viewer::ScriptAction& action : lp::viewer::script_actions()) {
        ++in_table;
        const std::string name(action.name);
        INFO("action " << name);
        REQUIRE(documented.count(name) == 1);
        CHECK(documented.at(name) == action.usage);
    }
    CHECK(in_table == documented.size());
}

TEST_CASE("script actions: an unknown action names itself and lists the actions", "[viewer][script]") {
    const std::string message = error_of({"zoom-out", "2"});
    CHECK_THAT(message, Catch::Contains("unknown action 'zoom-out'"));
    CHECK_THAT(message, Catch::Contains("screenshot"));
    CHECK_THAT(message, Catch::Contains("expect-alternatives-steps-at-least"));
}

TEST_CASE("script actions: too few arguments give the action's usage", "[viewer][script]") {
    CHECK(error_of({"zoom"}) == "usage: zoom FACTOR");
    CHECK(error_of({"paint", "S01"}) == "usage: paint ZONE[,ZONE...] LOCALITY");
    CHECK(error_of({"paint", "S01", "0"}).empty());
    CHECK(lp::viewer::script_action_for({"optimise"}).needs == lp::viewer::ScriptNeeds::plan);
    CHECK(lp::viewer::script_action_for({"quit"}).needs == lp::viewer::ScriptNeeds::nothing);
}
