#include "region_growing.hpp"

#include <algorithm>
#include <queue>
#include <tuple>
#include <utility>

namespace lp::detail {

namespace {

// A node's balance weight as a share of one locality's mean, averaged over the layers.
double fill_of(const WorkGraph& graph, int node, const std::vector<double>& mean) {
    double fill = 0;
    for (int l = 0; l < graph.layers; ++l)
        if (mean[l] > 0) fill += graph.weights(node)[l] / mean[l];
    return graph.layers > 0 ? fill / graph.layers : 0.0;
}

// Hop distance from the given sources, through nodes of `component` only (-1 elsewhere).
std::vector<int> hops_from(const WorkGraph& graph, const std::vector<int>& sources, const std::vector<int>& label,
                           int component) {
    std::vector<int> hops(graph.size(), -1);
    std::vector<int> queue;
    for (const int s : sources) {
        hops[s] = 0;
        queue.push_back(s);
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const int u = queue[head];
        for (int e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e) {
            const int v = graph.adjacent[e];
            if (hops[v] < 0 && label[v] == component) {
                hops[v] = hops[u] + 1;
                queue.push_back(v);
            }
        }
    }
    return hops;
}

} // namespace

std::vector<int> place_seeds(const WorkGraph& graph, int k, const std::vector<double>& mean, Random& random,
                             const std::vector<int>& hubs) {
    const int n = graph.size();
    int component_count = 0;
    const auto label = node_components(graph, &component_count);

    std::vector<int> part(n, -1);
    std::vector<double> component_fill(component_count, 0.0);
    std::vector<std::vector<int>> locked_in(component_count); // localities locked in each component
    std::vector<char> has_lock(k, 0);
    for (int u = 0; u < n; ++u) {
        component_fill[label[u]] += fill_of(graph, u, mean);
        const int lock = graph.lock[u];
        if (lock < 0) continue;
        part[u] = lock;
        has_lock[lock] = 1;
        auto& locked = locked_in[label[u]];
        if (std::find(locked.begin(), locked.end(), lock) == locked.end()) locked.push_back(lock);
    }

    // How many unlocked localities each component gets: one for every component that
    // has none (heaviest first while they last), then each to the component furthest
    // below its weight's worth of localities.
    std::vector<int> free_localities;
    for (int j = 0; j < k; ++j)
        if (!has_lock[j]) free_localities.push_back(j);
    std::vector<int> extra(component_count, 0);
    std::vector<int> by_weight(component_count);
    for (int c = 0; c < component_count; ++c) by_weight[c] = c;
    std::stable_sort(by_weight.begin(), by_weight.end(),
                     [&](int a, int b) { return component_fill[a] > component_fill[b]; });
    std::size_t handed_out = 0;
    for (const int c : by_weight) {
        if (handed_out == free_localities.size()) break;
        if (locked_in[c].empty()) {
            extra[c] = 1;
            ++handed_out;
        }
    }
    for (; handed_out < free_localities.size(); ++handed_out) {
        int best = -1;
        double best_shortfall = -1e300;
        for (const int c : by_weight) {
            const double shortfall = component_fill[c] - static_cast<double>(locked_in[c].size() + extra[c]);
            if (shortfall > best_shortfall) {
                best_shortfall = shortfall;
                best = c;
            }
        }
        ++extra[best];
    }

    // Hubs first, each taking a locality its component was given.
    std::size_t next_free = 0;
    for (const int hub : hubs) {
        if (next_free == free_localities.size()) break;
        if (hub < 0 || hub >= n || part[hub] >= 0 || extra[label[hub]] == 0) continue;
        part[hub] = free_localities[next_free++];
        --extra[label[hub]];
    }
    // Other seeds: farthest-first by hops inside each component.
    std::vector<std::vector<int>> members(component_count);
    for (int u = 0; u < n; ++u) members[label[u]].push_back(u);
    for (int c = 0; c < component_count; ++c) {
        std::vector<int> sources;
        for (const int u : members[c])
            if (part[u] >= 0) sources.push_back(u);
        for (int s = 0; s < extra[c]; ++s) {
            int chosen = -1;
            if (sources.empty()) {
                std::vector<int> candidates;
                for (const int u : members[c])
                    if (graph.lock[u] < 0) candidates.push_back(u);
                if (!candidates.empty()) chosen = candidates[random.below(static_cast<std::uint32_t>(candidates.size()))];
            } else {
                const auto hops = hops_from(graph, sources, label, c);
                int farthest = 0;
                std::vector<int> ties;
                for (const int u : members[c]) {
                    if (part[u] >= 0 || hops[u] < farthest) continue;
                    if (hops[u] > farthest) {
                        farthest = hops[u];
                        ties.clear();
                    }
                    ties.push_back(u);
                }
                if (!ties.empty() && farthest > 0) chosen = ties[random.below(static_cast<std::uint32_t>(ties.size()))];
            }
            if (chosen < 0) break; // the component has fewer free nodes than localities
            part[chosen] = free_localities[next_free++];
            sources.push_back(chosen);
        }
    }
    // Localities left without a seed (tiny components) take any free node, so that none is empty.
    for (; next_free < free_localities.size(); ++next_free) {
        for (int u = 0; u < n; ++u)
            if (part[u] < 0) {
                part[u] = free_localities[next_free];
                break;
            }
    }
    return part;
}

void grow_regions(const WorkGraph& graph, int k, const std::vector<double>& mean, std::vector<int>& part) {
    const int n = graph.size();
    std::vector<double> fill(k, 0.0);
    std::vector<double> boundary(n, 0.0);
    for (int u = 0; u < n; ++u) {
        for (int e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e) boundary[u] += graph.shared[e];
        if (part[u] >= 0) fill[part[u]] += fill_of(graph, u, mean);
    }

    // Per region, frontier nodes by the share of their boundary they have with the region.
    using Entry = std::pair<double, int>; // (score, -node): ties go to the lower node index
    std::vector<std::priority_queue<Entry>> frontier(k);
    auto push_neighbours_of = [&](int u) {
        const int region = part[u];
        for (int e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e) {
            const int v = graph.adjacent[e];
            if (part[v] >= 0) continue;
            double shared = 0;
            for (int f = graph.offsets[v]; f < graph.offsets[v + 1]; ++f)
                if (part[graph.adjacent[f]] == region) shared += graph.shared[f];
            // A crossing neighbour shares no land but can still be reached.
            const double score = (shared + 1e-6) / (boundary[v] + 1e-6);
            frontier[region].push({score, -v});
        }
    };
    int unassigned = 0;
    for (int u = 0; u < n; ++u) {
        if (part[u] >= 0) push_neighbours_of(u);
        else ++unassigned;
    }

    while (unassigned > 0) {
        int region = -1;
        for (int j = 0; j < k; ++j) {
            auto& queue = frontier[j];
            while (!queue.empty() && part[-queue.top().second] >= 0) queue.pop();
            if (!graph.closed.empty() && graph.closed[j]) continue; // a closed locality takes nothing
            if (!queue.empty() && (region < 0 || fill[j] < fill[region])) region = j;
        }
        if (region < 0) break; // what is left is out of every region's reach
        const int v = -frontier[region].top().second;
        frontier[region].pop();
        part[v] = region;
        fill[region] += fill_of(graph, v, mean);
        --unassigned;
        push_neighbours_of(v);
    }

    if (unassigned > 0) {
        // Components with no seed: each goes whole to the least filled region.
        int component_count = 0;
        const auto label = node_components(graph, &component_count);
        std::vector<int> target(component_count, -1);
        for (int u = 0; u < n; ++u) {
            if (part[u] >= 0) continue;
            int& region = target[label[u]];
            if (region < 0)
                for (int j = 0; j < k; ++j)
                    if ((graph.closed.empty() || !graph.closed[j]) && (region < 0 || fill[j] < fill[region])) region = j;
            if (region < 0) region = 0; // every locality closed: nothing else to do
            part[u] = region;
            fill[region] += fill_of(graph, u, mean);
        }
    }
}

std::vector<int> bisect_regions(const WorkGraph& graph, int k, const std::vector<double>& mean, Random& random) {
    const int n = graph.size();
    std::vector<int> part(n, -1);
    std::vector<double> fill(n), boundary(n, 0.0);
    for (int u = 0; u < n; ++u) {
        fill[u] = fill_of(graph, u, mean);
        for (int e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e) boundary[u] += graph.shared[e];
    }
    // Every node carries the number of the task (part of the graph) it is in; a task
    // splits its nodes into two tasks until it holds one locality.
    std::vector<int> task_of(n, 0);
    struct Task {
        std::vector<int> nodes;
        int first_locality;
        int localities;
    };
    std::vector<Task> stack;
    stack.push_back({{}, 0, k});
    stack.back().nodes.resize(n);
    for (int u = 0; u < n; ++u) stack.back().nodes[u] = u;
    int next_task = 1;
    std::vector<int> hops(n, -1), queue;
    std::vector<char> in_first(n, 0);
    std::vector<double> shared_with_first(n, 0.0);

    // Hops from `from` within the task, in `hops` until the next call clears them; returns
    // the last node reached.
    auto hops_within = [&](int from, int task) {
        for (const int u : queue) hops[u] = -1;
        queue.assign(1, from);
        hops[from] = 0;
        int last = from;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const int u = queue[head];
            last = u;
            for (int e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e) {
                const int v = graph.adjacent[e];
                if (task_of[v] == task && hops[v] < 0) {
                    hops[v] = hops[u] + 1;
                    queue.push_back(v);
                }
            }
        }
        return last;
    };

    while (!stack.empty()) {
        Task task = std::move(stack.back());
        stack.pop_back();
        const int id = task_of[task.nodes.front()];
        if (task.localities == 1) {
            for (const int u : task.nodes) part[u] = task.first_locality;
            continue;
        }
        const int first_count = task.localities / 2;
        double total = 0;
        for (const int u : task.nodes) total += fill[u];
        const double target = total * first_count / task.localities;

        // Grow the first part from a far end (the last node a breadth-first search from
        // a random node reaches) until its weight reaches the target.
        const int random_start = task.nodes[random.below(static_cast<std::uint32_t>(task.nodes.size()))];
        const int start = hops_within(random_start, id);
        hops_within(start, id);
        // Breadth-first from the far end, so the part is a round ball with a smooth
        // edge; within one ring of hops, nodes sharing more of their boundary with it first.
        using Entry = std::tuple<int, double, int>; // (-hops, score, -node)
        std::priority_queue<Entry> frontier;
        std::vector<int> first{start};
        in_first[start] = 1;
        double grown = fill[start];
        auto push_neighbours_of = [&](int u) {
            for (int e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e) {
                const int v = graph.adjacent[e];
                if (task_of[v] != id || in_first[v]) continue;
                shared_with_first[v] += graph.shared[e];
                frontier.push({-hops[v], (shared_with_first[v] + 1e-6) / (boundary[v] + 1e-6), -v});
            }
        };
        push_neighbours_of(start);
        while (!frontier.empty()) {
            const int v = -std::get<2>(frontier.top());
            frontier.pop();
            if (in_first[v]) continue;
            // Stop at the node that would carry the part further past its target than it is short of it.
            if (grown + fill[v] > target && grown + fill[v] - target > target - grown) break;
            in_first[v] = 1;
            first.push_back(v);
            grown += fill[v];
            push_neighbours_of(v);
            if (grown >= target) break;
        }
        for (const int u : task.nodes) shared_with_first[u] = 0.0;

        // The rest must be one piece: its smaller pieces (cut off by the first part, so
        // touching it) join the first part.
        const int rest_id = next_task++;
        std::vector<std::vector<int>> pieces;
        std::vector<double> piece_fill;
        for (const int s : task.nodes) {
            if (in_first[s] || task_of[s] == rest_id) continue;
            pieces.emplace_back(1, s);
            piece_fill.push_back(0.0);
            task_of[s] = rest_id;
            auto& piece = pieces.back();
            for (std::size_t head = 0; head < piece.size(); ++head) {
                const int u = piece[head];
                piece_fill.back() += fill[u];
                for (int e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e) {
                    const int v = graph.adjacent[e];
                    if (task_of[v] == id && !in_first[v]) {
                        task_of[v] = rest_id;
                        piece.push_back(v);
                    }
                }
            }
        }
        std::size_t largest = 0;
        for (std::size_t p = 1; p < pieces.size(); ++p)
            if (piece_fill[p] > piece_fill[largest]) largest = p;
        for (std::size_t p = 0; p < pieces.size(); ++p) {
            if (p == largest) continue;
            for (const int u : pieces[p]) {
                task_of[u] = id;
                in_first[u] = 1;
                first.push_back(u);
            }
        }
        std::vector<int> rest = pieces.empty() ? std::vector<int>{} : std::move(pieces[largest]);
        for (const int u : first) in_first[u] = 0;
        if (rest.empty()) {
            // Nothing left for the second part (a task of fewer nodes than localities):
            // hand it the last node grown, if the first part can spare one.
            if (first.size() < 2) {
                for (const int u : first) part[u] = task.first_locality;
                continue;
            }
            rest.push_back(first.back());
            first.pop_back();
            task_of[rest.back()] = rest_id;
        }
        const int first_id = next_task++;
        for (const int u : first) task_of[u] = first_id;
        stack.push_back({std::move(rest), task.first_locality + first_count, task.localities - first_count});
        stack.push_back({std::move(first), task.first_locality, first_count});
    }
    return part;
}

void repair_regions(const WorkGraph& graph, int k, const std::vector<double>& mean, std::vector<int>& part) {
    const int n = graph.size();
    // Pieces of each region.
    std::vector<int> piece(n, -1);
    std::vector<int> piece_region;
    std::vector<int> piece_locks;
    std::vector<double> piece_fill;
    std::vector<int> stack;
    for (int s = 0; s < n; ++s) {
        if (piece[s] >= 0 || part[s] < 0) continue;
        const int id = static_cast<int>(piece_region.size());
        piece_region.push_back(part[s]);
        piece_locks.push_back(0);
        piece_fill.push_back(0.0);
        piece[s] = id;
        stack.assign(1, s);
        while (!stack.empty()) {
            const int u = stack.back();
            stack.pop_back();
            if (graph.lock[u] >= 0) ++piece_locks[id];
            piece_fill[id] += fill_of(graph, u, mean) + 1e-12; // + a hair so zero-weight pieces still rank by size
            for (int e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e) {
                const int v = graph.adjacent[e];
                if (piece[v] < 0 && part[v] == part[u]) {
                    piece[v] = id;
                    stack.push_back(v);
                }
            }
        }
    }
    std::vector<int> keeper(k, -1);
    for (int p = 0; p < static_cast<int>(piece_region.size()); ++p) {
        int& best = keeper[piece_region[p]];
        if (best < 0 || piece_locks[p] > piece_locks[best] ||
            (piece_locks[p] == piece_locks[best] && piece_fill[p] > piece_fill[best]))
            best = p;
    }
    for (int u = 0; u < n; ++u)
        if (part[u] >= 0 && piece[u] != keeper[part[u]] && graph.lock[u] < 0) part[u] = -1;

    // Empty regions: take a leaf of a breadth-first tree of the fullest region, which
    // leaves that region connected.
    std::vector<double> fill(k, 0.0);
    std::vector<int> size(k, 0);
    for (int u = 0; u < n; ++u)
        if (part[u] >= 0) {
            fill[part[u]] += fill_of(graph, u, mean);
            ++size[part[u]];
        }
    for (int j = 0; j < k; ++j) {
        if (size[j] > 0) continue;
        int donor = -1;
        for (int r = 0; r < k; ++r)
            if (size[r] > 1 && (graph.closed.empty() || !graph.closed[r]) && (donor < 0 || fill[r] > fill[donor]))
                donor = r;
        if (donor < 0) {
            // Every region is down to one node: take an unassigned node if there is one.
            for (int u = 0; u < n; ++u)
                if (part[u] < 0) {
                    part[u] = j;
                    ++size[j];
                    break;
                }
            continue;
        }
        int start = -1;
        for (int u = 0; u < n && start < 0; ++u)
            if (part[u] == donor) start = u;
        std::vector<int> order{start};
        std::vector<char> has_child(n, 0);
        std::vector<char> seen(n, 0);
        seen[start] = 1;
        for (std::size_t head = 0; head < order.size(); ++head) {
            const int u = order[head];
            for (int e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e) {
                const int v = graph.adjacent[e];
                if (!seen[v] && part[v] == donor) {
                    seen[v] = 1;
                    has_child[u] = 1;
                    order.push_back(v);
                }
            }
        }
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            if (has_child[*it] || graph.lock[*it] >= 0) continue;
            part[*it] = j;
            fill[donor] -= fill_of(graph, *it, mean);
            fill[j] += fill_of(graph, *it, mean);
            --size[donor];
            ++size[j];
            break;
        }
    }
    grow_regions(graph, k, mean, part);
}

} // namespace lp::detail
