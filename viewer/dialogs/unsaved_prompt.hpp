#pragma once
// "Save changes to <plan>?" before the plan is closed or replaced (closing the window,
// opening another plan, a new plan, other data): Save, Discard or Cancel. The logic is
// separate from the drawing so scripts answer it the same way the buttons do.
#include "model/session.hpp"

#include <functional>
#include <string>

namespace lp::viewer {

enum class UnsavedAnswer { save, discard, cancel };

class UnsavedPrompt {
public:
    // Runs `then` at once when the plan has no unsaved changes (its exceptions reach the
    // caller); otherwise asks, and runs it after Save or Discard, never after Cancel.
    // `what` names what waits ("close the window", "open plan x.json").
    void request(Session& session, std::string what, std::function<void()> then);
    bool open() const { return static_cast<bool>(then_); }
    const std::string& what() const { return what_; }

    // save: saves the plan (an untitled one to save_path) and goes on; discard: removes
    // the recovery files of the dropped changes and goes on; cancel: forgets the request.
    // Failures (a save, or what was waiting) go to the error window; a failed save keeps
    // the question open. Returns whether the question is closed.
    bool answer(Session& session, UnsavedAnswer answer);
    // Where Save writes an untitled plan (typed in the question).
    std::string save_path = "plan.json";

    // Draws the question while it is open.
    void ui(Session& session);

private:
    bool go_on(Session& session);

    std::function<void()> then_;
    std::string what_;
}; // class UnsavedPrompt

} // namespace lp::viewer
