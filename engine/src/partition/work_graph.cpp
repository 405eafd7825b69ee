#include "work_graph.hpp"

#include <algorithm>

namespace lp::detail {

WorkGraph make_zone_graph(const ContiguityGraph& graph, const std::vector<const std::vector<double>*>& values,
                          const std::vector<double>& edge_cost, const std::vector<int>& locks,
                          std::vector<Grouping> groupings) {
    const int n = static_cast<int>(graph.size());
    WorkGraph work;
    work.layers = static_cast<int>(values.size());
    work.offsets.assign(n + 1, 0);
    work.adjacent.reserve(graph.edges().size() * 2);
    work.shared.reserve(graph.edges().size() * 2);
    for (int u = 0; u < n; ++u) {
        for (const auto& next : graph.neighbours(static_cast<std::uint32_t>(u))) {
            if (static_cast<int>(next.zone) == u) continue;
            const auto& edge = graph.edges()[next.edge];
            work.adjacent.push_back(static_cast<int>(next.zone));
            work.shared.push_back(edge.crossing ? 0.0 : edge_cost.empty() ? edge.shared_length : edge_cost[next.edge]);
        }
        work.offsets[u + 1] = static_cast<int>(work.adjacent.size());
    }
    work.weight.resize(n * work.layers);
    for (int u = 0; u < n; ++u)
        for (int l = 0; l < work.layers; ++l)
            work.weight[u * work.layers + l] = (*values[l])[u];
    work.lock = locks.empty() ? std::vector<int>(n, -1) : locks;
    for (auto& grouping : groupings) {
        grouping.members.resize(n);
        for (int u = 0; u < n; ++u) grouping.members[u] = grouping.group[u] >= 0 ? 1 : 0;
    }
    work.groupings = std::move(groupings);
    return work;
}

WorkGraph contract(const WorkGraph& fine, const std::vector<int>& match, int coarse_count) {
    const int n = fine.size();
    const int layers = fine.layers;
    WorkGraph coarse;
    coarse.layers = layers;
    coarse.closed = fine.closed;
    coarse.anchor_cost = fine.anchor_cost;
    if (!fine.anchor.empty()) coarse.anchor.assign(coarse_count, -2); // -2: not yet seen
    coarse.weight.assign(coarse_count * layers, 0.0);
    coarse.lock.assign(coarse_count, -1);
    coarse.groupings.resize(fine.groupings.size());
    for (std::size_t g = 0; g < fine.groupings.size(); ++g) {
        auto& grouping = coarse.groupings[g];
        grouping.count = fine.groupings[g].count;
        grouping.split_cost = fine.groupings[g].split_cost;
        grouping.whole = fine.groupings[g].whole;
        grouping.group.assign(coarse_count, -2); // -2: not yet seen
        grouping.members.assign(coarse_count, 0);
    }
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
        if (!fine.anchor.empty()) coarse.anchor[c] = coarse.anchor[c] == -2 ? fine.anchor[u] : coarse.anchor[c];
        for (std::size_t g = 0; g < fine.groupings.size(); ++g) {
            int& group = coarse.groupings[g].group[c];
            const int fine_group = fine.groupings[g].group[u];
            if (group == -2) group = fine_group;
            else if (group != fine_group) group = -1;
            coarse.groupings[g].members[c] += fine.groupings[g].members[u];
        }
    }
    for (auto& grouping : coarse.groupings)
        for (int c = 0; c < coarse_count; ++c)
            if (grouping.group[c] < 0) {
                grouping.group[c] = -1;
                grouping.members[c] = 0; // a mixed node no longer tracks its groups
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
    return coarse;
}

bool coarsen_once(const WorkGraph& fine, const std::vector<double>& cap, int same_groupings, Random& random,
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
        int best = -1;
        double best_score = -1;
        for (int e = fine.offsets[u]; e < fine.offsets[u + 1]; ++e) {
            const int v = fine.adjacent[e];
            if (match[v] >= 0) continue;
            const int lock_v = fine.lock[v];
            if (lock_u >= 0 && lock_v >= 0 && lock_u != lock_v) continue;
            bool allowed = true;
            for (int g = 0; g < same_groupings && allowed; ++g)
                allowed = fine.groupings[g].group[u] == fine.groupings[g].group[v];
            if (!allowed) continue;
            // Partners in a group of every kind (a settlement, its ward, its Intermediate
            // Zone) before partners in fewer.
            int together = 0;
            for (const auto& grouping : fine.groupings)
                together += grouping.group[u] >= 0 && grouping.group[u] == grouping.group[v];
            const double* wv = fine.weights(v);
            bool fits = true;
            for (int l = 0; l < layers && fits; ++l) fits = wu[l] + wv[l] <= cap[l];
            if (!fits) continue;
            // Heaviest shared boundary first, so what stays uncut inside coarse nodes is
            // as much boundary as possible; a group partner beats any stranger; a crossing
            // (no land boundary) still beats staying single, so islands coarsen too.
            const double score = fine.shared[e] + together * 1e15 + 1e-9;
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

    out.graph = contract(fine, match, coarse_count);
    out.parent = std::move(match);
    return true;
}

WorkGraph induced_subgraph(const WorkGraph& graph, const std::vector<int>& nodes) {
    const int count = static_cast<int>(nodes.size());
    std::vector<int> local(graph.size(), -1);
    for (int i = 0; i < count; ++i) local[nodes[i]] = i;
    WorkGraph sub;
    sub.layers = graph.layers;
    sub.closed = graph.closed;
    sub.anchor_cost = graph.anchor_cost;
    sub.offsets.assign(count + 1, 0);
    sub.weight.resize(static_cast<std::size_t>(count) * graph.layers);
    sub.lock.resize(count);
    sub.groupings.resize(graph.groupings.size());
    for (std::size_t g = 0; g < graph.groupings.size(); ++g) {
        sub.groupings[g].count = graph.groupings[g].count;
        sub.groupings[g].split_cost = graph.groupings[g].split_cost;
        sub.groupings[g].whole = graph.groupings[g].whole;
        sub.groupings[g].group.resize(count);
        sub.groupings[g].members.resize(count);
    }
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
        if (!graph.anchor.empty()) sub.anchor.push_back(graph.anchor[u]);
        for (std::size_t g = 0; g < graph.groupings.size(); ++g) {
            sub.groupings[g].group[i] = graph.groupings[g].group[u];
            sub.groupings[g].members[i] = graph.groupings[g].members[u];
        }
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
