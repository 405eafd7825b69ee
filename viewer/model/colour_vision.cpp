#include "model/colour_vision.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace lp::viewer {
namespace {

using Matrix = std::array<std::array<double, 3>, 3>;

// Machado et al. 2009, severity 1.0 (dichromacy), for linear RGB.
constexpr Matrix protanopia_matrix = {{{0.152286, 1.052583, -0.204868},
                                       {0.114503, 0.786281, 0.099216},
                                       {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix deuteranopia_matrix = {{{0.367322, 0.860646, -0.227968},
                                         {0.280085, 0.672501, 0.047413},
                                         {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix tritanopia_matrix = {{{1.255528, -0.076749, -0.178779},
                                       {-0.078411, 0.930809, 0.147602},
                                       {0.004733, 0.691367, 0.303900}}};

double linear(unsigned byte) {
    const double c = byte / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

Lab lab_of_linear(const std::array<double, 3>& rgb) {
    const double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
    const double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
    const double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
    auto f = [](double t) {
        constexpr double epsilon = 216.0 / 24389.0, kappa = 24389.0 / 27.0;
        return t > epsilon ? std::cbrt(t) : (kappa * t + 16) / 116;
    };
    const double fx = f(x / 0.95047), fy = f(y / 1.0), fz = f(z / 1.08883);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double degrees(double radians) { return radians * 180 / std::numbers::pi; }
double radians(double degrees) { return degrees * std::numbers::pi / 180; }

} // namespace

const char* vision_name(ColourVision vision) {
    switch (vision) {
    case ColourVision::normal: return "normal vision";
    case ColourVision::protanopia: return "protanopia";
    case ColourVision::deuteranopia: return "deuteranopia";
    case ColourVision::tritanopia: return "tritanopia";
    }
    return "?";
}

Lab seen_as(Rgba colour, ColourVision vision) {
    std::array<double, 3> rgb = {linear(colour & 0xff), linear((colour >> 8) & 0xff), linear((colour >> 16) & 0xff)};
    const Matrix* m = vision == ColourVision::protanopia     ? &protanopia_matrix
                      : vision == ColourVision::deuteranopia ? &deuteranopia_matrix
                      : vision == ColourVision::tritanopia   ? &tritanopia_matrix
                                                             : nullptr;
    if (m) {
        std::array<double, 3> seen{};
        for (std::size_t i = 0; i < 3; ++i) {
            seen[i] = std::clamp((*m)[i][0] * rgb[0] + (*m)[i][1] * rgb[1] + (*m)[i][2] * rgb[2], 0.0, 1.0);
        }
        rgb = seen;
    }
    return lab_of_linear(rgb);
}

double ciede2000(const Lab& first, const Lab& second) {
    // Sharma, Wu and Dalal (2005), with kL = kC = kH = 1.
    const double c1 = std::hypot(first.a, first.b), c2 = std::hypot(second.a, second.b);
    const double c_mean7 = std::pow((c1 + c2) / 2, 7);
    const double g = 0.5 * (1 - std::sqrt(c_mean7 / (c_mean7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * first.a, a2 = (1 + g) * second.a;
    const double cp1 = std::hypot(a1, first.b), cp2 = std::hypot(a2, second.b);
    auto hue = [](double b, double a) {
        if (a == 0 && b == 0) return 0.0;
        const double h = degrees(std::atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const double hp1 = hue(first.b, a1), hp2 = hue(second.b, a2);
    const double dl = second.l - first.l, dc = cp2 - cp1;
    double dh = 0;
    if (cp1 * cp2 != 0) {
        dh = hp2 - hp1;
        if (dh > 180) dh -= 360;
        else if (dh < -180) dh += 360;
    }
    const double d_big_h = 2 * std::sqrt(cp1 * cp2) * std::sin(radians(dh / 2));
    const double l_mean = (first.l + second.l) / 2, cp_mean = (cp1 + cp2) / 2;
    double h_mean = hp1 + hp2;
    if (cp1 * cp2 != 0) {
        if (std::abs(hp1 - hp2) <= 180) h_mean = (hp1 + hp2) / 2;
        else if (hp1 + hp2 < 360) h_mean = (hp1 + hp2 + 360) / 2;
        else h_mean = (hp1 + hp2 - 360) / 2;
    }
    const double t = 1 - 0.17 * std::cos(radians(h_mean - 30)) + 0.24 * std::cos(radians(2 * h_mean)) +
                     0.32 * std::cos(radians(3 * h_mean + 6)) - 0.20 * std::cos(radians(4 * h_mean - 63));
    const double d_theta = 30 * std::exp(-std::pow((h_mean - 275) / 25, 2));
    const double cp_mean7 = std::pow(cp_mean, 7);
    const double rc = 2 * std::sqrt(cp_mean7 / (cp_mean7 + std::pow(25.0, 7)));
    const double sl = 1 + 0.015 * std::pow(l_mean - 50, 2) / std::sqrt(20 + std::pow(l_mean - 50, 2));
    const double sc = 1 + 0.045 * cp_mean;
    const double sh = 1 + 0.015 * cp_mean * t;
    const double rt = -std::sin(radians(2 * d_theta)) * rc;
    const double tl = dl / sl, tc = dc / sc, th = d_big_h / sh;
    return std::sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
}

ClosestPair closest_pair(const std::vector<Rgba>& colours) {
    ClosestPair closest;
    closest.difference = INFINITY;
    for (ColourVision vision : {ColourVision::normal, ColourVision::protanopia, ColourVision::deuteranopia,
                                ColourVision::tritanopia}) {
        std::vector<Lab> seen;
        for (Rgba c : colours) seen.push_back(seen_as(c, vision));
        for (std::size_t i = 0; i < seen.size(); ++i) {
            for (std::size_t j = i + 1; j < seen.size(); ++j) {
                const double d = ciede2000(seen[i], seen[j]);
                if (d < closest.difference) closest = {d, i, j, vision};
            }
        }
    }
    return closest;
}

} // namespace lp::viewer
