#pragma once
// The data a plan was made from, recorded in LocalityPlan::sources so that
// `boundaries check/report --plan FILE` reloads the same zones, demand, points and
// crossings with no other options.
//
// Roles (keys of LocalityPlan::sources):
//   zones, layer, id_field, name_field, filter_field, crs, crossings, functions,
//   snap (metres), adjacency ("rook" or "queen"),
//   filter.1, filter.2, ...   filter values, in order
//   demand.1, demand.2, ...   demand tables, in order
//   points.1, points.2, ...   service point layers, in order
//   settlements               a --settlements spec (the report names main towns by it)
//   building_blocks           a --building-blocks spec FILE[:LAYER]:FIELD the partitioner kept
// Paths are written absolute. A relative path (a plan edited by hand or moved
// together with its data) is resolved against the folder of the plan file.
#include <lp/data/dataset.hpp>
#include <lp/plan/locality_plan.hpp>

#include <string>

namespace lp {

// Replaces plan.sources with what `options` (and the catalogue path, empty for the
// shipped default) says.
void record_sources(LocalityPlan& plan, const DatasetOptions& options, const std::string& catalogue_path = "");

// Throws lp::Error(bad_plan) naming the plan file when it records no zones or id
// field, or a snap distance that is not a number, and naming the plan file and the key
// when a recorded path is not a local file: a plan records local files only, so a GDAL
// virtual path (/vsicurl/..., any /vsi*/), a URL (http://...) or a connection string
// (PG:..., WFS:...) is refused before anything opens it.
DatasetOptions dataset_options_from_plan(const LocalityPlan& plan, const std::string& plan_path);

// The catalogue the plan names, resolved and checked like the other paths, or the shipped default.
std::string catalogue_path_from_plan(const LocalityPlan& plan, const std::string& plan_path);

// The path the plan records under role ("rebase_impact"...), resolved against the plan's
// folder and refused like the data paths when it is not a local file; "" when not recorded.
std::string recorded_local_path(const LocalityPlan& plan, const std::string& role, const std::string& plan_path);

// Records a --building-blocks spec (FILE[:LAYER]:FIELD, its file made absolute) under
// "building_blocks"; "" records none.
void record_building_blocks(LocalityPlan& plan, const std::string& spec);

// The recorded building-blocks spec with its file resolved against the plan's folder and
// refused like the data paths when it is not a local file; "" when none is recorded.
std::string building_blocks_from_plan(const LocalityPlan& plan, const std::string& plan_path);

} // namespace lp
