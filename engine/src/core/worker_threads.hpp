#pragma once
// Runs body(worker, workers) for workers 0..workers-1: worker 0 on the calling thread,
// the others on threads of their own, and rethrows the first exception any of them
// raised, after all have finished. Each body typically takes every workers-th
// item and owns its per-thread state (a GEOS context, say). Private to the engine.
#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace lp::detail {

// As many workers as cores, but none without work: at most `items`, at least one.
inline unsigned worker_count(std::size_t items) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(cores, items)));
}

template <typename Body>
void run_workers(unsigned workers, Body body) {
    if (workers <= 1) { // no thread to start: the caller is the one worker
        body(0u, 1u);
        return;
    }
    std::vector<std::exception_ptr> errors(workers);
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    auto run = [&](unsigned w) {
        try {
            body(w, workers);
        } catch (...) {
            errors[w] = std::current_exception();
        }
    };
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back(run, w);
    run(0);
    for (auto& t : pool) t.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

} // namespace lp::detail
