#include <fmt/format.h>

#include "emit/json_text.h"
#include "emit/lint_report.h"

namespace migc {

std::string lint_json(const MigrationSet& set, const std::vector<Finding>& findings) {
  if (findings.empty()) return "[]\n";
  std::string out = "[\n";
  auto text = [&](const char* key, std::string_view value, bool last = false) {
    out += "    \"";
    out += key;
    out += "\": ";
    append_json_string(out, value);
    out += last ? "\n" : ",\n";
  };
  auto number = [&](const char* key, uint32_t value) { out += fmt::format("    \"{}\": {},\n", key, value); };
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    out += "  {\n";
    text("rule", f.rule);
    text("severity", lint_severity_name(f.severity));
    text("file", set.file(f.file).display_path());
    number("line", f.start.line);
    number("column", f.start.column);
    number("end_line", f.stop.line);
    number("end_column", f.stop.column);
    text("message", f.message);
    text("help", f.help);
    text("migration", set.migrations[f.migration].id);
    text("doc", rule_doc_path(f.rule), true);
    out += i + 1 < findings.size() ? "  },\n" : "  }\n";
  }
  return out + "]\n";
}

}  // namespace migc
