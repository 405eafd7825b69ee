#pragma once
// How far opening data has got, for the loading screen: the engine's read progress
// (lp/io/read_progress.hpp: features read, zones prepared, the graph's steps) and then
// the map's triangulation, heard on the reading thread and read by the window's, so
// guarded by a mutex. One per opening.
#include <lp/io/read_progress.hpp>

#include <mutex>
#include <string>

namespace lp::viewer {

class LoadProgress {
public:
    // Each stage's share of the whole: reading and preparing the zones take most of it.
    struct Shown {
        float fraction = -1;  // 0..1; negative: not known yet (a bar that sweeps)
        std::string text;     // "reading zones: 3,000 of 6,976"
    };
    // On the reading thread.
    void hear(const ReadProgress& progress);
    // The map's triangulation: zones done of all.
    void triangulating(std::size_t done, std::size_t total);
    // On the window's thread.
    Shown shown() const;
    // The stages heard so far (bit i: ReadStage i), whether or not they moved the bar.
    unsigned stages_heard() const;

private:
    mutable std::mutex mutex_;
    Shown shown_;
    unsigned stages_ = 0;
}; // class LoadProgress

} // namespace lp::viewer
