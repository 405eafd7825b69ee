#include "work_graph.hpp"

#include <algorithm>

namespace lp::detail {

WorkGraph make_zone_graph(const ContiguityGraph& graph, const std::vector<const std::vector<double>*>& values,
                          const std::vector<int>& locks, const std::vector<int>& groups, int group_count) {
    const int n = static_cast<int>(graph.size());
    WorkGraph work;
    work.layers = static_cast<int>(values.size());
    work.group_count = group_count;
    work.offsets.assign(n + 1, 0);
    work.adjacent.reserve(graph.edges().size() * 2);
    work.shared.reserve(graph.edges().size() * 2);
    for (int u = 0; u < n; ++u) {
        for (const auto& next : graph.neighbours(static_cast<std::uint32_t>(u))) {
            if (static_cast<int>(next.zone) == u) continue;
            const auto& edge = graph.edges()[next.edge];
            work.adjacent.push_back(static_cast<int>(next.zone));
            work.shared.push_back(edge.crossing ? 0.0 : edge.shared_length);
        }
        work.offsets[u + 1] = static_cast<int>(work.adjacent.size());
    }
    work.weight.resize(n * work.layers);
    for (int u = 0; u < n; ++u)
        for (int l = 0; l < work.layers; ++l)
            work.weight[u * work.layers + l] = (*values[l])[u];
    work.lock = locks.empty() ? std::vector<int>(n, -1) : locks;
    work.group = groups.empty() ? std::vector<int>(n, -1) : groups;
    work.group_members.resize(n);
    for (int u = 0; u < n; ++u) work.group_members[u] = work.group[u] >= 0 ? 1 : 0;
    return work;
}

bool coarsen_once(const WorkGraph& fine, const std::vector<double>& cap, bool same_group_only, Random& random,
                  CoarseLevel& out) {
    const int n = fine.size();
    const int layers = fine.layers;
    std::vector<int> order(n);
    for (int u = 0; u < n; ++u) order[u] = u;
    random.shuffle(order);

    std::vector<int> match(n, -1);
    int coarse_count = 0;
    for (const int u : order) {
        if (match[u] >= 0) continue;
        const double* wu = fine.weights(u);
        const int lock_u = fine.lock[u];
        const int group_u = fine.group[u];
        int best = -1;
        double best_score = -1;
        for (int e = fine.offsets[u]; e < fine.offsets[u + 1]; ++e) {
            const int v = fine.adjacent[e];
            if (match[v] >= 0) continue;
            const int lock_v = fine.lock[v];
            if (lock_u >= 0 && lock_v >= 0 && lock_u != lock_v) continue;
            const bool same_group = group_u >= 0 && group_u == fine.group[v];
            if (same_group_only && !same_group) continue;
            const double* wv = fine.weights(v);
            bool fits = true;
            for (int l = 0; l < layers && fits; ++l) fits = wu[l] + wv[l] <= cap[l];
            if (!fits) continue;
            // Heaviest shared boundary first, so what stays uncut inside coarse nodes is
            // as much boundary as possible; a group partner beats any stranger; a crossing
            // (no land boundary) still beats staying single, so islands coarsen too.
            const double score = fine.shared[e] + (same_group ? 1e15 : 0.0) + 1e-9;
            if (score > best_score) {
                best_score = score;
                best = v;
            }
        }
        match[u] = coarse_count;
        if (best >= 0) match[best] = coarse_count;
        ++coarse_count;
    }
    if (coarse_count > n - std::max(1, n / 20)) return false;
    // On a large graph, coarse nodes are numbered in the order of their first member, not
    // of the random visit: neighbours stay near each other in memory, as the zones were
    // (coarsening a million zones took 4.7 s in visit order, 1.2 s so). A small graph is
    // in cache either way and keeps the visit order, which the searches' sweeps rely on:
    // in zone order, Highland's nine localities came out 11% longer over four seeds.
    if (n >= 50000) {
        std::vector<int> renumbered(coarse_count, -1);
        int next = 0;
        for (int u = 0; u < n; ++u) {
            int& c = renumbered[match[u]];
            if (c < 0) c = next++;
            match[u] = c;
        }
    }

    WorkGraph& coarse = out.graph;
    coarse = WorkGraph{};
    coarse.layers = layers;
    coarse.group_count = fine.group_count;
    coarse.weight.assign(coarse_count * layers, 0.0);
    coarse.lock.assign(coarse_count, -1);
    coarse.group.assign(coarse_count, -2); // -2: not yet seen
    coarse.group_members.assign(coarse_count, 0);
    // Members of each coarse node, in CSR form: member_list[member_offsets[c] .. member_offsets[c + 1]).
    std::vector<int> member_offsets(coarse_count + 1, 0);
    for (int u = 0; u < n; ++u) ++member_offsets[match[u] + 1];
    for (int c = 0; c < coarse_count; ++c) member_offsets[c + 1] += member_offsets[c];
    std::vector<int> member_list(n);
    {
        std::vector<int> fill(member_offsets.begin(), member_offsets.end() - 1);
        for (int u = 0; u < n; ++u) member_list[fill[match[u]]++] = u;
    }
    for (int u = 0; u < n; ++u) {
        const int c = match[u];
        for (int l = 0; l < layers; ++l) coarse.weight[c * layers + l] += fine.weights(u)[l];
        if (fine.lock[u] >= 0) coarse.lock[c] = fine.lock[u];
        int& group = coarse.group[c];
        const int fine_group = fine.group[u];
        if (group == -2) group = fine_group;
        else if (group != fine_group) group = -1;
        coarse.group_members[c] += fine.group_members[u];
    }
    for (int c = 0; c < coarse_count; ++c)
        if (coarse.group[c] < 0) {
            coarse.group[c] = -1;
            coarse.group_members[c] = 0; // a mixed node no longer tracks its groups
        }

    // Adjacency: merge the members' edges, summing boundary shared with the same coarse node.
    coarse.offsets.assign(coarse_count + 1, 0);
    coarse.adjacent.reserve(fine.adjacent.size());
    coarse.shared.reserve(fine.adjacent.size());
    std::vector<int> slot(coarse_count, -1);
    for (int c = 0; c < coarse_count; ++c) {
        const int begin = static_cast<int>(coarse.adjacent.size());
        for (int m = member_offsets[c]; m < member_offsets[c + 1]; ++m) {
            const int u = member_list[m];
            for (int e = fine.offsets[u]; e < fine.offsets[u + 1]; ++e) {
                const int d = match[fine.adjacent[e]];
                if (d == c) continue;
                if (slot[d] < begin) {
                    slot[d] = static_cast<int>(coarse.adjacent.size());
                    coarse.adjacent.push_back(d);
                    coarse.shared.push_back(0.0);
                }
                coarse.shared[slot[d]] += fine.shared[e];
            }
        }
        coarse.offsets[c + 1] = static_cast<int>(coarse.adjacent.size());
    }
    out.parent = std::move(match);
    return true;
}

WorkGraph induced_subgraph(const WorkGraph& graph, const std::vector<int>& nodes) {
    const int count = static_cast<int>(nodes.size());
    std::vector<int> local(graph.size(), -1);
    for (int i = 0; i < count; ++i) local[nodes[i]] = i;
    WorkGraph sub;
    sub.layers = graph.layers;
    sub.group_count = graph.group_count;
    sub.offsets.assign(count + 1, 0);
    sub.weight.resize(static_cast<std::size_t>(count) * graph.layers);
    sub.lock.resize(count);
    sub.group.resize(count);
    sub.group_members.resize(count);
    for (int i = 0; i < count; ++i) {
        const int u = nodes[i];
        for (int e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e) {
            const int v = local[graph.adjacent[e]];
            if (v < 0) continue;
            sub.adjacent.push_back(v);
            sub.shared.push_back(graph.shared[e]);
        }
        sub.offsets[i + 1] = static_cast<int>(sub.adjacent.size());
        for (int l = 0; l < graph.layers; ++l) sub.weight[static_cast<std::size_t>(i) * graph.layers + l] = graph.weights(u)[l];
        sub.lock[i] = graph.lock[u];
        sub.group[i] = graph.group[u];
        sub.group_members[i] = graph.group_members[u];
    }
    return sub;
}

std::vector<int> node_components(const WorkGraph& graph, int* count) {
    const int n = graph.size();
    std::vector<int> label(n, -1);
    std::vector<int> stack;
    int next = 0;
    for (int start = 0; start < n; ++start) {
        if (label[start] >= 0) continue;
        label[start] = next;
        stack.assign(1, start);
        while (!stack.empty()) {
            const int u = stack.back();
            stack.pop_back();
            for (int e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e) {
                const int v = graph.adjacent[e];
                if (label[v] < 0) {
                    label[v] = next;
                    stack.push_back(v);
                }
            }
        }
        ++next;
    }
    if (count) *count = next;
    return label;
}

} // namespace lp::detail
