#pragma once
// The actions a viewer script may use, as data: name, the words that must follow it, the
// usage line and what must be open first. ScriptRunner dispatches on this table, so an
// unknown action's error can list them all, and docs/viewer.md's table of actions is
// checked against it (tests/viewer/script/script_actions_test.cpp).
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lp::viewer {

// What an action works on, checked before it runs.
enum class ScriptNeeds { nothing, data, plan };

struct ScriptAction {
    std::string_view name;
    std::size_t min_args = 0;  // words that must follow the name
    std::string_view usage;    // exactly as docs/viewer.md's table shows it
    ScriptNeeds needs = ScriptNeeds::nothing;
};

std::span<const ScriptAction> script_actions();

// The action a script line names, its arguments counted. Throws lp::Error(usage) for an
// unknown action (listing the actions) or too few arguments (giving the usage).
const ScriptAction& script_action_for(const std::vector<std::string>& words);

} // namespace lp::viewer
