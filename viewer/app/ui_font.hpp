#pragma once
// The interface's typeface: DejaVu Sans from Debian's fonts-dejavu-core (a proportional
// font with the accents of Gaelic place names, à è ì ò ù, and the rest of Latin-1 and
// Latin Extended-A), sized for the monitor's content scale; ImGui's built-in bitmap font,
// with a message saying so, when the file is missing. Read from the system rather than
// embedded: the package is a dependency of the .deb, and a font fixed by Debian is one
// less copy to keep up to date.
#include <string>

struct ImFont;

namespace lp::viewer {

struct UiFonts {
    ImFont* ui = nullptr;        // the panels' font (the atlas's first, so ImGui's default)
    ImFont* document = nullptr;  // the same face rasterised large, for map images at print DPI
    std::string path;            // the file read ("" for the built-in font)
    std::string message;         // why the built-in font is used ("" when the file was read)
};

// Where the font is looked for: $LP_VIEWER_FONT when set, then DejaVu Sans and Noto Sans
// in Debian's places. The first that exists ("" when none does).
std::string find_ui_font();

// Adds the fonts to the current ImGui context's atlas (before its first frame) at
// base pixels times content_scale, and scales the style's sizes to match.
UiFonts load_ui_fonts(float content_scale);

// The code points the fonts hold, as ImGui's zero-terminated ranges.
const unsigned short* ui_glyph_ranges();

} // namespace lp::viewer
