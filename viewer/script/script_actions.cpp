#include "script/script_actions.hpp"

#include <lp/core/error.hpp>

#include <array>

namespace lp::viewer {
namespace {

using enum ScriptNeeds;

// Usage words in capitals are values; a|b is one of the words; [X] may be left out.
constexpr std::array actions{
    // The window and the script's pace.
    ScriptAction{"quit", 0, "quit", nothing},
    ScriptAction{"wait-frames", 1, "wait-frames N", nothing},
    ScriptAction{"wait-seconds", 1, "wait-seconds S", nothing},
    ScriptAction{"close", 0, "close", nothing},
    ScriptAction{"wait-file", 1, "wait-file PATH", nothing},
    ScriptAction{"print-view", 0, "print-view", nothing},
    ScriptAction{"print-labels", 0, "print-labels", nothing},
    ScriptAction{"mouse", 2, "mouse X Y", nothing},
    ScriptAction{"prompt", 1, "prompt save|discard|cancel", nothing},
    ScriptAction{"recovery", 1, "recovery restore|keep|discard", nothing},
    ScriptAction{"screenshot", 1, "screenshot PATH", nothing},
    ScriptAction{"export-png", 1, "export-png PATH [SIZE [DPI]]", nothing},
    ScriptAction{"export-svg", 1, "export-svg PATH", nothing},
    ScriptAction{"compare", 1, "compare PATH|off", nothing},
    ScriptAction{"menu", 1, "menu quit | menu open-data PLAN", nothing},
    // The map.
    ScriptAction{"fit", 0, "fit", nothing},
    ScriptAction{"zoom", 1, "zoom FACTOR", nothing},
    ScriptAction{"pan", 2, "pan DX DY", nothing},
    ScriptAction{"brush-radius", 1, "brush-radius PIXELS", nothing},
    ScriptAction{"brush", 2, "brush X Y", plan},
    ScriptAction{"choropleth", 1, "choropleth COLUMN|off", data},
    ScriptAction{"choropleth-classes", 1, "choropleth-classes quantile|equal", data},
    ScriptAction{"hover", 1, "hover ZONE|off", data},
    ScriptAction{"search", 1, "search TEXT", data},
    ScriptAction{"search-text", 1, "search-text TEXT", data},
    // Edits.
    ScriptAction{"paint", 2, "paint ZONE[,ZONE...] LOCALITY", plan},
    ScriptAction{"unassign", 1, "unassign ZONE[,ZONE...]", plan},
    ScriptAction{"lock-zone", 1, "lock-zone ZONE", plan},
    ScriptAction{"unlock-zone", 1, "unlock-zone ZONE", plan},
    ScriptAction{"lock-locality", 1, "lock-locality LOCALITY", plan},
    ScriptAction{"unlock-locality", 1, "unlock-locality LOCALITY", plan},
    ScriptAction{"begin-stroke", 0, "begin-stroke [LABEL]", plan},
    ScriptAction{"end-stroke", 0, "end-stroke", plan},
    ScriptAction{"undo", 0, "undo", plan},
    ScriptAction{"redo", 0, "redo", plan},
    ScriptAction{"select-locality", 1, "select-locality LOCALITY", plan},
    ScriptAction{"new-locality", 1, "new-locality NAME", plan},
    ScriptAction{"rename", 2, "rename LOCALITY NAME", plan},
    ScriptAction{"recolour", 2, "recolour LOCALITY #rrggbb", plan},
    ScriptAction{"merge", 2, "merge KEPT ABSORBED", plan},
    ScriptAction{"split", 1, "split LOCALITY", plan},
    ScriptAction{"optimise", 0, "optimise", plan},
    ScriptAction{"split-policy", 1, "split-policy refuse|warn", plan},
    ScriptAction{"arrangement", 3, "arrangement FUNCTION LOCALITY local|hosted|partnership-wide|acute [HOST]", plan},
    ScriptAction{"fill-defaults", 0, "fill-defaults", plan},
    ScriptAction{"balance", 2, "balance add|set COLUMN TOL% | balance remove COLUMN", nothing},
    ScriptAction{"alternatives", 1, "alternatives start STEPS SEED|until-reliable MAX_SECONDS SEED|wait|cancel", plan},
    // Generate localities: the dialog's settings, then a run (each run waits for it).
    ScriptAction{"generate-dialog", 1, "generate-dialog open|close", plan},
    ScriptAction{"generate-hub", 1, "generate-hub PLACE [= NAME]", data},
    ScriptAction{"generate-pick", 2, "generate-pick X Y", data},
    ScriptAction{"generate-clear-hubs", 0, "generate-clear-hubs", data},
    ScriptAction{"generate-band", 1, "generate-band COLUMN:TOL[:soft]", data},
    ScriptAction{"generate-set", 2, "generate-set seed|settlements|split-settlements|building-blocks|blocks VALUE", data},
    ScriptAction{"generate", 1, "generate K", plan},
    ScriptAction{"generate-tradeoff", 0, "generate-tradeoff [BANDS]", plan},
    ScriptAction{"generate-pick-band", 1, "generate-pick-band BAND", plan},
    // Files.
    ScriptAction{"open-plan", 1, "open-plan PATH", nothing},
    ScriptAction{"save-plan", 1, "save-plan PATH", plan},
    ScriptAction{"save-copy", 1, "save-copy PATH", plan},
    ScriptAction{"export-geojson", 1, "export-geojson PATH", plan},
    ScriptAction{"export-report", 1, "export-report PATH", plan},
    ScriptAction{"export-qgis", 1, "export-qgis FOLDER", plan},
    // Checks: a failing one stops the script.
    ScriptAction{"expect-locality", 2, "expect-locality ZONE LOCALITY|none", plan},
    ScriptAction{"expect-status", 1, "expect-status TEXT", nothing},
    ScriptAction{"expect-title", 1, "expect-title TEXT", nothing},
    ScriptAction{"expect-message", 1, "expect-message TEXT", nothing},
    ScriptAction{"expect-prompt", 1, "expect-prompt recovery|unsaved|none", nothing},
    ScriptAction{"expect-unsaved", 1, "expect-unsaved yes|no", nothing},
    ScriptAction{"expect-balance", 2, "expect-balance COLUMN TOL%|none", nothing},
    ScriptAction{"expect-view-contains", 1, "expect-view-contains ZONE [KM]", data},
    ScriptAction{"expect-control-visible", 1, "expect-control-visible NAME", nothing},
    ScriptAction{"expect-alternatives-steps-at-least", 1, "expect-alternatives-steps-at-least N", nothing},
};

} // namespace

std::span<const ScriptAction> script_actions() { return actions; }

const ScriptAction& script_action_for(const std::vector<std::string>& words) {
    const std::string name = words.empty() ? std::string() : words.front();
    for (const ScriptAction& action : actions) {
        if (action.name != name) continue;
        if (words.size() < action.min_args + 1) throw Error(ErrorKind::bad_setting, "usage: " + std::string(action.usage));
        return action;
    }
    std::string known;
    for (const ScriptAction& action : actions) known += (known.empty() ? "" : ", ") + std::string(action.name);
    throw Error(ErrorKind::bad_setting, "unknown action '" + name + "' (the actions: " + known + ")");
}

} // namespace lp::viewer
