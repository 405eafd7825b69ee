#include "map/frame_damage.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace lp::viewer {

DamageRect unite(const DamageRect& a, const DamageRect& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

DamageRect intersect(const DamageRect& a, const DamageRect& b) {
    DamageRect r{std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
    return r.empty() ? DamageRect{} : r;
}

std::vector<DamageRect> changed_boxes(const std::vector<DrawnTriangle>& before, const std::vector<DrawnTriangle>& after) {
    // Most frames change a few runs of triangles: the common start and end are matched
    // directly, and only the middle goes through the hash table.
    std::size_t head = 0;
    while (head < before.size() && head < after.size() && before[head].key == after[head].key) ++head;
    std::size_t tail = 0;
    while (tail < before.size() - head && tail < after.size() - head &&
           before[before.size() - 1 - tail].key == after[after.size() - 1 - tail].key)
        ++tail;
    const std::size_t old_end = before.size() - tail, new_end = after.size() - tail;
    std::vector<DamageRect> boxes;
    if (head == old_end && head == new_end) return boxes;

    // Key -> index in the old middle; a key seen twice in either frame is never matched.
    constexpr std::size_t twice = std::numeric_limits<std::size_t>::max();
    std::unordered_map<std::uint64_t, std::size_t> old_at;
    old_at.reserve(old_end - head);
    for (std::size_t i = head; i < old_end; ++i) {
        const auto [it, inserted] = old_at.emplace(before[i].key, i);
        if (!inserted) it->second = twice;
    }
    std::unordered_map<std::uint64_t, std::size_t> new_count;
    new_count.reserve(new_end - head);
    for (std::size_t i = head; i < new_end; ++i) ++new_count[after[i].key];
    // Matched pairs in the new order; the longest run increasing in the old order is kept
    // (patience sorting with back links).
    std::vector<std::size_t> pair_new, pair_old;
    for (std::size_t i = head; i < new_end; ++i) {
        const auto it = old_at.find(after[i].key);
        if (it == old_at.end() || it->second == twice || new_count[after[i].key] != 1) continue;
        pair_new.push_back(i);
        pair_old.push_back(it->second);
    }
    std::vector<std::size_t> pile_top;  // index into pairs of the smallest end of a run of each length
    std::vector<std::size_t> back(pair_old.size(), twice);
    for (std::size_t k = 0; k < pair_old.size(); ++k) {
        const auto at = std::lower_bound(pile_top.begin(), pile_top.end(), pair_old[k],
                                         [&](std::size_t p, std::size_t value) { return pair_old[p] < value; });
        if (at != pile_top.begin()) back[k] = *(at - 1);
        if (at == pile_top.end()) pile_top.push_back(k);
        else *at = k;
    }
    std::vector<char> old_kept(old_end - head, 0), new_kept(new_end - head, 0);
    for (std::size_t k = pile_top.empty() ? twice : pile_top.back(); k != twice; k = back[k]) {
        old_kept[pair_old[k] - head] = 1;
        new_kept[pair_new[k] - head] = 1;
    }
    for (std::size_t i = head; i < old_end; ++i)
        if (!old_kept[i - head]) boxes.push_back(before[i].box);
    for (std::size_t i = head; i < new_end; ++i)
        if (!new_kept[i - head]) boxes.push_back(after[i].box);
    return boxes;
}

std::vector<DamageRect> merge_boxes(std::vector<DamageRect> boxes, std::size_t max_rects, int gap) {
    std::erase_if(boxes, [](const DamageRect& r) { return r.empty(); });
    const auto near = [](const DamageRect& a, const DamageRect& b, int g) {
        return a.x0 <= b.x1 + g && b.x0 <= a.x1 + g && a.y0 <= b.y1 + g && b.y0 <= a.y1 + g;
    };
    // Close boxes first (a changed number's glyphs), widening the reach until few remain.
    for (int g = gap; boxes.size() > 1; g *= 4) {
        std::sort(boxes.begin(), boxes.end(), [](const DamageRect& a, const DamageRect& b) { return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0; });
        std::vector<DamageRect> merged;
        for (const DamageRect& box : boxes) {
            DamageRect grown = box;
            // A grown rectangle may now reach ones merged before it: absorb them until none.
            for (bool again = true; again;) {
                again = false;
                for (std::size_t i = 0; i < merged.size(); ++i) {
                    if (!near(merged[i], grown, g)) continue;
                    grown = unite(grown, merged[i]);
                    merged.erase(merged.begin() + static_cast<std::ptrdiff_t>(i));
                    again = true;
                    break;
                }
            }
            merged.push_back(grown);
        }
        boxes = std::move(merged);
        if (boxes.size() <= 4 * max_rects) break;
    }
    // Then the pair whose union wastes the least area, until max_rects are left.
    while (boxes.size() > std::max<std::size_t>(max_rects, 1)) {
        std::size_t best_a = 0, best_b = 1;
        long best = std::numeric_limits<long>::max();
        for (std::size_t a = 0; a < boxes.size(); ++a) {
            for (std::size_t b = a + 1; b < boxes.size(); ++b) {
                const long waste = unite(boxes[a], boxes[b]).area() - boxes[a].area() - boxes[b].area();
                if (waste < best) {
                    best = waste;
                    best_a = a;
                    best_b = b;
                }
            }
        }
        boxes[best_a] = unite(boxes[best_a], boxes[best_b]);
        boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(best_b));
    }
    return boxes;
}

} // namespace lp::viewer
