// What the analyzer adds to compiling a project: the front end alone (load, parse, plan)
// against the whole compile() (the same plus replay, dependency inference and re-planning),
// measured alternately in one process. Emitters are left out of both, so the share printed is
// an upper bound of what the analyzer adds to `migc build`.
// Usage: compile_perftest [--runs N] [--dir-format NAME] [--placeholder K=V]... DIR
#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analyzer/compile.h"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <class F>
double milliseconds(F f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 11;
  migc::CompileOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) runs = std::stoi(argv[++i]);
    else if (arg == "--dir-format" && i + 1 < argc) options.load.format = migc::format_from_name(argv[++i]);
    else if (arg == "--placeholder" && i + 1 < argc) {
      std::string kv = argv[++i];
      options.load.placeholders[kv.substr(0, kv.find('='))] = kv.substr(kv.find('=') + 1);
    } else options.load.root = arg;
  }
  if (options.load.root.empty()) {
    fmt::print(stderr, "usage: compile_perftest [--runs N] [--dir-format NAME] [--placeholder K=V]... DIR\n");
    return 2;
  }
  options.load.display_root = options.load.root.string();
  options.parse.down = false;  // as `migc build --no-rollback`: the analyzer reads up parts only
  std::vector<double> front, whole;
  size_t statements = 0;
  for (int r = 0; r < runs; ++r) {
    front.push_back(milliseconds([&] {
      migc::MigrationSet set = migc::load_migrations(options.load);
      migc::ParsedSet parsed = migc::parse_set(set, options.parse);
      migc::plan_migrations(set, options.plan);
      statements = 0;
      for (const auto& m : parsed.migrations) statements += m.up.size();
    }));
    whole.push_back(milliseconds([&] { migc::compile(options); }));
  }
  double f = median(front), w = median(whole);
  fmt::print("{}: {} statements; load+parse+plan {:.1f} ms, compile() with the analyzer {:.1f} ms: "
             "the analyzer adds {:.0f}% (median of {} alternating runs)\n",
             options.load.root.filename().string(), statements, f, w, 100 * (w - f) / f, runs);
}
