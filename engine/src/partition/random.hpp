#pragma once
// The partitioner's own random numbers: splitmix64, so that a seed gives the same
// plan on every platform and standard library (std::uniform_int_distribution does not
// promise that).
#include <cstdint>
#include <vector>

namespace lp::detail {

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed ^ 0x9e3779b97f4a7c15ULL) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Uniform in 0..bound-1 (bound > 0); the modulo bias is below 2^-32 for any graph size.
    std::uint32_t below(std::uint32_t bound) { return static_cast<std::uint32_t>(next() % bound); }

    // Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    template <typename T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            const std::size_t j = below(static_cast<std::uint32_t>(i));
            std::swap(items[i - 1], items[j]);
        }
    }

private:
    std::uint64_t state_;
}; // class Random

} // namespace lp::detail
