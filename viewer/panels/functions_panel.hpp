#pragma once
// The integration functions of the active locality: arrangement (local, hosted by a
// locality, partnership-wide, acute), demand share and notes, edited through undoable
// commands; below, the statutory check, live, listing what is missing.
#include "model/session.hpp"

namespace lp::viewer {

void functions_panel_ui(Session& session);
// Gives every locality the catalogue's default for each function it lacks (one undo step).
void fill_default_arrangements(Session& session);

} // namespace lp::viewer
