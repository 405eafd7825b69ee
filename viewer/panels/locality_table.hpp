#pragma once
// The live table: one row per locality with each balance layer's total and deviation
// (red outside tolerance), zones, area, compactness, pieces and crossings; and the
// locality actions: new, rename, recolour, lock, merge, split, optimise.
#include "model/session.hpp"

namespace lp::viewer {

class OptimiserJob;

void locality_table_ui(Session& session, OptimiserJob& optimiser);

} // namespace lp::viewer
