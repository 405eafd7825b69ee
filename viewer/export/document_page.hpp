#pragma once
// The map image for a document, apart from drawing it: its size in pixels from a page
// and a DPI ("a4-landscape" at 300 DPI is 3508 x 2480), the attribution lines it must
// carry, and the PNG's pHYs chunk recording the DPI so a word processor places it at
// its printed size. No window or GL: tested in tests/viewer/export/document_page_test.cpp.
#include <span>
#include <string>
#include <vector>

namespace lp::viewer {

struct PageSize {
    const char* name;    // "a4-landscape": as scripts and the export dialog's combo name it
    const char* label;   // "A4 landscape (297 x 210 mm)"
    double width_mm, height_mm;
};

std::span<const PageSize> page_sizes();

struct DocumentImage {
    int width = 0;       // pixels
    int height = 0;
    double dpi = 96;
};

// Pixels of a page at dpi (rounded to the nearest).
DocumentImage page_image(const PageSize& page, double dpi);

// A page name ("a4-landscape") or WIDTHxHEIGHT in pixels ("1600x1200"), at dpi. Throws
// lp::Error(bad_setting) naming the text for anything else, a DPI outside 30-1200 or a
// side outside 16-max_side pixels (the GL implementation's largest texture).
DocumentImage parse_document_size(const std::string& size, double dpi, int max_side);

// The lines a map made from the data must show: the Open Government Licence and Crown
// copyright (with the year), and GeoNames' CC BY when places from its gazetteer are used.
std::vector<std::string> attribution_lines(int year, bool geonames);
// The current year (UTC), for the Crown copyright line.
int current_year();

// png with a pHYs chunk (pixels per metre, from dpi) inserted after IHDR, replacing any
// pHYs there. Throws lp::Error(unexpected) when png is not a PNG.
std::string png_with_dpi(const std::string& png, double dpi);

} // namespace lp::viewer
