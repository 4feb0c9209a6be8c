#include "compiler/diagnostic.h"

#include <fmt/format.h>

namespace migc {

Diagnostic diagnostic_at_original(Severity severity, const SourceFile& file, uint32_t original_offset,
                                  std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.file = file.display_path();
  d.at = file.original_position(original_offset);
  d.message = std::move(message);
  d.source_line = std::string(file.original_line(d.at.line));
  return d;
}

Diagnostic diagnostic_at(Severity severity, const SourceFile& file, uint32_t expanded_offset, std::string message) {
  return diagnostic_at_original(severity, file, file.original_offset(expanded_offset), std::move(message));
}

Diagnostic diagnostic_in(Severity severity, std::string file, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.file = std::move(file);
  d.message = std::move(message);
  return d;
}

static const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

static std::string location(const Diagnostic& d) {
  if (d.file.empty()) return "migc";
  if (d.at.line == 0) return d.file;
  return fmt::format("{}:{}:{}", d.file, d.at.line, d.at.column);
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = fmt::format("{}: {}: {}\n", location(d), severity_name(d.severity), d.message);
  if (d.at.line != 0 && !d.source_line.empty()) {
    std::string gutter = fmt::format("{:>5}", d.at.line);
    // A very long line is shown around the column, cut at byte boundaries marked with "…".
    constexpr size_t kContext = 60;
    std::string_view line = d.source_line;
    size_t column = d.at.column > 0 ? d.at.column - 1 : 0;
    std::string prefix, suffix;
    if (line.size() > 2 * kContext && column > kContext) {
      line.remove_prefix(column - kContext);
      column = kContext;
      prefix = "…";
    }
    if (line.size() > 2 * kContext) {
      line = line.substr(0, 2 * kContext);
      suffix = "…";
    }
    out += fmt::format("{} | {}{}{}\n", gutter, prefix, line, suffix);
    // Keep tabs so the caret lines up under the same column in a terminal.
    std::string pad(prefix.empty() ? 0 : 1, ' ');
    for (size_t i = 0; i < column && i < line.size(); ++i) pad += line[i] == '\t' ? '\t' : ' ';
    out += fmt::format("{} | {}^\n", std::string(gutter.size(), ' '), pad);
  }
  for (const auto& h : d.hints) out += fmt::format("  hint: {}\n", h);
  for (const auto& n : d.notes) out += format_diagnostic(n);
  return out;
}

static std::string first_message(const std::vector<Diagnostic>& ds) {
  return ds.empty() ? std::string("error") : ds.front().message;
}

CompileError::CompileError(Diagnostic d) : CompileError(std::vector<Diagnostic>{std::move(d)}) {}
CompileError::CompileError(std::vector<Diagnostic> ds)
    : std::runtime_error(first_message(ds)), diagnostics_(std::move(ds)) {}

}  // namespace migc
