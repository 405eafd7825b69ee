#pragma once
// The trade-off between balance and communities, drawn: what `boundaries tradeoff` wrote in
// tradeoff.csv (one row per band) as an inline SVG chart and a table. The one chart both
// tradeoff.html and the plan report (`report --tradeoff`) show.
#include <lp/io/csv_table.hpp>

#include <optional>
#include <string>
#include <vector>

namespace lp {

// One band's row of tradeoff.csv (lp::tradeoff_csv), percentages as written (12.5 is 12.5%).
struct TradeoffPoint {
    std::string band;                   // "5%", "25%:soft", "soft"
    int towns_split = 0;
    double people_on_boundary = 0;
    double people_on_boundary_pct = 0;
    double largest_deviation_pct = 0;
    double cut_km = 0;
    std::optional<int> zones_changed;   // none for the first band
    bool within_tolerance = false;
    int beyond_soft_band = 0;
    double seconds = 0;
}; // struct TradeoffPoint

struct TradeoffView {
    std::string source;                 // the file, for the report's note
    std::vector<TradeoffPoint> bands;   // in the order run
}; // struct TradeoffView

// Columns by their header names, in any order. Throws lp::Error(field_not_found) for a
// missing column, lp::Error(bad_value) naming the file and line of a cell that is not a
// number, and for a table with no rows.
TradeoffView read_tradeoff_table(const CsvTable& table);
// read_csv_file then read_tradeoff_table; lp::Error(file_not_found) when it cannot be read.
TradeoffView read_tradeoff_csv(const std::string& path);

// Three panels side by side, the bands along each x axis in order: towns split, people on
// a boundary (%) and the largest deviation (%, the band itself dashed where it has a
// number). One bar per band in each, class "mark" with data-series and data-band, its
// value written above it so the chart reads in print.
std::string tradeoff_chart_svg(const TradeoffView& view);

// The rows as an HTML table.
std::string tradeoff_table_html(const TradeoffView& view);

// h2, a sentence on how to read it, the chart and the table: the plan report's section.
std::string tradeoff_section_html(const TradeoffView& view);

// A page of its own (tradeoff.html): title, subtitle, the section, the source.
std::string tradeoff_page_html(const TradeoffView& view, const std::string& title, const std::string& subtitle);

} // namespace lp
