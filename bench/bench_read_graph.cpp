// Benchmark: reading every Data Zone and building the contiguity graph, as ratios to
// GDAL's own read of the same file (every feature and geometry fetched, nothing else).
// Prints wall and CPU seconds (reading validates on every core, so CPU can exceed wall).
// Usage: bench_read_graph [zones.gpkg] [layer] [repeats] [id-field]
#include <lp/graph/graph_builder.hpp>
#include <lp/io/zone_layer.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace {

struct Clock {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    double cpu = cpu_now();
    static double cpu_now() {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
    }
    std::pair<double, double> lap() const {
        return {std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(), cpu_now() - cpu};
    }
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::size_t gdal_bare_read(const std::string& path, const std::string& layer_name) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* layer = layer_name.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer_name.c_str());
    std::size_t bytes = 0;
    for (auto& f : *layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (g) bytes += static_cast<std::size_t>(g->WkbSize());
    }
    return bytes;
}

} // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 && *argv[1] ? argv[1] : LP_SHARED_DATA "/dz2011_scotland_bng.gpkg";
    const std::string layer = argc > 2 && *argv[2] ? argv[2] : "datazones";
    const int repeats = argc > 3 ? std::stoi(argv[3]) : 5;
    const std::string id_field = argc > 4 ? argv[4] : "dz11_code";
    GDALAllRegister();

    std::vector<double> bare_w, bare_c, read_w, read_c, graph_w, graph_c;
    std::size_t zones = 0, edges = 0, crossings = 0;
    for (int r = 0; r < repeats; ++r) {
        Clock c0;
        gdal_bare_read(path, layer);
        auto [bw, bc] = c0.lap();
        bare_w.push_back(bw);
        bare_c.push_back(bc);

        Clock c1;
        lp::ZoneReadOptions options;
        options.path = path;
        options.layer = layer;
        options.id_field = id_field;
        const lp::ZoneLayer z = lp::read_zones(options);
        auto [rw, rc] = c1.lap();
        read_w.push_back(rw);
        read_c.push_back(rc);

        Clock c2;
        const lp::ContiguityGraph g = lp::build_contiguity_graph(z);
        auto [gw, gc] = c2.lap();
        graph_w.push_back(gw);
        graph_c.push_back(gc);
        zones = z.size();
        edges = g.edges().size();
        crossings = g.crossings.size();
    }
    const double b = median(bare_w);
    std::printf("file: %s\nzones %zu, edges %zu, crossings %zu, median of %d runs\n", path.c_str(), zones, edges,
                crossings, repeats);
    std::printf("%-34s %8s %8s %8s\n", "step", "wall s", "CPU s", "x GDAL");
    auto row = [&](const char* name, double w, double c) { std::printf("%-34s %8.3f %8.3f %8.2f\n", name, w, c, w / b); };
    row("GDAL bare read (reference)", b, median(bare_c));
    row("read_zones (reproject, validate)", median(read_w), median(read_c));
    row("build_contiguity_graph", median(graph_w), median(graph_c));
    row("read + graph", median(read_w) + median(graph_w), median(read_c) + median(graph_c));
    return 0;
}
