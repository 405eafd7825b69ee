#include "export/document_page.hpp"

#include <lp/core/error.hpp>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <regex>

namespace lp::viewer {
namespace {

constexpr std::array pages{
    PageSize{"a4-landscape", "A4 landscape (297 x 210 mm)", 297, 210},
    PageSize{"a4-portrait", "A4 portrait (210 x 297 mm)", 210, 297},
    PageSize{"a3-landscape", "A3 landscape (420 x 297 mm)", 420, 297},
    PageSize{"a3-portrait", "A3 portrait (297 x 420 mm)", 297, 420},
    PageSize{"a5-landscape", "A5 landscape (210 x 148 mm)", 210, 148},
};

std::uint32_t crc32(const unsigned char* data, std::size_t size, std::uint32_t crc = 0xFFFFFFFFu) {
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return crc;
}

void put_u32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

std::uint32_t get_u32(const std::string& in, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(in[at + i]);
    return v;
}

} // namespace

std::span<const PageSize> page_sizes() { return pages; }

DocumentImage page_image(const PageSize& page, double dpi) {
    return {static_cast<int>(std::lround(page.width_mm / 25.4 * dpi)), static_cast<int>(std::lround(page.height_mm / 25.4 * dpi)),
            dpi};
}

DocumentImage parse_document_size(const std::string& size, double dpi, int max_side) {
    if (!(dpi >= 30 && dpi <= 1200)) {
        throw Error(ErrorKind::bad_setting, "a map image's DPI must be between 30 and 1200, not " + std::to_string(dpi));
    }
    DocumentImage image;
    bool found = false;
    for (const PageSize& page : pages) {
        if (size == page.name) {
            image = page_image(page, dpi);
            found = true;
        }
    }
    static const std::regex pixels(R"(([0-9]{1,6})x([0-9]{1,6}))");
    std::smatch m;
    if (!found && std::regex_match(size, m, pixels)) {
        image = {std::stoi(m[1]), std::stoi(m[2]), dpi};
        found = true;
    }
    if (!found) {
        std::string names;
        for (const PageSize& page : pages) names += std::string(names.empty() ? "" : ", ") + page.name;
        throw Error(ErrorKind::bad_setting, "map image size '" + size + "': give WIDTHxHEIGHT in pixels or a page (" + names + ")");
    }
    if (image.width < 16 || image.height < 16 || image.width > max_side || image.height > max_side) {
        throw Error(ErrorKind::bad_setting, "map image size '" + size + "' at " + std::to_string(std::lround(dpi)) + " DPI is " +
                                                std::to_string(image.width) + " x " + std::to_string(image.height) +
                                                " pixels: each side must be 16 to " + std::to_string(max_side));
    }
    return image;
}

std::vector<std::string> attribution_lines(int year, bool geonames) {
    std::vector<std::string> lines{
        "Contains OS data \xC2\xA9 Crown copyright and database right " + std::to_string(year),
        "Contains public sector information licensed under the Open Government Licence v3.0",
    };
    if (geonames) lines.push_back("Place names from GeoNames (geonames.org), CC BY 4.0");
    return lines;
}

int current_year() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    return utc.tm_year + 1900;
}

std::string png_with_dpi(const std::string& png, double dpi) {
    static const std::string signature("\x89PNG\r\n\x1a\n", 8);
    if (png.size() < 8 + 25 || png.compare(0, 8, signature) != 0 || png.compare(12, 4, "IHDR") != 0) {
        throw Error(ErrorKind::unexpected, "png_with_dpi: not a PNG");
    }
    const std::size_t after_ihdr = 8 + 12 + get_u32(png, 8);
    std::string out = png.substr(0, after_ihdr);
    std::string chunk = "pHYs";
    const auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    put_u32(chunk, per_metre);
    put_u32(chunk, per_metre);
    chunk.push_back('\x01');  // unit: the metre
    put_u32(out, 9);
    out += chunk;
    put_u32(out, crc32(reinterpret_cast<const unsigned char*>(chunk.data()), chunk.size()) ^ 0xFFFFFFFFu);
    // The rest, less any pHYs already there.
    for (std::size_t at = after_ihdr; at + 12 <= png.size();) {
        const std::size_t length = get_u32(png, at);
        if (at + 12 + length > png.size()) throw Error(ErrorKind::unexpected, "png_with_dpi: a chunk runs past the end");
        if (png.compare(at + 4, 4, "pHYs") != 0) out.append(png, at, 12 + length);
        at += 12 + length;
    }
    return out;
}

} // namespace lp::viewer
