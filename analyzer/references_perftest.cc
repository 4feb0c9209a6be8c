// Throughput of collect_reads() on real migrations: every top-level statement of each project is
// walked against the catalog that replaying the whole project builds (built first, not timed).
// Each DIR is one project; its .sql files are replayed in path order, files that do not parse
// whole are left out.
// Usage: references_perftest [--runs N] DIR... ; prints statements/s (median of N runs, one thread).
#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "analyzer/replay.h"

namespace fs = std::filesystem;

namespace {

using Tree = std::shared_ptr<PgQuery__ParseResult>;

struct Project {
  migc::Catalog catalog;
  std::vector<Tree> files;  // in replay order
  size_t statements = 0;
};

std::optional<Tree> parse(const std::string& sql) {
  PgQueryProtobufParseResult r = pg_query_parse_protobuf(sql.c_str());
  std::optional<Tree> tree;
  if (!r.error)
    tree = Tree(pg_query__parse_result__unpack(nullptr, r.parse_tree.len,
                                               reinterpret_cast<const uint8_t*>(r.parse_tree.data)),
                [](PgQuery__ParseResult* p) { pg_query__parse_result__free_unpacked(p, nullptr); });
  pg_query_free_protobuf_parse_result(r);
  return tree;
}

Project load_project(const std::string& dir) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".sql") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  Project project;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (auto tree = parse(text.str())) {
      project.statements += (*tree)->n_stmts;
      project.files.push_back(std::move(*tree));
    }
  }
  // The catalog the statements are read against: the whole project replayed once.
  migc::Session session;
  std::vector<bool> applied(project.files.size(), false);
  for (uint32_t m = 0; m < project.files.size(); ++m)
    for (size_t s = 0; s < project.files[m]->n_stmts; ++s) {
      migc::StatementAnalysis out;
      migc::ReplayContext ctx{project.catalog, session, out, m, 150000, true, &applied};
      migc::replay_statement(project.files[m]->stmts[s]->stmt, ctx);
    }
  return project;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 7;
  std::vector<std::string> dirs;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::atoi(argv[++i]);
    else dirs.push_back(argv[i]);
  }
  bool folders = std::all_of(dirs.begin(), dirs.end(), [](const std::string& d) { return fs::is_directory(d); });
  if (dirs.empty() || runs < 1 || !folders) {
    fmt::print(stderr, "usage: references_perftest [--runs N] DIR...\n");
    return 2;
  }
  std::vector<Project> projects;
  size_t files = 0, statements = 0, relations = 0;
  for (const auto& d : dirs) {
    projects.push_back(load_project(d));
    files += projects.back().files.size();
    statements += projects.back().statements;
    relations += projects.back().catalog.relations.size();
  }
  fmt::print("{} projects, {} files, {} statements, {} relations in their catalogs; median of {} runs, one thread\n",
             projects.size(), files, statements, relations, runs);

  // Every statement of every project read once against its catalog, counting references by kind
  // when asked.
  auto read_all = [&](std::map<migc::ObjectKind, size_t>* found) {
    for (auto& project : projects) {
      migc::Session session;
      for (const Tree& tree : project.files)
        for (size_t s = 0; s < tree->n_stmts; ++s) {
          migc::StatementAnalysis out;
          migc::ReplayContext ctx{project.catalog, session, out};
          migc::collect_reads(tree->stmts[s]->stmt, ctx);
          if (found)
            for (const auto& ref : out.references) ++(*found)[ref.object.kind];
        }
    }
  };
  std::vector<double> times;
  for (int r = 0; r < runs; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    read_all(nullptr);
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(times.begin(), times.end());
  double median = times[times.size() / 2];
  fmt::print("collect_reads {:>9.0f} statements/s  {:>7.1f} ms\n", statements / median, median * 1e3);
  std::map<migc::ObjectKind, size_t> found;
  read_all(&found);
  fmt::print("references recorded (before de-duplication):");
  for (auto [kind, n] : found) fmt::print(" {} {}", migc::object_kind_name(kind), n);
  fmt::print("\n");
}
