#pragma once
// Messages waiting for the error window: what went wrong, in the planner's words. The
// session's parts add to it; the window shows and clears them.
#include <string>
#include <utility>
#include <vector>

namespace lp::viewer {

class ErrorLog {
public:
    void add(std::string title, std::string message) { pending_.push_back({std::move(title), std::move(message)}); }
    struct Entry {
        std::string title;
        std::string message;
    };
    std::vector<Entry>& pending() { return pending_; }

private:
    std::vector<Entry> pending_;
}; // class ErrorLog

} // namespace lp::viewer
