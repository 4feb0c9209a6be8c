#include <fmt/format.h>

#include "emit/lint_report.h"

namespace migc {

namespace {

// Workflow command escaping: data escapes %, CR and LF; property values also ':' and ','.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string_view command(LintSeverity s) {
  switch (s) {
    case LintSeverity::Error: return "error";
    case LintSeverity::Warning: return "warning";
    case LintSeverity::Info: return "notice";
  }
  return "warning";
}

}  // namespace

std::string lint_github(const MigrationSet& set, const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    std::string text = f.message + (f.help.empty() ? "" : "\nhelp: " + f.help);
    out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", command(f.severity),
                       escape(set.file(f.file).display_path(), true), f.start.line, f.start.column, f.stop.line,
                       f.stop.column, escape(f.rule, true), escape(text, false));
  }
  return out;
}

}  // namespace migc
