// Golden test of one case folder tests/golden/<case>/:
//   input/      the migrations directory
//   args        optional extra `migc build` flags, one per line
//   expected/   deploy.sql, rollback.sql, plan.json, graph.mmd, graph.dot; stderr.txt when
//               migc prints anything; exit_code when it is not 0 (then no artifact may appear)
//   command     optional: another migc command than build, its words one per line (e.g. lint,
//               --dir, input); then expected/ holds what it prints, stdout.txt, with stderr.txt
//               and exit_code as above
// Compares byte for byte, checks that a copy of the input elsewhere (other path, other mtimes)
// compiles to identical bytes, and that `migc build --check` accepts the expected folder.
// UPDATE_GOLDEN=1 rewrites expected/ instead of comparing.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Run {
  int exit_code;
  std::string err;
  std::map<std::string, std::string> files;  // artifacts, plus stderr.txt / exit_code
};

Run run_build(const fs::path& migc, const fs::path& cwd, const std::string& args, const fs::path& out) {
  fs::path err = out.parent_path() / (out.filename().string() + ".stderr");
  std::string cmd = "cd " + quote(cwd.string()) + " && " + quote(migc.string()) + " build input -o " +
                    quote(out.string()) + args + " >/dev/null 2>" + quote(err.string()) + " </dev/null";
  int status = std::system(cmd.c_str());
  Run r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(err), {}};
  if (fs::is_directory(out))
    for (const auto& e : fs::directory_iterator(out)) r.files[e.path().filename().string()] = slurp(e.path());
  if (!r.err.empty()) r.files["stderr.txt"] = r.err;
  if (r.exit_code != 0) r.files["exit_code"] = std::to_string(r.exit_code) + "\n";
  return r;
}

// `migc <command> <args>` run in `cwd`: what it prints is the result.
Run run_command(const fs::path& migc, const fs::path& cwd, const std::string& command, const std::string& args,
                const fs::path& tmp) {
  fs::path out = tmp / "stdout", err = tmp / "stderr";
  std::string cmd = "cd " + quote(cwd.string()) + " && NO_COLOR=1 " + quote(migc.string()) + command + args + " >" +
                    quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null";
  int status = std::system(cmd.c_str());
  Run r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(err), {}};
  r.files["stdout.txt"] = slurp(out);
  if (!r.err.empty()) r.files["stderr.txt"] = r.err;
  if (r.exit_code != 0) r.files["exit_code"] = std::to_string(r.exit_code) + "\n";
  return r;
}

std::string words(const fs::path& file) {
  std::string out;
  std::istringstream in(slurp(file));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out += " " + quote(line);
  return out;
}

std::string first_difference(const std::string& a, const std::string& b) {
  size_t line = 1, i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) line += a[i++] == '\n';
  auto line_at = [](const std::string& s, size_t pos) {
    size_t begin = s.rfind('\n', pos == 0 ? 0 : pos - 1);
    begin = begin == std::string::npos ? 0 : begin + 1;
    return s.substr(begin, s.find('\n', begin) - begin);
  };
  return "line " + std::to_string(line) + ":\n    expected: " + line_at(a, i) + "\n    actual:   " + line_at(b, i);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: golden_runner MIGC CASE_DIR\n";
    return 2;
  }
  fs::path migc = fs::absolute(argv[1]), dir = fs::absolute(argv[2]);
  std::string args = words(dir / "args");
  std::string command = fs::exists(dir / "command") ? words(dir / "command") : "";
  fs::path tmp = fs::temp_directory_path() / ("migc-golden-" + std::to_string(std::random_device{}()));
  fs::create_directories(tmp);
  int failures = 0;
  auto fail = [&](const std::string& message) {
    std::cerr << dir.filename().string() << ": " << message << "\n";
    ++failures;
  };

  auto run_case = [&](const fs::path& cwd, const std::string& name) {
    fs::create_directories(tmp / name);
    return command.empty() ? run_build(migc, cwd, args, tmp / name / "out") : run_command(migc, cwd, command, args, tmp / name);
  };
  Run run = run_case(dir, "first");
  if (run.exit_code != 0 && command.empty())
    for (const auto& [name, _] : run.files)
      if (name != "stderr.txt" && name != "exit_code") fail("migc failed but left an artifact behind: " + name);

  // The same input at another path, with other modification times, gives the same bytes.
  fs::create_directories(tmp / "copy");
  fs::copy(dir / "input", tmp / "copy" / "input", fs::copy_options::recursive);
  for (const auto& e : fs::recursive_directory_iterator(tmp / "copy"))
    fs::last_write_time(e.path(), fs::file_time_type::clock::now() - std::chrono::hours(24 * 400));
  if (fs::exists(dir / "args")) fs::copy(dir / "args", tmp / "copy" / "args");
  Run again = run_case(tmp / "copy", "second");
  if (again.files != run.files) fail("a copy of the input elsewhere compiled to different output");

  fs::path expected = dir / "expected";
  if (std::getenv("UPDATE_GOLDEN")) {
    fs::remove_all(expected);
    for (const auto& [name, content] : run.files) spit(expected / name, content);
    std::cout << dir.filename().string() << ": expected/ rewritten (" << run.files.size() << " files)\n";
  } else {
    std::map<std::string, std::string> want;
    if (fs::is_directory(expected))
      for (const auto& e : fs::directory_iterator(expected)) want[e.path().filename().string()] = slurp(e.path());
    for (const auto& [name, content] : want) {
      auto it = run.files.find(name);
      if (it == run.files.end()) fail(name + ": expected but not produced");
      else if (it->second != content) fail(name + ": differs at " + first_difference(content, it->second));
    }
    for (const auto& [name, _] : run.files)
      if (!want.count(name)) fail(name + ": produced but not in expected/ (run with UPDATE_GOLDEN=1)");
    if (run.exit_code == 0 && failures == 0 && command.empty()) {
      std::string cmd = "cd " + quote(dir.string()) + " && " + quote(migc.string()) + " build input -o expected --check" +
                        args + " >/dev/null 2>&1";
      int status = std::system(cmd.c_str());
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail("`migc build --check` does not accept expected/");
    }
  }
  fs::remove_all(tmp);
  if (failures == 0) std::cout << dir.filename().string() << ": ok\n";
  return failures == 0 ? 0 : 1;
}
