// Parse throughput of the ways libpg_query can hand over a parse tree, on real migration files:
//   split     pg_query_split_with_parser: the raw parser, statement boundaries only (the floor)
//   json-text pg_query_parse alone: the JSON text, not yet usable as a tree
//   json      pg_query_parse + nlohmann::json::parse: an untyped tree
//   protobuf  pg_query_parse_protobuf + pg_query__parse_result__unpack: typed C structs
//   migc      migc's own path: split_sql into statements, then protobuf per statement
// Usage: parser_perftest [--runs N] DIR... ; prints statements/s (median of N runs, one thread).
#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "compiler/sql_split.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> load_files(const std::vector<std::string>& dirs) {
  std::vector<std::string> out;
  for (const auto& d : dirs)
    for (const auto& e : fs::recursive_directory_iterator(d)) {
      if (!e.is_regular_file() || e.path().extension() != ".sql") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      // Only files that parse whole: the comparison is about producing trees, not errors.
      PgQueryParseResult r = pg_query_parse(s.str().c_str());
      bool ok = r.error == nullptr;
      pg_query_free_parse_result(r);
      if (ok) out.push_back(s.str());
    }
  return out;
}

double seconds(const std::function<void()>& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 7;
  std::vector<std::string> dirs;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::atoi(argv[++i]);
    else dirs.push_back(argv[i]);
  }
  if (dirs.empty()) {
    std::cerr << "usage: parser_perftest [--runs N] DIR...\n";
    return 2;
  }
  std::vector<std::string> files = load_files(dirs);
  size_t statements = 0, bytes = 0;
  for (const auto& f : files) {
    PgQuerySplitResult r = pg_query_split_with_parser(f.c_str());
    statements += static_cast<size_t>(r.n_stmts);
    bytes += f.size();
    pg_query_free_split_result(r);
  }
  fmt::print("{} files, {} statements, {:.1f} MB; median of {} runs, one thread\n", files.size(), statements,
             bytes / 1e6, runs);

  struct Way {
    const char* name;
    std::function<void(const std::string&)> parse;
  };
  std::vector<Way> ways = {
      {"split", [](const std::string& f) { pg_query_free_split_result(pg_query_split_with_parser(f.c_str())); }},
      {"json-text", [](const std::string& f) { pg_query_free_parse_result(pg_query_parse(f.c_str())); }},
      {"json",
       [](const std::string& f) {
         PgQueryParseResult r = pg_query_parse(f.c_str());
         auto tree = nlohmann::json::parse(r.parse_tree);
         pg_query_free_parse_result(r);
       }},
      {"protobuf",
       [](const std::string& f) {
         PgQueryProtobufParseResult r = pg_query_parse_protobuf(f.c_str());
         auto* tree = pg_query__parse_result__unpack(nullptr, r.parse_tree.len,
                                                     reinterpret_cast<const uint8_t*>(r.parse_tree.data));
         pg_query__parse_result__free_unpacked(tree, nullptr);
         pg_query_free_protobuf_parse_result(r);
       }},
      {"migc",
       [](const std::string& f) {
         for (const auto& s : migc::split_sql(f, 0, 0, static_cast<uint32_t>(f.size()))) {
           std::string sql = f.substr(s.begin, s.end - s.begin);
           PgQueryProtobufParseResult r = pg_query_parse_protobuf(sql.c_str());
           auto* tree = pg_query__parse_result__unpack(nullptr, r.parse_tree.len,
                                                       reinterpret_cast<const uint8_t*>(r.parse_tree.data));
           if (tree) pg_query__parse_result__free_unpacked(tree, nullptr);
           pg_query_free_protobuf_parse_result(r);
         }
       }},
  };
  // Interleave the ways run by run so machine noise hits them alike.
  std::vector<std::vector<double>> times(ways.size());
  for (int r = 0; r < runs; ++r)
    for (size_t w = 0; w < ways.size(); ++w)
      times[w].push_back(seconds([&] {
        for (const auto& f : files) ways[w].parse(f);
      }));
  double floor = 0;
  for (size_t w = 0; w < ways.size(); ++w) {
    std::sort(times[w].begin(), times[w].end());
    double median = times[w][times[w].size() / 2];
    if (w == 0) floor = median;
    fmt::print("{:<10} {:>9.0f} statements/s  {:>7.1f} ms  {:.2f}x the split floor's time\n", ways[w].name,
               statements / median, median * 1e3, median / floor);
  }
}
