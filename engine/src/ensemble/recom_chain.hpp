#pragma once
// One ReCom chain on the unit graph: its state (labels, members, totals, the cut
// edges between each pair of localities) and every buffer a step needs, allocated once.
#include "unit_graph.hpp"

#include <lp/ensemble/recom.hpp>

#include <cstdint>
#include <vector>

namespace lp::detail {

// xoshiro256**: fast enough for Wilson's walk, the same numbers on every platform.
class ChainRandom {
public:
    explicit ChainRandom(std::uint64_t seed);
    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform in 0..bound-1 by multiply-shift (bias below bound / 2^32, negligible here).
    std::uint32_t below(std::uint32_t bound) {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(bound)) >> 32);
    }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
}; // class ChainRandom

class RecomChain {
public:
    RecomChain(const UnitGraph& units, const EnsembleRequest& request, std::uint64_t seed);

    enum class Outcome { moved, stayed, no_cut, refused };
    Outcome step();

    bool valid() const { return invalid_localities_ == 0; }
    void write_zones(std::vector<std::uint8_t>& zones) const; // locality per zone

private:
    bool pick_pair(int& a, int& b);
    void draw_tree(int a, int b);
    void sum_subtrees(int a, int b);
    bool cut_valid(std::uint32_t u) const;
    bool within(const double* totals) const;
    void apply(int a, int b, std::uint8_t subtree_label, std::uint8_t rest_label);

    const UnitGraph& g_;
    int k_;
    std::size_t layers_;
    RecomVariant variant_;
    ChainRandom random_;
    std::vector<double> low_, high_;          // per layer: the band's bounds on a locality total

    std::vector<std::uint8_t> label_;         // per unit
    std::vector<std::vector<std::uint32_t>> members_;
    std::vector<double> totals_;              // locality * layers + layer
    std::vector<std::uint32_t> cut_;          // k * k: unit edges between localities
    int invalid_localities_ = 0;

    // Step buffers.
    std::vector<std::uint32_t> region_, order_, path_, candidates_;
    std::vector<std::int32_t> parent_, next_;
    std::vector<std::uint32_t> in_tree_;      // == stamp_: in the tree being drawn
    std::uint32_t stamp_ = 0;
    std::vector<double> sub_;                 // unit * layers + layer: subtree totals
    std::vector<std::uint32_t> sub_pins_a_, sub_pins_b_;
    std::vector<std::uint8_t> in_subtree_;
    std::vector<std::pair<int, int>> pairs_;
}; // class RecomChain

} // namespace lp::detail
