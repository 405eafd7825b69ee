#pragma once
// Runs body(worker, workers) for workers 0..workers-1: worker 0 on the calling thread,
// the others on threads of their own (fewer threads, each running several workers in
// turn, under a ThreadBudget), and rethrows, after all have finished, the exception of
// the lowest-numbered worker that threw (not the first to throw in time). Each body
// typically takes every workers-th item and owns its per-thread state (a GEOS context,
// say). Private to the engine.
#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace lp::detail {

// Threads the work on this thread may use, 0 for every core. A caller that already runs
// on several threads (the batch, one partnership a worker) shares the cores out, so work
// nested inside does not start a thread per core in every worker.
inline thread_local unsigned thread_budget = 0;

inline unsigned threads_allowed() {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return thread_budget ? std::min(thread_budget, cores) : cores;
}

// Sets this thread's budget for as long as it lives.
class ThreadBudget {
public:
    explicit ThreadBudget(unsigned threads) : saved_(thread_budget) { thread_budget = std::max(1u, threads); }
    ~ThreadBudget() { thread_budget = saved_; }
    ThreadBudget(const ThreadBudget&) = delete;
    ThreadBudget& operator=(const ThreadBudget&) = delete;

private:
    unsigned saved_;
};

// As many workers as the budget allows, but none without work: at most `items`, at least one.
inline unsigned worker_count(std::size_t items) {
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads_allowed(), items)));
}

template <typename Body>
void run_workers(unsigned workers, Body body) {
    if (workers <= 1) { // no thread to start: the caller is the one worker
        body(0u, 1u);
        return;
    }
    // Every worker runs, whatever the budget: a caller asking for two (the two halves of
    // a plan, say) gets both, one after the other when only one thread is allowed.
    const unsigned threads = std::min(workers, threads_allowed());
    const unsigned budget = thread_budget; // nested work on the new threads keeps the caller's cap
    std::vector<std::exception_ptr> errors(workers);
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    auto run = [&](unsigned thread) {
        for (unsigned w = thread; w < workers; w += threads) {
            try {
                body(w, workers);
            } catch (...) {
                errors[w] = std::current_exception();
            }
        }
    };
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back([&, t] {
            thread_budget = budget;
            run(t);
        });
    run(0);
    for (auto& t : pool) t.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

} // namespace lp::detail
