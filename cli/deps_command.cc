#include <iostream>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "analyzer/dependency_fix.h"
#include "cli/command.h"
#include "emit/atomic_write.h"
#include "emit/dependency_headers.h"
#include "emit/deps_report.h"
#include "emit/unified_diff.h"

namespace migc {

namespace {

// --fix: the headers every migration should carry, as a diff on stdout; --write also writes
// them. Exit 1 when --fix alone finds something to change, like a check.
int fix_dependency_headers(const Compilation& c, bool write) {
  const MigrationSet& set = c.set;
  if (!order_from_graph(set.format))
    usage_error(fmt::format("--fix: {} orders migrations by their versions, not by declared dependencies: "
                            "there are no dependency headers to fix",
                            format_name(set.format)));
  std::map<std::string, std::string> rewritten;  // path under the root → new text
  std::string diff;
  for (const DependencyFix& fix : plan_dependency_fixes(set, c.plan)) {
    const SourceFile& file = set.file(set.migrations[fix.migration].files.front());
    std::string text = with_yoyo_depends(file.path(), file.original(), fix.wanted);
    diff += unified_diff(file.path(), file.original(), text);
    rewritten.emplace(file.path(), std::move(text));
  }
  std::cout << diff;
  if (rewritten.empty()) {
    std::cerr << "migc: every migration already declares what it needs\n";
    return 0;
  }
  if (!write) {
    std::cerr << fmt::format("migc: {} file(s) would change; run with --write to change them\n", rewritten.size());
    return 1;
  }
  write_files_atomically(set.root, rewritten);
  std::cerr << fmt::format("migc: wrote {} file(s)\n", rewritten.size());
  return 0;
}

}  // namespace

Command add_deps_command(CLI::App& parent) {
  struct DepsFlags {
    CommonFlags common;
    std::string format = "text";
    bool fix = false;
    bool write = false;
  };
  auto f = std::make_shared<DepsFlags>();
  CLI::App* cmd = parent.add_subcommand(
      "deps", "report undeclared, missing, duplicate, order-dependent and redundant dependencies");
  add_common_flags(cmd, f->common);
  cmd->add_option("--format", f->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  CLI::Option* fix = cmd->add_flag("--fix", f->fix,
                "show, as a diff, the dependency headers to add and remove (yoyo `-- depends:`, `__depends__`)");
  cmd->add_flag("--write", f->write, "with --fix: write those headers into the migration files")->needs(fix);
  return {cmd, [f](const Config& cfg) {
            if (f->write && !f->fix) throw std::runtime_error("--write needs --fix");
            CompileOptions options = compile_options(f->common, cfg);
            options.parse.down = false;  // only the up parts build the schema
            Compilation c = compile(options);
            print_warnings(c.set);
            if (f->fix) return fix_dependency_headers(c, f->write);
            std::cout << (f->format == "json" ? deps_report_json(c) : deps_report_text(c));
            return deps_have_ordering_findings(c) ? 1 : 0;
          }};
}

}  // namespace migc
