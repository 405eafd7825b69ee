#include "export/document_page.hpp"

#include <lp/core/error.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using namespace lp::viewer;

namespace {

std::uint32_t be32(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
    return v;
}

// A valid 1x1 grey PNG (IHDR, IDAT, IEND), as an encoder writes it.
std::string tiny_png() {
    static const unsigned char bytes[] = {
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3A, 0x7E, 0x9B, 0x55, 0x00, 0x00, 0x00,
        0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x68, 0x00, 0x00, 0x00, 0x82, 0x00, 0x81, 0x77, 0xCD, 0x72,
        0xB6, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

// Every chunk's CRC over its type and data, as a PNG reader checks it.
bool crcs_hold(const std::string& png) {
    for (std::size_t at = 8; at + 12 <= png.size();) {
        const std::size_t length = be32(png, at);
        std::uint32_t crc = 0xFFFFFFFFu;
        for (std::size_t i = at + 4; i < at + 8 + length; ++i) {
            crc ^= static_cast<unsigned char>(png[i]);
            for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
        if ((crc ^ 0xFFFFFFFFu) != be32(png, at + 8 + length)) return false;
        at += 12 + length;
    }
    return true;
}

} // namespace

TEST_CASE("document image: A4 at 300 DPI is 3508 x 2480 pixels, and sizes are checked", "[viewer][export]") {
    const DocumentImage a4 = parse_document_size("a4-landscape", 300, 16384);
    CHECK(a4.width == 3508);
    CHECK(a4.height == 2480);
    CHECK(a4.dpi == 300);
    const DocumentImage portrait = parse_document_size("a4-portrait", 150, 16384);
    CHECK(portrait.width == 1240);
    CHECK(portrait.height == 1754);
    const DocumentImage pixels = parse_document_size("1600x1200", 96, 16384);
    CHECK(pixels.width == 1600);
    CHECK(pixels.height == 1200);
    const auto refused = [](const std::string& size, double dpi, int max_side, const std::string& words) {
        INFO(size << " at " << dpi);
        try {
            parse_document_size(size, dpi, max_side);
            FAIL("accepted");
        } catch (const lp::Error& e) {
            CHECK(e.kind() == lp::ErrorKind::bad_setting);
            CHECK(std::string(e.what()).find(words) != std::string::npos);
        }
    };
    refused("a4", 300, 16384, "a4-landscape");          // the pages are listed
    refused("1600 x 1200", 300, 16384, "'1600 x 1200'");
    refused("a3-landscape", 1200, 8192, "19843 x 14031");  // beyond the GL limit: the size is said
    refused("a4-landscape", 0, 16384, "DPI");
    refused("8x8", 96, 16384, "16 to 16384");
}

TEST_CASE("document image: the attribution names the Crown copyright year and GeoNames only with places", "[viewer][export]") {
    const auto lines = attribution_lines(2026, false);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "Contains OS data \xC2\xA9 Crown copyright and database right 2026");
    CHECK(lines[1] == "Contains public sector information licensed under the Open Government Licence v3.0");
    const auto with_places = attribution_lines(2026, true);
    REQUIRE(with_places.size() == 3);
    CHECK(with_places[2].find("GeoNames") != std::string::npos);
    CHECK(current_year() >= 2024);
}

TEST_CASE("document image: the PNG records its DPI in a pHYs chunk after IHDR", "[viewer][export]") {
    const std::string png = png_with_dpi(tiny_png(), 300);
    REQUIRE(png.size() == tiny_png().size() + 21);
    CHECK(png.compare(33 + 4, 4, "pHYs") == 0);  // straight after IHDR (8 + 25 bytes)
    CHECK(be32(png, 33) == 9);
    CHECK(be32(png, 41) == 11811);  // 300 / 0.0254 pixels a metre
    CHECK(be32(png, 45) == 11811);
    CHECK(png[49] == 1);            // the unit is the metre
    CHECK(crcs_hold(png));
    // Done twice, the chunk is replaced, not repeated.
    const std::string again = png_with_dpi(png, 96);
    CHECK(again.size() == png.size());
    CHECK(be32(again, 41) == 3780);
    CHECK(crcs_hold(again));
    CHECK_THROWS_AS(png_with_dpi("not a png at all, not at all, no", 300), lp::Error);
}
