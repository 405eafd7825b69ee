// Plan files (docs/plan-format.md): any bytes are read as a plan or refused with a named
// lp::Error; a plan that was read writes, reads back and writes the same bytes again.
#include "fuzz_support.hpp"

#include <lp/plan/plan_file.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    lp::LocalityPlan plan;
    try {
        plan = lp::plan_from_json_text(text, "fuzz.plan.json");
    } catch (const lp::Error&) {
        return 0;
    }
    const std::string written = lp::plan_to_json_text(plan);
    std::string rewritten;
    try {
        rewritten = lp::plan_to_json_text(lp::plan_from_json_text(written, "written.plan.json"));
    } catch (const lp::Error& e) {
        lp::fuzz::broken(std::string("a plan the writer wrote is refused on reading: ") + e.what());
    }
    if (rewritten != written) lp::fuzz::broken("write(read(write(plan))) differs from write(plan)");
    return 0;
}
