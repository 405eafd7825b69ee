#pragma once
// What the viewer computes from the plan being edited, each kept until what it depends on
// moves: the statutory check and the demand shares (per revision, from the editor's integer
// assignment), the zones cut off from their locality, where each locality's name goes, and
// what the partitioner and the table know about communities (the population, the price of
// cutting each edge, the settlements kept whole; per data, balance columns and settlements).
#include "model/error_log.hpp"
#include "model/open_data.hpp"
#include "model/plan_document.hpp"

#include <lp/community/settlements.hpp>
#include <lp/core/geometry.hpp>
#include <lp/partition/statistics.hpp>
#include <lp/plan/demand_share_table.hpp>
#include <lp/plan/plan_check.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lp::viewer {

class PlanFigures {
public:
    // Settlements a spec cannot find are reported to `errors` and left out.
    PlanFigures(const OpenData& data, PlanDocument& document, ErrorLog& errors)
        : data_(data), document_(document), errors_(errors) {}
    PlanFigures(const PlanFigures&) = delete;
    PlanFigures& operator=(const PlanFigures&) = delete;

    // ---- communities (as the CLI) ----
    // The balanced column counting people (lp::population_among), empty when none is.
    const std::string& population_column() const;
    const std::vector<double>* population() const;
    // Price of cutting each graph edge: the people living along it when a population is
    // balanced (the CLI's default --cut-cost people), else empty (metres).
    const std::vector<double>& cut_cost() const;
    const Settlements* settlements() const;
    // evaluate() of the plan with the population and settlements: people on each
    // locality's boundary, its main settlement (per revision).
    const PlanStatistics& community_statistics();

    // ---- per revision ----
    const PlanCheck& check();
    const std::vector<FunctionDemandShare>& demand_shares();
    // Per frame: the stray zones and, unless mid-stroke, the label points follow the plan.
    void update();
    const std::vector<std::uint32_t>& stray_zones() const { return stray_zones_; }
    // Where each locality's name goes (mesh coordinates; NaN x: none): the pole of
    // inaccessibility of its largest part (lp::group_label_points), found again only for
    // localities whose zones changed.
    const std::vector<Point>& label_points() const { return label_points_; }

private:
    // The check's and shares' inputs for the open data, set up once per data.
    void follow_data();
    // Population, cut cost and settlements for the data, balance columns and settlements.
    void follow_community() const;
    void refresh_labels();

    const OpenData& data_;
    PlanDocument& document_;
    ErrorLog& errors_;
    static constexpr std::size_t stale = static_cast<std::size_t>(-1);

    std::size_t data_generation_ = 0;
    std::optional<DemandShareTable> share_table_;
    CheckInput check_input_;

    // Kept behind const accessors: the community follows the document on being asked.
    mutable std::string community_key_;  // data, balance columns and settlements the figures are of
    mutable std::string population_column_;
    mutable std::vector<double> cut_cost_;
    mutable std::optional<Settlements> settlements_;
    mutable std::size_t community_revision_ = stale;
    PlanStatistics community_cache_;

    std::size_t check_revision_ = stale;
    PlanCheck check_cache_;
    std::size_t shares_revision_ = stale;
    std::vector<FunctionDemandShare> shares_cache_;
    std::size_t derived_revision_ = stale;
    std::vector<std::uint32_t> stray_zones_;

    std::size_t label_revision_ = stale;
    std::vector<Point> label_points_;
    struct LabelCacheEntry {
        std::string id;
        std::vector<std::uint32_t> members;  // sorted
        Point point;
    };
    std::vector<LabelCacheEntry> label_cache_;
}; // class PlanFigures

} // namespace lp::viewer
