#include "export/document_export.hpp"

#include "model/choropleth_classes.hpp"
#include "model/colours.hpp"
#include "map/map_labels.hpp"
#include "map/render_target.hpp"
#include "map/screenshot.hpp"

#include <lp/core/error.hpp>
#include <lp/io/atomic_file.hpp>

#include "app/gl.hpp"
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace lp::viewer {
namespace {

// Everything below is laid out in units of 1/96 inch (a "CSS pixel"), then scaled by
// dpi/96 into the image: text, lines and symbols keep their printed size at any DPI.
constexpr float text_size = 13.0f;
constexpr float small_size = 11.0f;
constexpr ImU32 ink = IM_COL32(25, 25, 25, 255);
constexpr ImU32 paper = IM_COL32(255, 255, 255, 235);

std::string distance_label(double metres) {
    char text[32];
    if (metres >= 1000) std::snprintf(text, sizeof text, "%g km", metres / 1000);
    else std::snprintf(text, sizeof text, "%g m", metres);
    return text;
}

// A swatch (a filled box in a border) and its label, one legend row.
struct LegendRow {
    Rgba fill, border;
    float symbol;  // a marker's side in units; 0: an area swatch
    std::string label;
};

std::vector<LegendRow> legend_rows(const Session& session, const MapView& map, std::string& title) {
    std::vector<LegendRow> rows;
    if (!map.choropleth().empty()) {
        title = map.choropleth();
        const ChoroplethClasses& classes = map.classes();
        for (std::size_t c = 0; c < classes.count(); ++c) {
            rows.push_back({ramp_colour(static_cast<int>(c), static_cast<int>(classes.count())), rgba(80, 80, 80), 0,
                            classes.label(c)});
        }
    } else if (session.document.has_plan()) {
        title = "Localities";
        for (const Locality& l : session.document.state().localities()) {
            rows.push_back({parse_hex_colour(l.colour), rgba(60, 60, 60), 0, l.name});
        }
    }
    if (map.show_points && !session.data.dataset().points.empty()) {
        rows.push_back({gp_marker_colour, gp_marker_border, 5, "GP practice"});
        rows.push_back({hospital_marker_colour, rgba(90, 90, 90), 9, "Hospital"});
    }
    if (map.context().ready()) rows.push_back({context_fill_colour, rgba(150, 150, 150), 0, "Neighbouring areas"});
    return rows;
}

// The legend in the top right corner: its title, then a row per class or locality and
// the symbols. Long lists run into further columns rather than off the page.
struct LegendLayout {
    std::string title;
    std::vector<LegendRow> rows;
    std::size_t per_column = 1;
    float column_width = 0, box_w = 0, box_h = 0;
    ImVec2 at;
};

LegendLayout legend_layout(ImFont* font, const Session& session, const MapView& map, float width, float height) {
    LegendLayout l;
    l.rows = legend_rows(session, map, l.title);
    if (l.rows.empty()) return l;
    const float row = text_size + 6, pad = 8, swatch = 22;
    const float usable = height * 0.7f - 2 * pad - row;
    l.per_column = static_cast<std::size_t>(std::max(1.0f, std::floor(usable / row)));
    const std::size_t columns = (l.rows.size() + l.per_column - 1) / l.per_column;
    for (const LegendRow& r : l.rows)
        l.column_width = std::max(l.column_width, font->CalcTextSizeA(text_size, 1e9f, 0, r.label.c_str()).x);
    l.column_width = std::min(l.column_width + swatch + 10, width * 0.3f);
    const float title_width = font->CalcTextSizeA(text_size, 1e9f, 0, l.title.c_str()).x;
    l.box_w = std::max(title_width, static_cast<float>(columns) * l.column_width) + 2 * pad;
    l.box_h = pad * 2 + row * static_cast<float>(1 + std::min(l.per_column, l.rows.size()));
    l.at = ImVec2(width - l.box_w - 12, 12);
    return l;
}

void draw_legend(ImDrawList* draw, ImFont* font, const LegendLayout& l) {
    if (l.rows.empty()) return;
    const float row = text_size + 6, pad = 8, swatch = 22;
    const std::vector<LegendRow>& rows = l.rows;
    const std::string& title = l.title;
    const std::size_t per_column = l.per_column;
    const float column_width = l.column_width, box_w = l.box_w, box_h = l.box_h;
    const ImVec2 at = l.at;
    draw->AddRectFilled(at, ImVec2(at.x + box_w, at.y + box_h), paper);
    draw->AddRect(at, ImVec2(at.x + box_w, at.y + box_h), IM_COL32(120, 120, 120, 255));
    draw->AddText(font, text_size, ImVec2(at.x + pad, at.y + pad), ink, title.c_str());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const LegendRow& r = rows[i];
        const float x = at.x + pad + static_cast<float>(i / per_column) * column_width;
        const float y = at.y + pad + row * static_cast<float>(1 + i % per_column);
        const float cx = x + swatch / 2, cy = y + text_size / 2 + 1;
        const float hw = r.symbol > 0 ? r.symbol / 2 : swatch / 2 - 1, hh = r.symbol > 0 ? r.symbol / 2 : text_size / 2 - 1;
        draw->AddRectFilled(ImVec2(cx - hw - 1, cy - hh - 1), ImVec2(cx + hw + 1, cy + hh + 1), r.border);
        draw->AddRectFilled(ImVec2(cx - hw, cy - hh), ImVec2(cx + hw, cy + hh), r.fill);
        const ImVec4 clip(x, y, x + column_width - 4, y + row);
        draw->AddText(font, text_size, ImVec2(x + swatch + 6, y), ink, r.label.c_str(), nullptr, 0, &clip);
    }
}

// A round length about a sixth of the image's width, bottom left, above the attribution.
void draw_scale_bar(ImDrawList* draw, ImFont* font, const MapCamera& camera, float bottom) {
    const double target_m = camera.rect.w / 6 / camera.scale;
    const double magnitude = std::pow(10.0, std::floor(std::log10(target_m)));
    double length = magnitude;
    for (double step : {2.0, 5.0, 10.0}) {
        if (magnitude * step <= target_m) length = magnitude * step;
    }
    const auto px = static_cast<float>(length * camera.scale);
    const std::string label = distance_label(length);
    const ImVec2 at(20, bottom - 14);
    draw->AddRectFilled(ImVec2(at.x - 8, at.y - text_size - 10), ImVec2(at.x + px + 12, at.y + 8), paper);
    draw->AddRectFilled(ImVec2(at.x, at.y - 2), ImVec2(at.x + px, at.y + 2), ink);
    draw->AddRectFilled(ImVec2(at.x - 1, at.y - 7), ImVec2(at.x + 1, at.y + 4), ink);
    draw->AddRectFilled(ImVec2(at.x + px - 1, at.y - 7), ImVec2(at.x + px + 1, at.y + 4), ink);
    const float w = font->CalcTextSizeA(text_size, 1e9f, 0, label.c_str()).x;
    draw->AddText(font, text_size, ImVec2(at.x + (px - w) / 2, at.y - text_size - 7), ink, label.c_str());
}

// The attribution across the foot of the image; returns the strip's top.
float draw_attribution(ImDrawList* draw, ImFont* font, const std::vector<std::string>& lines, float width, float height) {
    const float line = small_size + 3;
    const float top = height - 8 - line * static_cast<float>(lines.size());
    draw->AddRectFilled(ImVec2(0, top - 4), ImVec2(width, height), paper);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        draw->AddText(font, small_size, ImVec2(10, top + line * static_cast<float>(i)), IM_COL32(40, 40, 40, 255),
                      lines[i].c_str());
    }
    return top - 4;
}

void draw_title(ImDrawList* draw, ImFont* font, const std::string& title) {
    const float size = 18.0f;
    const ImVec2 extent = font->CalcTextSizeA(size, 1e9f, 0, title.c_str());
    draw->AddRectFilled(ImVec2(12, 12), ImVec2(12 + extent.x + 16, 12 + extent.y + 10), paper);
    draw->AddText(font, size, ImVec2(20, 17), ink, title.c_str());
}

} // namespace

int max_document_side() {
    GLint texture = 0, renderbuffer = 0, viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &texture);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    // 16384 is plenty (A3 at 900 DPI), and keeps one image under a gigabyte of pixels.
    return std::min({static_cast<int>(texture), static_cast<int>(renderbuffer), static_cast<int>(viewport[0]),
                     static_cast<int>(viewport[1]), 16384});
}

DocumentTimes export_document_png(const std::string& path, const DocumentImage& image, Session& session, MapView& map,
                                  MapRenderer& renderer, ImFont* font) {
    using clock = std::chrono::steady_clock;
    const auto seconds = [](clock::time_point from, clock::time_point to) { return std::chrono::duration<double>(to - from).count(); };
    DocumentTimes times;
    const auto start = clock::now();
    if (!session.data.is_open()) throw Error(ErrorKind::write_failed, path + ": no map to draw (no zones are open)");
    const float k = static_cast<float>(image.dpi / 96.0);
    const float width = static_cast<float>(image.width) / k, height = static_cast<float>(image.height) / k;
    // What the window shows, all of it, in the image's shape.
    MapCamera camera = map.camera();
    const Box shown = camera.visible();
    camera.rect = ScreenRect{0, 0, width, height};
    camera.fit(shown, 0.0f);

    // The names, legend, scale bar and attribution as ImGui draw commands in units, with
    // the document font (its glyphs rasterised large) so they stay sharp when scaled by k.
    ImDrawList overlay(ImGui::GetDrawListSharedData());
    overlay._ResetForNewFrame();
    overlay.PushTextureID(ImGui::GetIO().Fonts->TexID);
    overlay.PushClipRect(ImVec2(0, 0), ImVec2(width, height));
    ImGui::PushFont(font);  // the labels take ImGui's current font
    // No name under the legend, nor (as in the window) over a neighbouring council.
    const LegendLayout legend = legend_layout(font, session, map, width, height);
    std::vector<ScreenBox> covered;
    if (!legend.rows.empty())
        covered.push_back({legend.at.x, legend.at.y, legend.at.x + legend.box_w, legend.at.y + legend.box_h});
    MapLabels labels;  // a layout of its own: the window's map keeps its one
    labels.draw(&overlay, session, camera, map.search().index(session), map.show_points,
                map.marker_scale_at(session, camera.scale), map.context().ready() ? &map.context() : nullptr, covered);
    ImGui::PopFont();
    const bool geonames = !session.data.places_path().empty();
    const float foot = draw_attribution(&overlay, font, attribution_lines(current_year(), geonames), width, height);
    draw_scale_bar(&overlay, font, camera, foot - 6);
    draw_legend(&overlay, font, legend);
    if (session.document.has_plan()) {
        draw_title(&overlay, font, "Localities: " + std::filesystem::path(session.document.plan_name()).stem().string());
    }

    RenderTarget target;
    target.ensure(image.width, image.height);
    glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer());
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        throw Error(ErrorKind::write_failed, path + ": the GL driver cannot draw an image of " + std::to_string(image.width) +
                                                 " x " + std::to_string(image.height) + " pixels");
    }
    glViewport(0, 0, image.width, image.height);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0.80f, 0.87f, 0.93f, 1.0f); // sea
    glClear(GL_COLOR_BUFFER_BIT);
    map.render_document(session, renderer, camera, image.height, k);

    ImDrawList* lists[] = {&overlay};
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = overlay.VtxBuffer.Size;
    data.TotalIdxCount = overlay.IdxBuffer.Size;
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = ImVec2(width, height);
    data.FramebufferScale = ImVec2(k, k);
    ImGui_ImplOpenGL3_RenderDrawData(&data);

    glFinish();
    const auto drawn = clock::now();
    std::vector<unsigned char> pixels;
    try {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, target.framebuffer());
        glReadBuffer(GL_COLOR_ATTACHMENT0);
        pixels = read_pixels_top_down(0, 0, image.width, image.height, image.height);
    } catch (...) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glReadBuffer(GL_BACK);
        throw;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    const auto read = clock::now();
    const std::string png = png_with_dpi(encode_png_rgb(pixels.data(), image.width, image.height), image.dpi);
    const auto encoded = clock::now();
    write_file_atomically(path, png);
    const auto written = clock::now();
    times.draw = seconds(start, drawn);
    times.read = seconds(drawn, read);
    times.encode = seconds(read, encoded);
    times.write = seconds(encoded, written);
    return times;
}

} // namespace lp::viewer
