// Helpers for tests: a temporary directory that is removed afterwards, and running the migc
// binary as a user would.
#pragma once
#include <filesystem>
#include <string>

namespace migc::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `content` to path()/relpath, creating folders.
  void write(const std::string& relpath, const std::string& content) const;
  std::string read(const std::string& relpath) const;

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// The whole file (empty when it cannot be read).
std::string read_file(const std::filesystem::path& path);

// Runs a shell command and captures its output.
RunResult run_shell(const std::string& command);

// Runs `migc <args>` (a shell-quoted argument string) in `cwd`.
RunResult run_migc(const std::string& args, const std::filesystem::path& cwd = std::filesystem::current_path());

std::filesystem::path source_dir();        // the project checkout
std::filesystem::path corpus_dir();        // ../shared/corpus beside the checkout (may be absent)

}  // namespace migc::test
