#pragma once
// Runs body(worker, workers) on `workers` threads (one worker runs on the calling thread)
// and rethrows the first exception any of them raised, after all have finished. Each body typically takes every workers-th
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
    pool.reserve(workers);
    for (unsigned w = 0; w < workers; ++w) {
        pool.emplace_back([&, w] {
            try {
                body(w, workers);
            } catch (...) {
                errors[w] = std::current_exception();
            }
        });
    }
    for (auto& t : pool) t.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

} // namespace lp::detail
