#pragma once
// A modal window for each problem opening or saving a file: what failed and why.
#include "model/session.hpp"

namespace lp::viewer {

void error_window_ui(ErrorLog& errors);

} // namespace lp::viewer
