#pragma once
// Escaping text for HTML element content and attribute values.
#include <string>

namespace lp {

std::string html_escape(const std::string& text);

} // namespace lp
