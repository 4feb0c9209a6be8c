// Artifacts are written all or nothing: every file goes to a temporary name beside its target
// and is renamed into place only when the whole set was written.
#pragma once
#include <filesystem>
#include <map>
#include <string>

namespace migc {

// Writes each name → content under `dir` (created if needed). Throws std::runtime_error and
// leaves no temporary file behind when anything fails.
void write_files_atomically(const std::filesystem::path& dir, const std::map<std::string, std::string>& files);

}  // namespace migc
