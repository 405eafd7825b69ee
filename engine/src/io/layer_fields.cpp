#include <lp/io/layer_fields.hpp>

#include "io/gdal_util.hpp"

namespace lp {

LayerFields describe_layer(const std::string& path, const std::string& layer) {
    GDALDatasetUniquePtr ds = detail::open_vector(path);
    LayerFields out;
    for (int i = 0; i < ds->GetLayerCount(); ++i) out.layers.push_back(ds->GetLayer(i)->GetName());
    OGRLayer* found = detail::find_layer(*ds, path, layer);
    out.layer = found->GetName();
    OGRFeatureDefn* definition = found->GetLayerDefn();
    for (int f = 0; f < definition->GetFieldCount(); ++f) out.fields.push_back(definition->GetFieldDefn(f)->GetNameRef());
    return out;
}

} // namespace lp
