#pragma once
// How colours look to someone with a colour vision deficiency, and how far apart two
// colours are to the eye: Machado, Oliveira and Fernandes (2009) simulation matrices at
// full severity, applied in linear sRGB, and the CIEDE2000 colour difference in CIELAB
// (D65). The palette test uses them to keep locality fills and map markers apart for
// the one man in twelve who has a red-green deficiency. No window code: tested in
// tests/viewer/.
#include "model/colours.hpp"

#include <vector>

namespace lp::viewer {

enum class ColourVision { normal, protanopia, deuteranopia, tritanopia };

struct Lab {
    double l = 0, a = 0, b = 0;
};

// The colour as seen with `vision`, in CIELAB.
Lab seen_as(Rgba colour, ColourVision vision);
// CIEDE2000 difference (about 2.3 is just noticeable; over 10 reads as another colour).
double ciede2000(const Lab& first, const Lab& second);

// The smallest CIEDE2000 difference between any two of `colours`, over all four kinds
// of vision; where: the pair and vision that reach it.
struct ClosestPair {
    double difference = 0;
    std::size_t first = 0, second = 0;
    ColourVision vision = ColourVision::normal;
};
ClosestPair closest_pair(const std::vector<Rgba>& colours);

const char* vision_name(ColourVision vision);

} // namespace lp::viewer
