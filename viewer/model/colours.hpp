#pragma once
// Colours as the map and the panels use them: packed RGBA (ImGui's IM_COL32 layout:
// red in the low byte), parsed from the plan's "#rrggbb" strings.
#include <cstdint>
#include <string>

namespace lp::viewer {

using Rgba = std::uint32_t;

constexpr Rgba rgba(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
    return (a << 24) | (b << 16) | (g << 8) | r;
}

// "#rrggbb" -> colour; anything else -> mid grey.
Rgba parse_hex_colour(const std::string& text);
std::string to_hex_colour(float r, float g, float b);
Rgba darken(Rgba colour, float factor);  // factor 0..1 of brightness kept
Rgba with_alpha(Rgba colour, unsigned alpha);

// Sequential ramp for choropleths: class 0 (lowest) .. classes-1 (highest).
Rgba ramp_colour(int index, int classes);

inline constexpr Rgba unassigned_colour = rgba(215, 215, 215);

// Neighbouring areas outside the partnership (viewer/map/context_layer.hpp): a warm light
// grey, apart from the sea's blue and the unassigned zones' cooler grey.
inline constexpr Rgba context_fill_colour = rgba(232, 229, 220);
inline constexpr Rgba context_line_colour = rgba(160, 158, 150);

// Service point markers: black and white, the two colours no locality fill comes near
// under any colour vision deficiency (tests/viewer/model/colour_palette_test.cpp), each with a
// border of the other so it shows on light and dark fills alike.
inline constexpr Rgba hospital_marker_colour = rgba(0, 0, 0);
inline constexpr Rgba hospital_marker_border = rgba(255, 255, 255);
inline constexpr Rgba gp_marker_colour = rgba(255, 255, 255);
inline constexpr Rgba gp_marker_border = rgba(0, 0, 0);

} // namespace lp::viewer
