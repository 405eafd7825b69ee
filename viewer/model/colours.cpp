#include "model/colours.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace lp::viewer {

Rgba parse_hex_colour(const std::string& text) {
    unsigned r = 0, g = 0, b = 0;
    if (text.size() == 7 && text[0] == '#' && std::sscanf(text.c_str() + 1, "%02x%02x%02x", &r, &g, &b) == 3) {
        return rgba(r, g, b);
    }
    return rgba(150, 150, 150);
}

std::string to_hex_colour(float r, float g, float b) {
    auto byte = [](float v) { return static_cast<unsigned>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", byte(r), byte(g), byte(b));
    return text;
}

Rgba darken(Rgba colour, float factor) {
    auto channel = [&](int shift) {
        return static_cast<unsigned>(static_cast<float>((colour >> shift) & 0xff) * factor);
    };
    return rgba(channel(0), channel(8), channel(16), colour >> 24);
}

Rgba with_alpha(Rgba colour, unsigned alpha) { return (colour & 0x00ffffffu) | (alpha << 24); }

Rgba ramp_colour(int index, int classes) {
    // ColorBrewer YlGnBu, 7 steps; fewer classes sample it evenly.
    static constexpr std::array<Rgba, 7> ramp = {rgba(255, 255, 204), rgba(199, 233, 180), rgba(127, 205, 187),
                                                 rgba(65, 182, 196),  rgba(29, 145, 192),  rgba(34, 94, 168),
                                                 rgba(12, 44, 132)};
    if (classes <= 1) return ramp[3];
    const int at = static_cast<int>(std::lround(static_cast<double>(index) * 6.0 / (classes - 1)));
    return ramp[static_cast<std::size_t>(std::clamp(at, 0, 6))];
}

} // namespace lp::viewer
