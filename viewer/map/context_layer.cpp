#include "map/context_layer.hpp"

#include "model/neighbouring_areas.hpp"

#include <lp/io/zone_layer.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

namespace lp::viewer {

std::string ContextLayer::outlines_path(const std::string& zones_path) {
    namespace fs = std::filesystem;
    std::error_code ignored;
    const fs::path dir = fs::path(zones_path).parent_path();
    // Beside the zones (the shared data's layout), or one folder up (per-council files).
    for (const fs::path& candidate : {dir / "council_areas_2019.geojson", dir.parent_path() / "council_areas_2019.geojson"}) {
        if (fs::is_regular_file(candidate, ignored)) return candidate.string();
    }
    return "";
}

void ContextLayer::update(const Session& session) {
    if (!session.data.is_open()) return;
    if (generation_ != session.data.mesh_generation()) {
        generation_ = session.data.mesh_generation();
        ready_ = fresh_ = false;
        triangles_.clear();
        segments_.clear();
        problem_.clear();
        source_ = outlines_path(session.data.options().zones.path);
        loading_ = {};
        origin_ = session.data.mesh().origin;
        if (source_.empty()) {
            // No outlines beside the zones: the layer's other areas under the same filter,
            // dissolved (a few seconds for Scotland, on the background thread).
            const ZoneReadOptions& zones = session.data.options().zones;
            if (zones.filter_field.empty()) return;
            source_ = zones.path + " (other " + zones.filter_field + " areas, dissolved)";
            loading_ = std::async(std::launch::async, [zones, crs = session.data.dataset().zones.working_crs] {
                const NeighbouringAreas areas = dissolve_neighbouring_areas(zones, crs);
                return build_zone_mesh(areas.shapes, areas.ids, {2000.0});
            });
            return;
        }
        ZoneReadOptions options;
        options.path = source_;
        options.id_field = "ca_code";
        options.working_crs = session.data.dataset().zones.working_crs;
        // The partnership's own councils are its zones: leave them out.
        std::vector<std::string> own;
        if (session.data.options().zones.filter_field == "ca_code") own = session.data.options().zones.filter_values;
        loading_ = std::async(std::launch::async, [options, own] {
            ZoneLayer councils = read_zones(options);
            std::vector<std::size_t> keep;
            for (std::size_t i = 0; i < councils.size(); ++i)
                if (std::find(own.begin(), own.end(), councils.ids[i]) == own.end()) keep.push_back(i);
            const ZoneLayer others = subset(councils, keep);
            // One coarse level only: the outlines are simplified already.
            return build_zone_mesh(others.shapes, others.ids, {2000.0});
        });
    }
    if (!loading_.valid() || loading_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    try {
        const ZoneMesh mesh = loading_.get();
        const float dx = static_cast<float>(mesh.origin.x - origin_.x), dy = static_cast<float>(mesh.origin.y - origin_.y);
        triangles_ = mesh.triangles;
        for (std::size_t i = 0; i < triangles_.size(); i += 2) {
            triangles_[i] += dx;
            triangles_[i + 1] += dy;
        }
        segments_ = mesh.segments;
        for (std::size_t i = 0; i < segments_.size(); i += 2) {
            segments_[i] += dx;
            segments_[i + 1] += dy;
        }
        ready_ = fresh_ = true;
        std::cerr << "locality-viewer: neighbouring areas from " << source_ << ": " << mesh.zone_count() << " areas, "
                  << triangles_.size() / 6 << " triangles\n";
        areas_ = mesh;
    } catch (const std::exception& e) {
        // Context is a courtesy: a file that cannot be read leaves the sea blue.
        problem_ = e.what();
        std::cerr << "locality-viewer: no neighbouring areas: " << problem_ << "\n";
    }
}

bool ContextLayer::take(std::vector<float>& triangles, std::vector<float>& segments) {
    if (!fresh_) return false;
    fresh_ = false;
    triangles = triangles_;
    segments = segments_;
    return true;
}

} // namespace lp::viewer
