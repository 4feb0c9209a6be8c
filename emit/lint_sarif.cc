#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "emit/lint_report.h"

namespace migc {

namespace {

using ordered_json = nlohmann::ordered_json;

std::string_view sarif_level(LintSeverity s) {
  switch (s) {
    case LintSeverity::Error: return "error";
    case LintSeverity::Warning: return "warning";
    case LintSeverity::Info: return "note";
  }
  return "warning";
}

// A relative path as a URI reference: '/'-separated, bytes outside the unreserved set and '/'
// percent-encoded.
std::string uri_of(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// SARIF columns count code points (columnKind); migc's count bytes.
uint32_t code_point_column(const SourceFile& file, LineCol at) {
  std::string_view line = file.original_line(at.line);
  uint32_t column = 1;
  for (uint32_t i = 0; i + 1 < at.column && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  return column + (at.column - 1 > line.size() ? at.column - 1 - static_cast<uint32_t>(line.size()) : 0);
}

ordered_json rule_descriptor(const Rule& r) {
  std::string help = fmt::format("{}: `migc explain {}` prints what it flags, why, its lock and the safe recipe ({})",
                                 r.summary, r.id, rule_doc_path(r.id));
  return {{"id", r.id},
          {"shortDescription", {{"text", r.summary}}},
          {"help", {{"text", help}}},
          {"defaultConfiguration", {{"level", sarif_level(r.severity)}, {"enabled", !r.opt_in}}}};
}

}  // namespace

std::string lint_sarif(const MigrationSet& set, const std::vector<Finding>& findings) {
  // The rules that have results, in registry order.
  ordered_json rules = ordered_json::array();
  std::map<std::string, size_t> index;
  for (const Rule& r : all_rules()) {
    bool used = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == r.id; });
    if (!used) continue;
    index[std::string(r.id)] = rules.size();
    rules.push_back(rule_descriptor(r));
  }
  ordered_json results = ordered_json::array();
  for (const Finding& f : findings) {
    const SourceFile& file = set.file(f.file);
    ordered_json region = {{"startLine", f.start.line},
                           {"startColumn", code_point_column(file, f.start)},
                           {"endLine", f.stop.line},
                           {"endColumn", code_point_column(file, f.stop)}};
    ordered_json location = {
        {"physicalLocation",
         {{"artifactLocation", {{"uri", uri_of(file.display_path())}}}, {"region", region}}}};
    std::string text = f.message + (f.help.empty() ? "" : "\nhelp: " + f.help);
    results.push_back({{"ruleId", f.rule},
                       {"ruleIndex", index.at(f.rule)},
                       {"level", sarif_level(f.severity)},
                       {"message", {{"text", text}}},
                       {"locations", ordered_json::array({location})}});
  }
  ordered_json driver = {{"name", "migc"}, {"version", MIGC_VERSION}, {"rules", rules}};
  ordered_json run = {{"tool", {{"driver", driver}}}, {"columnKind", "unicodeCodePoints"}, {"results", results}};
  ordered_json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", ordered_json::array({run})}};
  return log.dump(2) + "\n";
}

}  // namespace migc
