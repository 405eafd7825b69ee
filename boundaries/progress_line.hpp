#pragma once
// The one way `boundaries` shows progress, on stderr only (stdout and the output files
// never see it): on a terminal one line that rewrites itself, in a log plain lines. The
// ensemble's steps, the batch's partnerships and long reads all go through it.
#include <lp/data/dataset.hpp>

#include <chrono>
#include <cstddef>
#include <string>

namespace lp::cli {

class ProgressLine {
public:
    // terminal: rewrite one line (\r) rather than print a line each time.
    explicit ProgressLine(bool terminal);
    ~ProgressLine() { end(); }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    bool terminal() const { return terminal_; }
    // Shows text now: on a terminal over the line before (padded to cover a longer one),
    // in a log as a line of its own.
    void show(const std::string& text);
    // On a terminal, ends the line being rewritten, so what comes next starts on its own.
    void end();

private:
    bool terminal_;
    std::size_t shown_ = 0; // on a terminal: the length of the line being rewritten, 0 when none
}; // class ProgressLine

bool stderr_is_terminal();

// Whether a read shows progress: LP_PROGRESS=0 never; 1 always (plain lines when stderr is
// not a terminal), after the first second; `now` always, from the start (what the tests
// use, to see lines from reads of any length); unset or empty: when stderr is a terminal,
// or when the command reports progress anyway (command_reports_progress: ensemble,
// generate --all). Anything else is a usage error naming the variable.
struct ReadProgressMode {
    bool on = false;
    bool terminal = false;
    std::chrono::milliseconds quiet{1000}; // a read shorter than this shows nothing
};
ReadProgressMode read_progress_mode(bool command_reports_progress);

// A callback for load_dataset (DatasetOptions::progress) that shows features read of the
// total, zones prepared, the graph and a last line with the time taken, at most about four
// lines a second, on one ProgressLine; empty when the mode is off.
ReadProgressCallback read_progress_printer(const std::string& source, const ReadProgressMode& mode);

// load_dataset with the progress line the mode asks for (the options' own callback, if any,
// is replaced).
Dataset load_dataset_showing_progress(DatasetOptions options, bool command_reports_progress = false);

} // namespace lp::cli
