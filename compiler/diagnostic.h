// Errors and warnings with a place in a source file, printed compiler-style:
//   file:line:col: error: message
//      12 | the source line
//         |     ^
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/source_file.h"

namespace migc {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;      // display path; empty when the problem has no file
  LineCol at;            // {0,0} when the problem has no position
  std::string message;
  std::string source_line;  // the line at `at`, shown with a caret
  std::vector<std::string> hints;
  std::vector<Diagnostic> notes;  // related places (e.g. every edge of a cycle)
};

Diagnostic diagnostic_at(Severity severity, const SourceFile& file, uint32_t expanded_offset, std::string message);
Diagnostic diagnostic_at_original(Severity severity, const SourceFile& file, uint32_t original_offset, std::string message);
Diagnostic diagnostic_in(Severity severity, std::string file, std::string message);  // whole file / no place

std::string format_diagnostic(const Diagnostic& d);

// Bad input: the command stops, prints every diagnostic and exits 2.
class CompileError : public std::runtime_error {
 public:
  explicit CompileError(Diagnostic d);
  explicit CompileError(std::vector<Diagnostic> ds);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace migc
