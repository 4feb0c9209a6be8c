#include "tests/test_support.h"

#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace migc::test {

TempDir::TempDir() {
  std::random_device rd;
  for (;;) {
    path_ = fs::temp_directory_path() / ("migc-test-" + std::to_string(rd()));
    if (fs::create_directory(path_)) break;
  }
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void TempDir::write(const std::string& relpath, const std::string& content) const {
  fs::path p = path_ / relpath;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

std::string TempDir::read(const std::string& relpath) const { return read_file(path_ / relpath); }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

RunResult run_shell(const std::string& command) {
  TempDir capture;
  fs::path out = capture.path() / "out", err = capture.path() / "err";
  int status = std::system(("(" + command + ") >'" + out.string() + "' 2>'" + err.string() + "' </dev/null").c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out), read_file(err)};
}

RunResult run_migc(const std::string& args, const fs::path& cwd) {
  return run_shell("cd '" + cwd.string() + "' && '" MIGC_BINARY "' " + args);
}

fs::path source_dir() { return MIGC_SOURCE_DIR; }
fs::path corpus_dir() { return fs::path(MIGC_SOURCE_DIR).parent_path() / "shared" / "corpus"; }

}  // namespace migc::test
