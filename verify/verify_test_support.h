// Helpers for the verify tests: compile a folder of migrations written by the test, and start
// a real local PostgreSQL (the tests skip, saying so, only when PostgreSQL is not installed).
#pragma once
#include <map>
#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "analyzer/compile.h"
#include "tests/test_support.h"
#include "verify/local_server.h"

namespace migc::test {

// Writes `files` (path → SQL) into `dir` and compiles them in `format`.
inline Compilation compile_files(const TempDir& dir, Format format, const std::map<std::string, std::string>& files) {
  for (const auto& [path, text] : files) dir.write(path, text);
  CompileOptions options;
  options.load.root = dir.path();
  options.load.display_root = std::string("m");  // a literal trips GCC 12 -Wrestrict
  options.load.format = format;
  return compile(options);
}

// A ready local server, or nullptr (with a warning) when no PostgreSQL server is installed.
inline std::unique_ptr<LocalServer> start_local_server() {
  try {
    find_pg_install();
  } catch (const std::exception& e) {
    WARN("PostgreSQL is not installed (" << e.what() << "): test skipped");
    return nullptr;
  }
  auto server = std::make_unique<LocalServer>(LocalServerOptions{});
  server->wait_ready();
  return server;
}

}  // namespace migc::test
