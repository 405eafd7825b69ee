#include "progress_line.hpp"

#include <lp/core/error.hpp>
#include <lp/io/zone_layer.hpp>
#include <lp/report/report_style.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <memory>
#include <unistd.h>

namespace lp::cli {

ProgressLine::ProgressLine(bool terminal) : terminal_(terminal) {}

void ProgressLine::show(const std::string& text) {
    if (terminal_) {
        // Spaces cover what a longer line before left on the screen.
        const std::size_t pad = shown_ > text.size() ? shown_ - text.size() : 0;
        std::fprintf(stderr, "\r%s%s", text.c_str(), std::string(pad, ' ').c_str());
        shown_ = std::max<std::size_t>(text.size(), 1);
    } else {
        std::fprintf(stderr, "%s\n", text.c_str());
    }
    std::fflush(stderr);
}

void ProgressLine::end() {
    if (!shown_) return;
    std::fprintf(stderr, "\n");
    std::fflush(stderr);
    shown_ = 0;
}

bool stderr_is_terminal() { return isatty(fileno(stderr)) != 0; }

ReadProgressMode read_progress_mode(bool command_reports_progress) {
    ReadProgressMode mode;
    mode.terminal = stderr_is_terminal();
    const char* text = std::getenv("LP_PROGRESS");
    const std::string value = text ? text : "";
    if (value.empty()) mode.on = mode.terminal || command_reports_progress;
    else if (value == "0") mode.on = false;
    else if (value == "1") mode.on = true;
    else if (value == "now") {
        mode.on = true;
        mode.quiet = std::chrono::milliseconds(0);
    } else {
        throw Error(ErrorKind::bad_setting, "LP_PROGRESS=" + value + ": progress is 0 (never), 1 (always) or now "
                                            "(always, from the start of a read)");
    }
    return mode;
}

namespace {

// The time between two lines of one stage: about four a second, so a log is not flooded
// and a terminal line stays readable.
constexpr std::chrono::milliseconds line_interval{250};

class ReadProgressPrinter {
public:
    ReadProgressPrinter(const std::string& source, const ReadProgressMode& mode)
        : line_(mode.terminal), quiet_(mode.quiet), t0_(std::chrono::steady_clock::now()) {
        // A file by its name (the path is in the command line); a connection string or URL whole.
        source_ = is_gdal_source_name(source) ? source : std::filesystem::path(source).filename().string();
    }

    void operator()(const ReadProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        if (p.stage == ReadStage::finished) {
            // A last line after others, or for a read that took longer than the quiet time
            // (its last step was long): a quick read shows nothing at all.
            if (shown_any_ || now - t0_ >= quiet_) {
                const double seconds = std::chrono::duration<double>(now - t0_).count();
                char time[32];
                std::snprintf(time, sizeof time, "%.1f s", seconds);
                std::string text = "boundaries: read " + thousands(static_cast<double>(p.done)) + " zones from " +
                                   source_ + " in " + time;
                std::string notes;
                if (p.repaired) notes += thousands(static_cast<double>(p.repaired)) + " repaired";
                if (p.graph_edges)
                    notes += (notes.empty() ? "" : "; ") + std::string("contiguity graph of ") +
                             thousands(static_cast<double>(p.graph_edges)) + " edges";
                if (!notes.empty()) text += " (" + notes + ")";
                line_.show(text);
            }
            line_.end();
            return;
        }
        if (now - t0_ < quiet_) return;
        // The graph once built is in the last line, which follows at once.
        if (p.stage == ReadStage::building_graph && p.done == p.total) return;
        // A new stage, or a step of the graph, shows at once; within a stage, lines are spaced.
        const bool new_stage = !shown_any_ || p.stage != last_stage_ || p.stage == ReadStage::building_graph;
        if (!new_stage && now - last_ < line_interval) return;
        line_.show("boundaries: " + describe(p));
        shown_any_ = true;
        last_stage_ = p.stage;
        last_ = now;
    }

private:
    std::string describe(const ReadProgress& p) const {
        const auto n = [](std::size_t value) { return thousands(static_cast<double>(value)); };
        switch (p.stage) {
        case ReadStage::reading_features: {
            std::string text = "reading " + source_ + ": " + n(p.done) + (p.total ? " of " + n(p.total) : "") + " features";
            if (p.kept != p.done) text += ", " + n(p.kept) + " zones kept";
            return text;
        }
        case ReadStage::preparing_zones:
            return "checking zones: " + n(p.done) + " of " + n(p.total) + " reprojected, validated, repaired where invalid";
        case ReadStage::building_graph: {
            static constexpr const char* steps[] = {"outlines", "shared boundaries", "crossings between pieces",
                                                    "edges and perimeters"};
            static_assert(std::size(steps) == graph_steps);
            return "building the contiguity graph of " + n(p.kept) + " zones: " +
                   steps[std::min<std::size_t>(p.done, graph_steps - 1)];
        }
        case ReadStage::finished:
            break;
        }
        return {};
    }

    ProgressLine line_;
    std::chrono::milliseconds quiet_;
    std::chrono::steady_clock::time_point t0_;
    std::chrono::steady_clock::time_point last_{};
    std::string source_;
    bool shown_any_ = false;
    ReadStage last_stage_ = ReadStage::reading_features;
}; // class ReadProgressPrinter

} // namespace

ReadProgressCallback read_progress_printer(const std::string& source, const ReadProgressMode& mode) {
    if (!mode.on) return {};
    // Shared: DatasetOptions (and the callback in it) is copied, and every copy reports to
    // the one line.
    auto printer = std::make_shared<ReadProgressPrinter>(source, mode);
    return [printer](const ReadProgress& p) { (*printer)(p); };
}

Dataset load_dataset_showing_progress(DatasetOptions options, bool command_reports_progress) {
    options.progress = read_progress_printer(options.zones.path, read_progress_mode(command_reports_progress));
    return load_dataset(options);
}

} // namespace lp::cli
