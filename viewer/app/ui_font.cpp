#include "app/ui_font.hpp"

#include <imgui.h>

#include <cstdlib>
#include <filesystem>

namespace lp::viewer {
namespace {

// Pixels at a content scale of 1: DejaVu Sans is wide, so 14 reads like 15 elsewhere
// and keeps the panels' text as long as before.
constexpr float ui_pixels = 14.0f;
// The document font: map images for print are drawn in units of 1/96 inch and scaled by
// dpi/96 (3.1 at 300 DPI), so a 13-18 unit label needs glyphs of about 40-56 pixels.
constexpr float document_pixels = 48.0f;

} // namespace

const unsigned short* ui_glyph_ranges() {
    static const unsigned short ranges[] = {
        0x0020, 0x00FF,  // Basic Latin and Latin-1: à è ì ò ù, ©, ±, °, ²
        0x0100, 0x017F,  // Latin Extended-A (ŵ, ŷ, ł... in names from elsewhere)
        0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
        0x2030, 0x203A,  // per mille, primes, angle quotes
        0x2190, 0x2193,  // arrows
        0x2212, 0x2212,  // minus sign
        0x2248, 0x2248,  // almost equal
        0x2264, 0x2265,  // less or equal, greater or equal
        0,
    };
    return ranges;
}

std::string find_ui_font() {
    if (const char* chosen = std::getenv("LP_VIEWER_FONT"); chosen && *chosen) {
        return std::filesystem::exists(chosen) ? std::string(chosen) : std::string();
    }
    for (const char* path : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                             "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"}) {
        if (std::filesystem::exists(path)) return path;
    }
    return {};
}

UiFonts load_ui_fonts(float content_scale) {
    const float scale = content_scale > 0.5f && content_scale < 8.0f ? content_scale : 1.0f;
    ImGuiIO& io = ImGui::GetIO();
    UiFonts fonts;
    fonts.path = find_ui_font();
    if (!fonts.path.empty()) {
        ImFontConfig ui;
        ui.OversampleH = 2;  // sharp enough at 14 px, half the atlas of the default 3
        fonts.ui = io.Fonts->AddFontFromFileTTF(fonts.path.c_str(), ui_pixels * scale, &ui, ui_glyph_ranges());
        ImFontConfig document;
        document.OversampleH = 1;  // at 48 px the glyphs need no oversampling
        document.OversampleV = 1;
        if (fonts.ui) fonts.document = io.Fonts->AddFontFromFileTTF(fonts.path.c_str(), document_pixels, &document, ui_glyph_ranges());
        if (!fonts.ui || !fonts.document) {
            fonts.message = fonts.path + " could not be read as a font";
            io.Fonts->Clear();
            fonts = UiFonts{nullptr, nullptr, {}, fonts.message};
        }
    } else {
        const char* chosen = std::getenv("LP_VIEWER_FONT");
        fonts.message = chosen && *chosen ? std::string("LP_VIEWER_FONT=") + chosen + " does not exist"
                                          : "no DejaVu Sans or Noto Sans font file (install fonts-dejavu-core)";
    }
    if (!fonts.ui) {
        fonts.message += "; using ImGui's built-in font (no accents beyond Latin-1, blurry when scaled)";
        ImFontConfig builtin;
        builtin.SizePixels = 13.0f * scale;
        fonts.ui = io.Fonts->AddFontDefault(&builtin);
        fonts.document = fonts.ui;
    }
    ImGui::GetStyle().ScaleAllSizes(scale);
    return fonts;
}

} // namespace lp::viewer
