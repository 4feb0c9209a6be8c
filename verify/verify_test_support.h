// Helpers for the verify tests: compile a folder of migrations written by the test, start a
// real local PostgreSQL (the tests skip, saying so, only when PostgreSQL is not installed), and
// watch for what a server leaves behind.
#pragma once
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>

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

// True when PostgreSQL's server binaries are installed; else false, with a warning that the
// test is skipped.
inline bool postgres_installed() {
  try {
    find_pg_install();
    return true;
  } catch (const std::exception& e) {
    WARN("PostgreSQL is not installed (" << e.what() << "): test skipped");
    return false;
  }
}

// A ready local server, or nullptr (with a warning) when no PostgreSQL server is installed.
inline std::unique_ptr<LocalServer> start_local_server() {
  if (!postgres_installed()) return nullptr;
  auto server = std::make_unique<LocalServer>(LocalServerOptions{});
  server->wait_ready();
  return server;
}

// A path quoted for the shell run_migc() and run_shell() use.
inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// True when some process's command line mentions `text` (a run directory).
inline bool process_mentions(const std::string& text) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    std::string cmdline = read_file(entry.path() / "cmdline");
    for (char& c : cmdline)
      if (c == '\0') c = ' ';
    if (cmdline.find(text) != std::string::npos) return true;
  }
  return false;
}

// Waits up to `seconds` for `done()`.
template <class F>
bool eventually(F done, int seconds = 20) {
  for (int i = 0; i < seconds * 50; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

}  // namespace migc::test
