#pragma once
// How a locality is named in a message: "L1 (North East)", or the id alone when it has no
// name of its own. One rule, so the viewer lists a plan's problems in check's words.
#include <string>

namespace lp {

inline std::string locality_label(const std::string& id, const std::string& name) {
    return name.empty() || name == id ? id : id + " (" + name + ")";
}

} // namespace lp
