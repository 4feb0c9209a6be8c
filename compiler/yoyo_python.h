// yoyo Python migrations read without running them (formats.md §1.4): a Python tokenizer and
// the static subset of module statements migc accepts — imports of yoyo, __depends__,
// __transactional__, and step()/group() calls whose SQL is string literals. Anything dynamic is
// an error at its line:col.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "compiler/loader.h"
#include "compiler/text_ranges.h"

namespace migc {

struct YoyoPython {
  std::string description;             // the module docstring
  std::vector<DependencyRef> depends;  // __depends__, each id where it is written in the .py file
  bool transactional = true;           // __transactional__
  // A derived file holding the decoded SQL strings; its map sends every byte back to the .py
  // source, so a SQL error inside a string points at the right line of the .py file.
  uint32_t sql_file = 0;
  std::vector<TextRange> apply;     // ranges of sql_file: the apply strings, in step order
  std::vector<TextRange> rollback;  // the rollback strings, in the order yoyo runs them on rollback
};

// Reads the .py file `file` of the set; throws CompileError on anything outside the subset.
YoyoPython read_yoyo_python(LoadContext& ctx, uint32_t file);

}  // namespace migc
