// Loader: a migrations directory in any supported format → one MigrationSet (the IR).
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir.h"

namespace migc {

struct LoadOptions {
  std::filesystem::path root;
  std::string display_root;                        // how messages name the root
  std::optional<Format> format;                    // --dir-format; autodetected when absent
  std::map<std::string, std::string> placeholders; // --placeholder / [placeholders]
};

// Detects the format (unless given), reads every migration, and returns them in the source
// tool's own order. Throws CompileError on bad input.
MigrationSet load_migrations(const LoadOptions& options);

// What every format's reader gets: file access relative to the root, placeholder expansion,
// and the set being built.
class LoadContext {
 public:
  LoadContext(const LoadOptions& options, MigrationSet& set);

  const std::filesystem::path& root() const { return options_.root; }
  MigrationSet& set() { return set_; }

  // Relative '/'-separated paths of the regular files below `under` ("" = root), in byte
  // order; hidden files and folders (".x") are skipped.
  std::vector<std::string> list_files(bool recursive, const std::string& under = "") const;
  // Direct subfolders of `under`, relative to the root, in byte order.
  std::vector<std::string> list_dirs(const std::string& under = "") const;
  bool is_file(const std::string& relpath) const;
  bool is_dir(const std::string& relpath) const;

  // Reads a file into the set (once), expanding placeholders when they are on; returns its index.
  uint32_t read(const std::string& relpath);
  const SourceFile& file(uint32_t index) const { return set_.file(index); }
  // A file whose text is derived from another's (e.g. the decoded SQL strings of a yoyo .py
  // file); `map` sends derived offsets back to the original bytes of `from`.
  uint32_t add_derived(uint32_t from, std::string text, std::vector<Replacement> map);
  std::string display(const std::string& relpath) const;

  // Placeholders are expanded for Flyway always, and for other formats when any are given.
  void set_expand_placeholders(bool on) { expand_placeholders_ = on; }

  void warn(Diagnostic d) { set_.warnings.push_back(std::move(d)); }

 private:
  const LoadOptions& options_;
  MigrationSet& set_;
  std::map<std::string, uint32_t> read_;
  bool expand_placeholders_;
};

// One reader per format: fills ctx.set().migrations in the tool's order.
using FormatLoader = void (*)(LoadContext& ctx);

void load_plain(LoadContext& ctx);
void load_yoyo(LoadContext& ctx);
void load_migchain(LoadContext& ctx);
void load_migretti(LoadContext& ctx);
void load_dbmate(LoadContext& ctx);
void load_golang_migrate(LoadContext& ctx);
void load_goose(LoadContext& ctx);
void load_flyway(LoadContext& ctx);
void load_diesel(LoadContext& ctx);
void load_pop(LoadContext& ctx);
void load_prisma(LoadContext& ctx);
void load_hyperdjango(LoadContext& ctx);

FormatLoader loader_for(Format f);

// Adds an implicit Requires edge from each schema migration to the one before it, for formats
// whose order is a line (formats.md §14.2 "none (chain)").
void add_chain_edges(MigrationSet& set);

}  // namespace migc

namespace migc {

// A block of text[begin, end) of a file read into the set, split into statements.
Block sql_block(const MigrationSet& set, uint32_t file, uint32_t begin, uint32_t end, TxMode tx);
// The whole file as one block.
Block file_block(const MigrationSet& set, uint32_t file, TxMode tx);

}  // namespace migc
