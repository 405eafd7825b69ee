#pragma once
// Union-find with path halving; the smaller index becomes the root, so roots are
// deterministic whatever the order of unions. Private to the engine.
#include <cstddef>
#include <numeric>
#include <utility>
#include <vector>

namespace lp::detail {

class DisjointSets {
public:
    explicit DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }

    std::size_t find(std::size_t x) {
        while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
        return x;
    }

    // False when a and b were already in one set.
    bool unite(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a == b) return false;
        if (b < a) std::swap(a, b);
        parent_[b] = a;
        return true;
    }

private:
    std::vector<std::size_t> parent_;
}; // class DisjointSets

} // namespace lp::detail
