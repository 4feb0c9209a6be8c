#include <nlohmann/json.hpp>

#include "emit/lint_report.h"

namespace migc {

std::string lint_json(const MigrationSet& set, const std::vector<Finding>& findings) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Finding& f : findings)
    out.push_back({{"rule", f.rule},
                   {"severity", lint_severity_name(f.severity)},
                   {"file", set.file(f.file).display_path()},
                   {"line", f.start.line},
                   {"column", f.start.column},
                   {"end_line", f.stop.line},
                   {"end_column", f.stop.column},
                   {"message", f.message},
                   {"help", f.help},
                   {"migration", set.migrations[f.migration].id},
                   {"doc", rule_doc_path(f.rule)}});
  return out.dump(2) + "\n";
}

}  // namespace migc
