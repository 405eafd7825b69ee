#include "map/image_shift.hpp"

#include <catch2/catch.hpp>

#include <vector>

using lp::viewer::image_shift;
using lp::viewer::PixelRect;

namespace {

// How many times each pixel of a width x height image is written: by the copy's target
// or by a strip drawn again. A pan must write every pixel exactly once.
std::vector<int> coverage(const lp::viewer::ImageShift& shift, int width, int height) {
    std::vector<int> hits(static_cast<std::size_t>(width * height), 0);
    auto paint = [&](const PixelRect& r) {
        for (int y = r[1]; y < r[1] + r[3]; ++y)
            for (int x = r[0]; x < r[0] + r[2]; ++x) {
                REQUIRE(x >= 0);
                REQUIRE(x < width);
                REQUIRE(y >= 0);
                REQUIRE(y < height);
                ++hits[static_cast<std::size_t>(y * width + x)];
            }
    };
    paint(shift.target);
    for (const PixelRect& strip : shift.strips) paint(strip);
    return hits;
}

} // namespace

TEST_CASE("a pan to the right copies the image left and draws the column it uncovers", "[viewer][image_shift]") {
    const auto shift = image_shift(3.0, 0.0, 40, 30);
    REQUIRE(shift);
    CHECK(shift->dx == 3);
    CHECK(shift->dy == 0);
    CHECK(shift->source == PixelRect{3, 0, 37, 30});
    CHECK(shift->target == PixelRect{0, 0, 37, 30});
    REQUIRE(shift->strips.size() == 1);
    CHECK(shift->strips[0] == PixelRect{37, 0, 3, 30});
}

TEST_CASE("every pixel is either copied or drawn again, once, whichever way the view moves", "[viewer][image_shift]") {
    for (const auto& [dx, dy] : std::vector<std::pair<double, double>>{{-5, 7}, {5, -7}, {-1, -1}, {20, 15}, {0, -4}, {9, 0}}) {
        const auto shift = image_shift(dx, dy, 40, 30);
        REQUIRE(shift);
        for (const int hits : coverage(*shift, 40, 30)) REQUIRE(hits == 1);
        // What is copied lands where the map moved: source minus target is the move.
        CHECK(shift->source[0] - shift->target[0] == static_cast<int>(dx));
        CHECK(shift->source[1] - shift->target[1] == static_cast<int>(dy));
    }
}

TEST_CASE("a move by a fraction of a pixel or past half the image redraws it whole", "[viewer][image_shift]") {
    CHECK_FALSE(image_shift(2.5, 0, 40, 30));
    CHECK_FALSE(image_shift(0, 0.01, 40, 30));
    CHECK_FALSE(image_shift(21, 0, 40, 30));
    CHECK_FALSE(image_shift(0, -16, 40, 30));
    // Rounding in the camera's arithmetic is not a fraction of a pixel.
    const auto nearly = image_shift(2.0004, -0.0003, 40, 30);
    REQUIRE(nearly);
    CHECK(nearly->dx == 2);
    CHECK(nearly->dy == 0);
}

TEST_CASE("a view that did not move keeps its image and draws nothing", "[viewer][image_shift]") {
    const auto shift = image_shift(0, 0, 40, 30);
    REQUIRE(shift);
    CHECK(shift->strips.empty());
    CHECK(shift->source == PixelRect{0, 0, 40, 30});
}
