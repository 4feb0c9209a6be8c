// golang-migrate (formats.md §5): the files of the root, not its subfolders, named
// `<version>_<title>.(up|down).<ext>` (source/parse.go; the greedy title makes
// `1_a.up.down.sql` the down file of version 1). The version is a uint64, so `001` and `1` are
// one version and a longer number is an error; it keeps the digits as written as its id.
// Other names are skipped (`.sql` ones with a warning); a down file is optional.
// Migrations run in ascending version order; the Postgres driver sends each file as one Exec,
// i.e. PostgreSQL's implicit transaction around a multi-statement query.
#include <charconv>
#include <regex>

#include <fmt/format.h>

#include "compiler/loader.h"
#include "compiler/versioned_files.h"

namespace migc {

namespace {

const std::regex& file_name_pattern() {
  static const std::regex pattern(R"(^([0-9]+)_(.*)\.(down|up)\.(.*)$)");
  return pattern;
}

}  // namespace

void load_golang_migrate(LoadContext& ctx) {
  std::vector<VersionedFile> files;
  for (const auto& path : ctx.list_files(false)) {
    std::smatch match;  // paths of the root are bare file names
    if (!std::regex_match(path, match, file_name_pattern())) {
      warn_unmatched_sql(ctx, path, "<version>_<title>.up.sql or <version>_<title>.down.sql");
      continue;
    }
    std::string digits = match[1].str();
    uint64_t number = 0;
    if (std::from_chars(digits.data(), digits.data() + digits.size(), number).ec != std::errc()) {
      Diagnostic d = diagnostic_in(Severity::Error, ctx.display(path),
                                   fmt::format("version {} does not fit in 64 bits", digits));
      d.hints.push_back("golang-migrate reads versions as unsigned 64-bit numbers (at most 18446744073709551615)");
      throw CompileError(std::move(d));
    }
    files.push_back({path, digits, std::to_string(number), match[2].str(), match[3].str() == "down", TxMode::Implicit});
  }
  add_versioned_migrations(ctx, Format::GolangMigrate, files);
}

}  // namespace migc
