// unused-ignore: a suppression comment that names an unknown rule or suppresses nothing. The
// engine reports it (analyzer/lint.cc) once every other rule has run.
#include "analyzer/rules/rule.h"

namespace migc::rules {

Rule unused_ignore() {
  return {.id = kUnusedIgnoreRule,
          .severity = LintSeverity::Warning,
          .summary = "a migc:ignore comment that names an unknown rule or suppresses nothing",
          .check = nullptr};
}

}  // namespace migc::rules
