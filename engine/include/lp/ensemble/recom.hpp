#pragma once
// Ensembles of locality plans by ReCom: many valid plans under the same rules as a
// proposed plan, so a planner can show where the proposal sits among them.
//
// A step merges two localities, draws a uniform random spanning tree of the merged
// region (Wilson's algorithm, on that region only) and cuts one tree edge so that both
// sides are within every balance band and every locked zone stays in its locality.
// Both sides of a cut tree are connected, so contiguity (through land or recorded
// crossings, which are graph edges) is never broken.
//
// What is sampled (docs/ensembles.md):
// - reversible (default): a Metropolis-Hastings chain (RevReCom, Cannon et al. 2022)
//   whose stationary distribution is the spanning-tree distribution restricted to valid
//   plans: P(plan) proportional to the product over localities of the number of
//   spanning trees of each locality (on the unit graph below). Not uniform: it favours
//   compact localities. tests/ensemble checks the visit frequencies against it.
// - plain: ReCom as in the redistricting literature (a uniform adjacent pair, a uniform
//   balanced edge of the tree). It mixes faster and accepts far more, but its
//   stationary distribution has no closed form (close to, not equal to, the
//   spanning-tree distribution, and not uniform either).
//
// Hard constraints are contracted first: zones of one hard building block, and of one
// keep-whole group (ZoneGroups::keep_whole), that are adjacent and in the same locality
// of the start plan become one unit and always move together. A group the start plan
// splits stays split where it is split. Spanning trees are of this unit graph.
//
// Pure (no clock, no geometry library): the same request and seed give the same
// samples, whatever the number of threads. Chains run on threads of their own; the
// caller's thread runs chain 0 and reports progress.
#include <lp/graph/contiguity_graph.hpp>
#include <lp/partition/statistics.hpp>
#include <lp/partition/zone_groups.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lp {

enum class RecomVariant { reversible, plain };

struct EnsembleProgress {
    std::uint64_t steps_done = 0;   // over all chains
    std::uint64_t steps_total = 0;
    std::uint64_t accepted = 0;     // steps that moved to a different plan
    std::size_t samples = 0;        // plans recorded so far
};

struct EnsembleRequest {
    const ContiguityGraph* graph = nullptr;
    int k = 2;                                    // localities, 2..255
    std::vector<int> start;                       // locality 0..k-1 per zone: each connected
    std::vector<BalanceLayer> balance;            // every band is a hard constraint (none: any sizes)
    std::vector<int> locks;                       // per zone -1 free, else its locality (must match start)
    std::vector<int> hard_blocks;                 // per zone block >= 0 or -1 (empty: none); moved whole
    std::vector<ZoneGroups> groupings;            // those with keep_whole are moved whole, the rest ignored
    RecomVariant variant = RecomVariant::reversible;
    std::uint64_t steps = 10000;                  // per chain
    unsigned chains = 2;                          // independent chains, each on its own thread
    std::uint64_t thin = 0;                       // record every thin-th step (0: steps / 500, 1..1000)
    std::uint64_t seed = 1;
    const std::vector<std::string>* zone_ids = nullptr; // names zones in messages
    const std::atomic<bool>* cancel = nullptr;    // set from any thread to stop every chain
    std::function<bool(const EnsembleProgress&)> progress; // caller's thread; false cancels
};

struct ChainStatistics {
    std::uint64_t steps = 0;        // steps run (fewer than asked when cancelled)
    std::uint64_t accepted = 0;     // steps that moved to a different plan
    std::uint64_t no_cut = 0;       // steps whose tree had no valid cut (or whose edge was not one)
    std::uint64_t refused = 0;      // reversible: valid proposals refused by the Metropolis test
    std::uint64_t invalid_steps = 0; // steps spent before the chain first reached a valid plan
};

struct EnsembleResult {
    // Recorded plans: locality per zone, chain 0's first, then chain 1's, ... Only plans
    // within every band are recorded (a start outside a band is left first); a chain
    // stopped early also records the plan it stopped on.
    std::vector<std::vector<std::uint8_t>> samples;
    std::vector<unsigned> sample_chain;
    std::vector<std::uint64_t> sample_step;
    std::vector<ChainStatistics> chains;
    std::size_t units = 0;          // nodes of the contracted graph the trees span
    bool start_valid = false;       // the start plan is within every band
    bool cancelled = false;
};

// A run that can go on: each chain keeps its plan and random stream between calls to
// run(), so sampling in rounds until the samples are enough (`boundaries ensemble
// --target-ess`) gives the same chains as one run of the same total steps and thinning.
// Throws as run_recom does, from the constructor.
class RecomSampler {
public:
    explicit RecomSampler(const EnsembleRequest& request); // request.steps sets the default thinning
    ~RecomSampler();
    RecomSampler(const RecomSampler&) = delete;
    RecomSampler& operator=(const RecomSampler&) = delete;

    // Every chain runs `steps` more steps (the request's cancel and progress apply; progress
    // counts the steps of every run so far). False when stopped early.
    bool run(std::uint64_t steps);
    // Records every (2 x thin)-th step from now on and drops the recorded plans between,
    // so a long run keeps an evenly spaced record of bounded size.
    void thin_out();
    std::uint64_t thin() const;
    unsigned chain_count() const;
    // Chain c's recorded plans and the step (1-based, over all runs) of each.
    const std::vector<std::vector<std::uint8_t>>& samples(unsigned chain) const;
    const std::vector<std::uint64_t>& sample_steps(unsigned chain) const;
    // Everything so far, chains in order (copies the samples).
    EnsembleResult result() const;

private:
    struct State;
    std::unique_ptr<State> state_;
}; // class RecomSampler

// Throws lp::Error(bad_value) for malformed requests (sizes, k, start outside 0..k-1,
// a lock the start breaks) and lp::Error(bad_plan) when a start locality is empty or
// in more than one piece, naming the locality and a zone of each piece.
EnsembleResult run_recom(const EnsembleRequest& request);

} // namespace lp
