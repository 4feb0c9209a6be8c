// migc lint's reporters: the same findings as text for people, JSON, SARIF 2.1.0 for code
// scanning, and GitHub workflow annotations. Lines and columns are 1-based; an end column points
// just past the span.
#pragma once
#include <string>
#include <vector>

#include "analyzer/lint.h"

namespace migc {

struct LintSummary {
  size_t linted_migrations = 0;
};

// file:line:col: severity[rule]: message, the source line with carets under the span, the help
// and where the rule's page is. `color`: ANSI colours (only for a terminal, never with NO_COLOR).
std::string lint_text(const MigrationSet& set, const std::vector<Finding>& findings, const LintSummary& summary,
                      bool color);
// An array of {rule, severity, file, line, column, end_line, end_column, message, help, migration, doc}.
std::string lint_json(const MigrationSet& set, const std::vector<Finding>& findings);
// One SARIF 2.1.0 run: the rules as reportingDescriptors, each finding as a result.
std::string lint_sarif(const MigrationSet& set, const std::vector<Finding>& findings);
// One `::error file=…,line=…::message` line per finding.
std::string lint_github(const MigrationSet& set, const std::vector<Finding>& findings);

// "docs/rules/<id>.md": where a rule's page is in the source tree (`migc explain ID` prints it).
std::string rule_doc_path(std::string_view rule);

}  // namespace migc
