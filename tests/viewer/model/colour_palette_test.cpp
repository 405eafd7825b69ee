// The locality palette and the map's markers under colour vision deficiencies
// (viewer/model/colour_vision.cpp): every pair of the first k locality colours and the two
// marker colours stays apart (CIEDE2000) with normal vision and simulated protanopia,
// deuteranopia and tritanopia. The palette before issue 11 turned its green, red and
// brown into one olive under deuteranopia; the test shows it would fail.
#include "model/colour_vision.hpp"

#include <lp/plan/locality_plan.hpp>

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace lp::viewer;

namespace {

std::vector<Rgba> with_markers(std::vector<Rgba> colours) {
    colours.push_back(hospital_marker_colour);
    colours.push_back(gp_marker_colour);
    return colours;
}

std::vector<Rgba> default_palette(std::size_t k) {
    std::vector<Rgba> colours;
    for (std::size_t i = 0; i < k; ++i) colours.push_back(parse_hex_colour(lp::default_locality_colour(i)));
    return colours;
}

std::string describe(const std::vector<Rgba>& colours, const ClosestPair& closest) {
    char text[160];
    auto hex = [](Rgba c) {
        char h[8];
        std::snprintf(h, sizeof h, "#%02x%02x%02x", c & 0xff, (c >> 8) & 0xff, (c >> 16) & 0xff);
        return std::string(h);
    };
    std::snprintf(text, sizeof text, "closest: %s and %s, CIEDE2000 %.2f under %s", hex(colours[closest.first]).c_str(),
                  hex(colours[closest.second]).c_str(), closest.difference, vision_name(closest.vision));
    return text;
}

} // namespace

TEST_CASE("CIEDE2000 matches Sharma, Wu and Dalal's test pairs", "[viewer][colours]") {
    CHECK(ciede2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}) == Approx(2.0425).margin(1e-4));
    CHECK(ciede2000({50, 0, 0}, {50, -1, 2}) == Approx(2.3669).margin(1e-4));
    CHECK(ciede2000({50, 2.5, 0}, {73, 25, -18}) == Approx(27.1492).margin(1e-4));
    CHECK(ciede2000({60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}) == Approx(1.2644).margin(1e-4));
    CHECK(ciede2000({22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}) == Approx(2.0373).margin(1e-4));
    CHECK(ciede2000({50, 0, 0}, {50, 0, 0}) == 0);
}

TEST_CASE("The simulations confuse what each deficiency confuses", "[viewer][colours]") {
    const Lab white = seen_as(rgba(255, 255, 255), ColourVision::deuteranopia);
    CHECK(white.l == Approx(100).margin(0.5));  // white stays white
    // Red and green, far apart normally, come close without green (or red) cones.
    const Rgba red = rgba(220, 50, 30), green = rgba(90, 170, 30);
    const double normal = ciede2000(seen_as(red, ColourVision::normal), seen_as(green, ColourVision::normal));
    const double deutan = ciede2000(seen_as(red, ColourVision::deuteranopia), seen_as(green, ColourVision::deuteranopia));
    const double protan = ciede2000(seen_as(red, ColourVision::protanopia), seen_as(green, ColourVision::protanopia));
    CHECK(normal > 40);
    CHECK(deutan < normal / 2);
    CHECK(protan < normal / 2);
    // Tritanopes lose blue against green, not red against green.
    const Rgba blue = rgba(40, 120, 200), teal = rgba(40, 160, 120);
    CHECK(ciede2000(seen_as(blue, ColourVision::tritanopia), seen_as(teal, ColourVision::tritanopia)) <
          ciede2000(seen_as(blue, ColourVision::normal), seen_as(teal, ColourVision::normal)) / 2);
}

TEST_CASE("Locality colours and markers stay apart under every colour vision deficiency", "[viewer][colours]") {
    for (std::size_t k = 2; k <= 9; ++k) {
        const std::vector<Rgba> colours = with_markers(default_palette(k));
        const ClosestPair closest = closest_pair(colours);
        INFO("k = " << k << ": " << describe(colours, closest));
        CHECK(closest.difference >= 10.0);
    }
    // Beyond nine (no Scottish partnership uses more) the palette still keeps 9 apart.
    const std::vector<Rgba> twelve = with_markers(default_palette(12));
    INFO(describe(twelve, closest_pair(twelve)));
    CHECK(closest_pair(twelve).difference >= 9.0);
    std::printf("palette: k = 9 %s; k = 12 %s\n", describe(with_markers(default_palette(9)), closest_pair(with_markers(default_palette(9)))).c_str(),
                describe(twelve, closest_pair(twelve)).c_str());
}

TEST_CASE("The palette before issue 11 fails the same check", "[viewer][colours]") {
    const std::vector<Rgba> old = with_markers({rgba(0x1f, 0x78, 0xb4), rgba(0x33, 0xa0, 0x2c), rgba(0xe3, 0x1a, 0x1c),
                                                rgba(0xff, 0x7f, 0x00), rgba(0x6a, 0x3d, 0x9a), rgba(0xb1, 0x59, 0x28),
                                                rgba(0xa6, 0xce, 0xe3), rgba(0xb2, 0xdf, 0x8a), rgba(0xfb, 0x9a, 0x99)});
    const std::vector<Rgba> old_markers = {rgba(20, 60, 160), rgba(200, 20, 40)};
    std::vector<Rgba> old_with_old_markers(old.begin(), old.end() - 2);
    old_with_old_markers.insert(old_with_old_markers.end(), old_markers.begin(), old_markers.end());
    const ClosestPair closest = closest_pair(old_with_old_markers);
    INFO(describe(old_with_old_markers, closest));
    CHECK(closest.difference < 10.0);
    CHECK(closest.vision != ColourVision::normal);
}
