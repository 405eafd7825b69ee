#pragma once
// The question a recovery file newer than its plan asks (Session::recovery_pending()):
// restore the recovered work, keep the file aside, or discard it.
#include "model/session.hpp"

namespace lp::viewer {

// Draws the question while a recovery file waits and `allowed` (no other question is
// showing); the buttons call Session::answer_recovery, failures go to the error window.
void recovery_prompt_ui(Session& session, bool allowed);

} // namespace lp::viewer
