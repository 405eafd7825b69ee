// The engine-private thread pool: its header is reached by path, since only the engine
// has engine/src on its include path.
#include "../../engine/src/core/worker_threads.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>

TEST_CASE("run_workers runs every worker, all on the caller's thread under a budget of one", "[threads]") {
    const lp::detail::ThreadBudget budget(1);
    CHECK(lp::detail::worker_count(1000) == 1u);
    std::set<unsigned> ran;
    std::set<std::thread::id> on;
    std::mutex lock;
    lp::detail::run_workers(4, [&](unsigned w, unsigned workers) {
        std::lock_guard<std::mutex> guard(lock);
        CHECK(workers == 4u);
        ran.insert(w);
        on.insert(std::this_thread::get_id());
    });
    CHECK(ran == std::set<unsigned>{0, 1, 2, 3});
    CHECK(on == std::set<std::thread::id>{std::this_thread::get_id()});
}

TEST_CASE("a thread budget caps work nested on the pool's own threads and ends with its scope", "[threads]") {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    {
        const lp::detail::ThreadBudget budget(2);
        std::mutex lock;
        std::set<unsigned> nested;
        lp::detail::run_workers(2, [&](unsigned, unsigned) {
            const unsigned n = lp::detail::worker_count(1000);
            std::lock_guard<std::mutex> guard(lock);
            nested.insert(n);
        });
        CHECK(nested == std::set<unsigned>{std::min(2u, cores)});
    }
    CHECK(lp::detail::worker_count(1000) == std::min(1000u, cores));
}

TEST_CASE("run_workers rethrows the lowest-numbered worker's exception after all have run", "[threads]") {
    std::set<unsigned> ran;
    std::mutex lock;
    try {
        lp::detail::run_workers(3, [&](unsigned w, unsigned) {
            {
                std::lock_guard<std::mutex> guard(lock);
                ran.insert(w);
            }
            if (w >= 1) throw std::runtime_error("worker " + std::to_string(w));
        });
        FAIL("no exception");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "worker 1");
    }
    CHECK(ran == std::set<unsigned>{0, 1, 2});
}
