#include <lp/report/report_style.hpp>

#include <cstdio>
#include <ctime>

namespace lp {

const char* report_stylesheet() {
    return R"CSS(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1b1b1b;max-width:1240px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:28px 0 8px;border-bottom:2px solid #ccc;padding-bottom:4px}
.sub{color:#555;margin:0 0 16px}
.status{padding:10px 14px;border-radius:6px;font-weight:600;margin:12px 0}
.valid{background:#e3f4e1;border:1px solid #5aa55a}.invalid{background:#fbe3e1;border:1px solid #c0392b}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{border:1px solid #ccc;padding:4px 6px;text-align:right;vertical-align:top}
th{background:#f1f1f1}td.text,th.text{text-align:left}td.name{white-space:nowrap}
.swatch{display:inline-block;width:12px;height:12px;border:1px solid #333;margin-right:6px;vertical-align:-1px}
.bar{display:flex;width:160px;height:12px;border:1px solid #999}.bar span{display:block;height:100%}
.key span{display:inline-block;margin-right:12px;font-size:12px}
td.local{background:#e8f3e8}td.hosted{background:#fff3d6}td.wide{background:#e6eefa}td.acute{background:#f6e4f0}
td.missing{background:#f8c9c4;font-weight:600}
td small{color:#444}
.failures li{margin:2px 0}.note{color:#555;font-size:12px}
footer{margin-top:32px;font-size:12px;color:#555}
@page{size:A4 landscape;margin:10mm}
@media print{
body{margin:0;max-width:none;font-size:11px}
h2{break-before:page;font-size:16px}h2:first-of-type{break-before:auto}
h1,h2,h3{break-after:avoid}
table{font-size:8.5px;width:100%}th,td{padding:2px 3px}
table.functions{font-size:7.5px}table.functions td small{font-size:7px}
thead{display:table-header-group}tr{break-inside:avoid}
.bar{width:80px}svg{max-width:100%;max-height:175mm;width:auto;height:auto}
.status{border-width:2px}
}
)CSS";
}

std::string report_footer() {
    // The day the page was made, as a reader writes it ("7 December 2026").
    const std::time_t now = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%-d %B %Y", std::localtime(&now));
    return std::string("<footer>Contains public sector information licensed under the Open Government Licence v3.0. "
                       "Contains OS data &copy; Crown copyright and database right. Made with Locality Planner ") +
           LP_VERSION + " on " + date + ".</footer>\n";
}

std::string source_name(const std::string& path) {
    if (path.rfind("PG:", 0) == 0) return "PostgreSQL database";
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string thousands(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    const std::string digits = buffer;
    std::string out;
    const std::size_t start = digits[0] == '-' ? 1 : 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        out += digits[i];
        const std::size_t left = digits.size() - 1 - i;
        if (i >= start && left > 0 && left % 3 == 0) out += ',';
    }
    return out;
}

} // namespace lp
