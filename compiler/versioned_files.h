// Pieces shared by the readers whose migrations are files or folders named by a version:
// flat directories of one file per version and direction, `<version>_<name>….(up|down)…`
// (golang-migrate, pop; dbmate uses the name helpers), and one folder per migration (diesel,
// Prisma).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "compiler/loader.h"

namespace migc {

struct VersionedFile {
  std::string path;     // relative to the root
  std::string version;  // the digits as written in the file name
  std::string key;      // what the tool pairs up and down files by (a number or the digits)
  std::string name;
  bool down = false;
  TxMode tx = TxMode::Transaction;
};

// Adds one migration per key that has an up file, in ascending numeric key order, with
// id = the up file's version, then chain edges. Two files for one key and direction are an
// error naming both; a down file without an up file is warned about and ignored.
void add_versioned_migrations(LoadContext& ctx, Format format, const std::vector<VersionedFile>& files);

// The warning for a `.sql` file the tool skips because its name does not fit `expected`.
void warn_unmatched_sql(LoadContext& ctx, const std::string& path, std::string_view expected);

// `dir/file_name`; an error naming the folder when there is no such file, since `tool` takes
// every subfolder for a migration.
std::string required_file(const LoadContext& ctx, const std::string& dir, std::string_view file_name,
                          std::string_view tool);

// The part of a folder name after its first `_` (`20240101120000_add_users` → `add_users`), or
// the whole name when it has none.
std::string name_after_version(const std::string& dir);


}  // namespace migc
