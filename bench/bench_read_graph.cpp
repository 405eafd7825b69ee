// Benchmark: reading every Data Zone and building the contiguity graph, as ratios to
// GDAL's own read of the same file (every feature and geometry fetched, nothing else).
// Usage: bench_read_graph [zones.gpkg] [layer] [repeats]
#include <lp/graph/graph_builder.hpp>
#include <lp/io/zone_layer.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <string>
#include <vector>

namespace {

// CPU seconds of this process: steadier than wall time on a shared machine (this is
// single-threaded work, so the two agree on an idle one).
double cpu_now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::size_t gdal_bare_read(const std::string& path, const std::string& layer_name) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* layer = layer_name.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer_name.c_str());
    std::size_t points = 0;
    for (auto& f : *layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (g) points += static_cast<std::size_t>(g->WkbSize());
    }
    return points;
}

} // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 && *argv[1] ? argv[1] : LP_SHARED_DATA "/dz2011_scotland_bng.gpkg";
    const std::string layer = argc > 2 && *argv[2] ? argv[2] : "datazones";
    const int repeats = argc > 3 ? std::stoi(argv[3]) : 5;
    GDALAllRegister();

    std::vector<double> bare, read, graph;
    std::size_t zones = 0, edges = 0, crossings = 0;
    for (int r = 0; r < repeats; ++r) {
        double t0 = cpu_now();
        gdal_bare_read(path, layer);
        bare.push_back(cpu_now() - t0);

        t0 = cpu_now();
        lp::ZoneReadOptions options;
        options.path = path;
        options.layer = layer;
        options.id_field = argc > 4 ? argv[4] : "dz11_code";
        const lp::ZoneLayer z = lp::read_zones(options);
        read.push_back(cpu_now() - t0);

        t0 = cpu_now();
        const lp::ContiguityGraph g = lp::build_contiguity_graph(z);
        graph.push_back(cpu_now() - t0);
        zones = z.size();
        edges = g.edges().size();
        crossings = g.crossings.size();
    }
    const double b = median(bare), rd = median(read), gr = median(graph);
    std::printf("file: %s\nzones %zu, edges %zu, crossings %zu, median of %d runs\n", path.c_str(), zones, edges,
                crossings, repeats);
    std::printf("%-34s %9s %9s\n", "step", "CPU s", "x GDAL");
    std::printf("%-34s %9.3f %9.2f\n", "GDAL bare read (reference)", b, 1.0);
    std::printf("%-34s %9.3f %9.2f\n", "read_zones (reproject, validate)", rd, rd / b);
    std::printf("%-34s %9.3f %9.2f\n", "build_contiguity_graph", gr, gr / b);
    std::printf("%-34s %9.3f %9.2f\n", "read + graph", rd + gr, (rd + gr) / b);
    return 0;
}
