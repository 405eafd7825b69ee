#pragma once
// The "Balance rules" section: the plan's balance layers with their bands. Add a layer
// from the demand columns, set its band in per cent, remove it. The rules are saved in
// the plan (its "balance" member), so each change leaves the plan unsaved.
#include "model/session.hpp"

#include <string>

namespace lp::viewer {

void balance_panel_ui(Session& session);

// The changes the panel makes, also for scripts ("balance add|set|remove"). tolerance
// is a fraction (0.1 is 10 %). Throw lp::Error(usage) on a column the data lacks, a
// layer already there (add) or not there (set, remove), removing the last layer, or a
// band outside (0, 100 %).
void add_balance_layer(Session& session, const std::string& column, double tolerance);
void set_balance_band(Session& session, const std::string& column, double tolerance);
void remove_balance_layer(Session& session, const std::string& column);

} // namespace lp::viewer
