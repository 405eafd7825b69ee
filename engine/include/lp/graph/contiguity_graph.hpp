#pragma once
// Which zones touch which. Pure data: the partitioner and the plan checks use this
// without any geometry library.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace lp {

struct GraphEdge {
    std::uint32_t a = 0;
    std::uint32_t b = 0;          // a < b
    double shared_length = 0;     // metres of common boundary; 0 for a crossing
    bool crossing = false;        // a recorded water crossing, not a land border
};

struct Crossing {
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    double distance = 0;          // metres across the water (0 when the user gave none)
    bool user_supplied = false;
    std::string note;             // e.g. "ferry" from the user's CSV, or "nearest component"
};

class ContiguityGraph {
public:
    struct Adjacent {
        std::uint32_t zone;
        std::uint32_t edge;       // index into edges()
    };

    ContiguityGraph() = default;
    // Builds the adjacency index. Duplicate pairs are merged (lengths summed).
    ContiguityGraph(std::size_t zone_count, std::vector<GraphEdge> edges,
                    std::vector<double> zone_area = {}, std::vector<double> zone_perimeter = {});

    std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
    const std::vector<GraphEdge>& edges() const { return edges_; }
    std::span<const Adjacent> neighbours(std::uint32_t zone) const {
        return {adjacent_.data() + offsets_[zone], adjacent_.data() + offsets_[zone + 1]};
    }
    std::size_t degree(std::uint32_t zone) const { return offsets_[zone + 1] - offsets_[zone]; }

    // Square metres and metres; empty when the graph was built without geometry.
    const std::vector<double>& zone_area() const { return area_; }
    const std::vector<double>& zone_perimeter() const { return perimeter_; }

    // Component label per zone (0..count-1, numbered by smallest zone index).
    // With land_only, crossing edges are ignored.
    std::vector<std::uint32_t> components(bool land_only, std::size_t* count = nullptr) const;

    // Crossings this graph was built with (also present as crossing edges).
    std::vector<Crossing> crossings;

private:
    std::vector<GraphEdge> edges_;
    std::vector<std::size_t> offsets_;
    std::vector<Adjacent> adjacent_;
    std::vector<double> area_;
    std::vector<double> perimeter_;
}; // class ContiguityGraph

} // namespace lp
