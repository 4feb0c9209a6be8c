// For tests: compile() on a folder written by the test.
#pragma once
#include <filesystem>

#include "analyzer/compile.h"

namespace migc::test {

inline Compilation compile_dir(const std::filesystem::path& root, Format format) {
  CompileOptions options;
  options.load.root = root;
  options.load.format = format;
  return compile(options);
}

}  // namespace migc::test
