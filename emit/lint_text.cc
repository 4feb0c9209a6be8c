#include <fmt/format.h>

#include "emit/lint_report.h"

namespace migc {

namespace {

struct Style {
  bool on;
  std::string operator()(std::string_view code, std::string_view text) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
};

std::string_view severity_colour(LintSeverity s) {
  switch (s) {
    case LintSeverity::Error: return "1;31";
    case LintSeverity::Warning: return "1;33";
    case LintSeverity::Info: return "1;36";
  }
  return "1";
}

// The first line of the span with carets under it (to its end on that line).
std::string code_frame(const SourceFile& file, const Finding& f, const Style& style) {
  std::string_view line = file.original_line(f.start.line);
  uint32_t from = f.start.column - 1;
  uint32_t to = f.stop.line == f.start.line ? f.stop.column - 1 : static_cast<uint32_t>(line.size());
  if (to <= from) to = from + 1;
  std::string number = std::to_string(f.start.line);
  std::string pad(number.size(), ' ');
  std::string marks;  // tabs kept, so the carets line up under the text
  for (uint32_t i = 0; i < from; ++i) marks += i < line.size() && line[i] == '\t' ? '\t' : ' ';
  marks += std::string(to - from, '^');
  if (f.stop.line > f.start.line) marks += " …";
  return fmt::format("{} {} {}\n{} {} {}\n", style("1;34", number), style("1;34", "|"), line, pad,
                     style("1;34", "|"), style(severity_colour(f.severity), marks));
}

}  // namespace

std::string rule_doc_path(std::string_view rule) { return fmt::format("docs/rules/{}.md", rule); }

std::string lint_text(const MigrationSet& set, const std::vector<Finding>& findings, const LintSummary& summary,
                      bool color) {
  Style style{color};
  std::string out;
  size_t counts[3] = {0, 0, 0};
  for (const Finding& f : findings) {
    const SourceFile& file = set.file(f.file);
    ++counts[static_cast<int>(f.severity)];
    out += fmt::format("{}:{}:{}: {}{}: {}\n", file.display_path(), f.start.line, f.start.column,
                       style(severity_colour(f.severity), lint_severity_name(f.severity)),
                       style("2", fmt::format("[{}]", f.rule)), style("1", f.message));
    out += code_frame(file, f, style);
    std::string pad(std::to_string(f.start.line).size(), ' ');
    if (!f.help.empty()) out += fmt::format("{} = {} {}\n", pad, style("1", "help:"), f.help);
    out += fmt::format("{} = {} `migc explain {}` ({})\n\n", pad, style("1", "docs:"), f.rule, rule_doc_path(f.rule));
  }
  auto plural = [](size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
  out += fmt::format("{} in {}: {}, {}, {} info\n", plural(findings.size(), "finding"),
                     plural(summary.linted_migrations, "migration"), plural(counts[2], "error"),
                     plural(counts[1], "warning"), counts[0]);
  return out;
}

}  // namespace migc
