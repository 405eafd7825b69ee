#include "jobs/ensemble_job.hpp"

#include <lp/core/error.hpp>
#include <lp/ensemble/ensemble_summary.hpp>
#include <lp/ensemble/recom.hpp>
#include <lp/geometry/shared_borders.hpp>
#include <lp/partition/locality_count.hpp>

#include <algorithm>
#include <limits>

namespace lp::viewer {

namespace {

// Steps per chain between updates of what the panel shows: a few a second on Glasgow,
// and a sample every 10 steps (200 per batch) as `boundaries ensemble` thins 10000 to 500.
constexpr std::uint64_t kBatchSteps = 2000;
constexpr std::uint64_t kThin = 10;

BorderLines border_lines(const ZoneLayer& zones, const ContiguityGraph& graph, Point origin) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (const GraphEdge& e : graph.edges()) pairs.emplace_back(e.a, e.b);
    BorderLines lines = shared_borders(zones, pairs);
    for (std::size_t e = 0; e < lines.size(); ++e) {
        const GraphEdge& edge = graph.edges()[e];
        if (edge.crossing || lines[e].empty())
            lines[e] = {Ring{interior_point(zones.shapes[edge.a]), interior_point(zones.shapes[edge.b])}};
        for (Ring& line : lines[e])
            for (Point& p : line) p = {p.x - origin.x, p.y - origin.y};
    }
    return lines;
}

} // namespace

EnsembleJobInputs ensemble_job_inputs(const PlanState& state, const std::vector<double>* population) {
    if (!locality_count_allowed(static_cast<long>(state.locality_count())))
        throw Error(ErrorKind::bad_plan, "alternatives need a plan of at least two localities");
    EnsembleJobInputs in;
    in.graph = std::make_shared<const ContiguityGraph>(state.graph());
    in.k = static_cast<int>(state.locality_count());
    in.start = state.assignment();
    in.balance = state.layers();
    in.locks.assign(state.zone_count(), -1);
    for (std::uint32_t z = 0; z < state.zone_count(); ++z) {
        if (in.start[z] < 0)
            throw Error(ErrorKind::bad_plan, "alternatives need every zone in a locality; " +
                                                std::to_string(state.unassigned_count()) + " are in none");
        if (state.zone_fixed(z)) in.locks[z] = in.start[z];
    }
    if (population) in.population = *population;
    return in;
}

EnsembleJob::~EnsembleJob() { stop(); }

void EnsembleJob::stop() {
    if (!thread_.joinable()) return;
    cancel_ = true;
    thread_.join();
}

void EnsembleJob::start(EnsembleJobInputs inputs) {
    stop();
    cancel_ = false;
    finished_ = false;
    started_ = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(mutex_);
        const std::size_t generation = view_.generation + 1;
        view_ = EnsembleJobView{};
        view_.running = true;
        view_.generation = generation;
        view_.target_ess = inputs.target_ess;
        view_.steps_total = inputs.target_ess > 0 ? 0 : inputs.steps * std::clamp(inputs.chains, 1u, 2u);
        view_.borders = inputs.borders;
    }
    thread_ = std::thread([this, inputs = std::move(inputs)] {
        try {
            run(inputs);
        } catch (const std::exception& e) {
            std::lock_guard lock(mutex_);
            view_.error = e.what();
        }
        {
            std::lock_guard lock(mutex_);
            view_.running = false;
            view_.finished = true;
            view_.cancelled = cancel_.load();
            view_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
            ++view_.generation;
        }
        finished_ = true;
    });
}

EnsembleJobView EnsembleJob::view() const {
    std::lock_guard lock(mutex_);
    EnsembleJobView copy = view_;
    if (copy.running) copy.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    return copy;
}

std::size_t EnsembleJob::generation() const {
    std::lock_guard lock(mutex_);
    return view_.generation;
}

void EnsembleJob::run(const EnsembleJobInputs& in) {
    const ContiguityGraph& graph = *in.graph;
    if (!in.borders && in.zones) {
        auto lines = std::make_shared<const BorderLines>(border_lines(*in.zones, graph, in.origin));
        std::lock_guard lock(mutex_);
        view_.borders = std::move(lines);
    }
    if (cancel_) return;

    EnsembleMetricSpec spec;
    spec.balance = in.balance;
    spec.community.population = in.population.empty() ? nullptr : &in.population;
    EnsembleTally tally(ensemble_metric_names(graph, spec), plan_metrics(graph, in.start, in.k, spec), graph.edges().size());

    const unsigned chains = std::clamp(in.chains, 1u, 2u);
    const bool until_reliable = in.target_ess > 0;
    const std::uint64_t steps = until_reliable ? std::numeric_limits<std::uint64_t>::max() / 4 : in.steps;
    const std::uint64_t total = until_reliable ? 0 : in.steps * chains;
    std::vector<std::vector<int>> position(chains, in.start);  // where each chain stands
    std::vector<std::uint64_t> done(chains, 0);
    std::uint64_t batch = 0;
    // Chains take turns a batch at a time, so both show up in the overlay from the start.
    while (!cancel_) {
        bool any = false;
        for (unsigned c = 0; c < chains && !cancel_; ++c) {
            if (done[c] >= steps) continue;
            any = true;
            EnsembleRequest request;
            request.graph = &graph;
            request.k = in.k;
            request.start = position[c];
            request.balance = in.balance;
            request.locks = in.locks;
            request.steps = std::min(kBatchSteps, steps - done[c]);
            request.chains = 1;
            request.thin = std::min(kThin, request.steps);
            request.seed = in.seed * 1000003ULL + batch * 2 + c;
            request.zone_ids = in.zone_ids.empty() ? nullptr : &in.zone_ids;
            request.cancel = &cancel_;
            std::uint64_t before = 0;
            for (const std::uint64_t d : done) before += d;
            request.progress = [this, before](const EnsembleProgress& p) {
                std::lock_guard lock(mutex_);
                view_.steps_done = before + p.steps_done;
                return !cancel_.load();
            };
            const EnsembleResult result = run_recom(request);
            done[c] += result.chains.empty() ? request.steps : result.chains.front().steps;
            for (const auto& sample : result.samples)
                tally.add(plan_metrics(graph, sample, in.k, spec), sample, graph, c);
            if (!result.samples.empty())
                tally.add_coassignment(coassignment_share(in.start, in.k, result.samples), result.samples.size());
            if (!result.samples.empty())
                position[c].assign(result.samples.back().begin(), result.samples.back().end());
            std::lock_guard lock(mutex_);
            if (batch == 0) view_.plan_within_bands = result.start_valid;
            view_.steps_done = 0;
            for (const std::uint64_t d : done) view_.steps_done += d;
            if (!until_reliable) view_.steps_done = std::min(view_.steps_done, total);
            view_.samples = tally.samples();
            view_.metrics = tally.summaries();
            view_.frequency = tally.frequencies();
            view_.stability = tally.locality_stability(in.start, in.k);
            view_.reliable = std::all_of(view_.metrics.begin(), view_.metrics.end(), [](const MetricSummary& m) { return m.reliable; });
            ++view_.generation;
        }
        ++batch;
        if (!any) break;
        if (until_reliable) { // after both chains' batch, so neither is ahead of the other
            if (tally.reliable(in.target_ess)) break;
            if (std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count() > in.max_seconds) {
                std::lock_guard lock(mutex_);
                view_.time_cap = true;
                break;
            }
        }
    }
}

} // namespace lp::viewer
