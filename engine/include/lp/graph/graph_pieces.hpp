#pragma once
// Connected pieces of a contiguity graph under a rule of the caller's: which zones take
// part and which borders join them (land only, the same block, the same town...). One
// depth-first fill for every such labelling, so they agree on order and labels.
#include <lp/graph/contiguity_graph.hpp>

#include <cstdint>
#include <vector>

namespace lp {

// Labels every zone z with member(z) by its piece, 0, 1, ... in the order of each piece's
// lowest zone: zones u and v share a piece when a chain of borders joins them, each with
// joined(u, adjacent) true and both ends members. Zones already labelled (not `unset`) on
// entry are left as they are and joined to nothing. Returns the number of pieces labelled.
template <class Label, class Member, class Joined>
Label label_pieces(const ContiguityGraph& graph, std::vector<Label>& label, Label unset, Member&& member,
                   Joined&& joined) {
    std::vector<std::uint32_t> stack;
    Label next = 0;
    for (std::uint32_t start = 0; start < graph.size(); ++start) {
        if (label[start] != unset || !member(start)) continue;
        label[start] = next;
        stack.assign(1, start);
        while (!stack.empty()) {
            const std::uint32_t u = stack.back();
            stack.pop_back();
            for (const ContiguityGraph::Adjacent& adjacent : graph.neighbours(u)) {
                const std::uint32_t v = adjacent.zone;
                if (label[v] != unset || !member(v) || !joined(u, adjacent)) continue;
                label[v] = next;
                stack.push_back(v);
            }
        }
        ++next;
    }
    return next;
}

} // namespace lp
