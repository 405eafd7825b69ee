#pragma once
// How far a long read has got (issue 24 item 9: all of Scotland, or a 200,000-zone layer,
// took seconds with nothing to show). The engine prints nothing: a program that wants a
// progress line passes a callback and decides what to show, how often and where. Calls
// come every few dozen features, one at a time but not always on the caller's thread
// (the graph is built on a second thread while the tables are joined), so a receiver
// throttles and keeps its own state unshared.
#include <cstddef>
#include <functional>

namespace lp {

enum class ReadStage {
    reading_features, // features read from the source: done of total (total 0: the driver
                      // cannot count without reading the whole source)
    preparing_zones,  // zones reprojected, validity-tested and repaired: done of total
    building_graph,   // the contiguity graph: done of total steps (lp::graph_steps: outlines, shared
                      // boundaries, crossings, the graph) as each begins, done = total when built
    finished,         // everything read: done = total = the zones kept
};

struct ReadProgress {
    ReadStage stage = ReadStage::reading_features;
    std::size_t done = 0;
    std::size_t total = 0;
    std::size_t kept = 0;         // reading_features: the zones kept so far (a filter leaves others out)
    std::size_t repaired = 0;     // finished: zones whose geometry was repaired
    std::size_t graph_edges = 0;  // building_graph when built, and finished: the graph's edges (0: no graph)
};

using ReadProgressCallback = std::function<void(const ReadProgress&)>;

} // namespace lp
