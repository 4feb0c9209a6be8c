// Copying a PostgreSQL data directory fast: a reflink (FICLONE) where the filesystem shares
// blocks, else copy_file_range() in the kernel. Modes are kept (PostgreSQL insists on 0700).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

#include "verify/child_process.h"

namespace migc {

// Copies the tree at `from` to `to` (which must not exist), giving every entry to `owner`
// when set. Returns an empty error_code on success; a failed copy is removed again.
std::error_code copy_tree(const std::filesystem::path& from, const std::filesystem::path& to,
                          const std::optional<ServerUser>& owner);

// The whole file, or "" when it cannot be read.
std::string read_text(const std::filesystem::path& path);

}  // namespace migc
