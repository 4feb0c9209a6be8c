#include "emit/sql_script.h"

#include <fmt/format.h>

#include "compiler/sql_split.h"
#include "compiler/tx_layout.h"
#include "emit/hazard_comments.h"

namespace migc {

void ScriptWriter::begin() {
  if (open_) return;
  out_ += "BEGIN;\n";
  open_ = true;
}

void ScriptWriter::commit() {
  if (!open_) return;
  out_ += "COMMIT;\n";
  open_ = false;
}

void ScriptWriter::line(std::string_view text) {
  out_ += text;
  out_ += '\n';
}

void ScriptWriter::statement(std::string_view text, size_t semicolon_at) {
  if (semicolon_at == std::string_view::npos) {
    out_ += text;
  } else {
    out_ += text.substr(0, semicolon_at);
    out_ += ';';
    out_ += text.substr(semicolon_at);
  }
  if (!text.empty() && text.back() != '\n') out_ += '\n';
}

std::string sql_literal(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

// Where a `;` must go in a range whose last SQL statement is not closed by one (relative to
// the range), or npos.
static size_t missing_semicolon_at(const MigrationSet& set, const Statement& range,
                                   const std::vector<const ParsedStatement*>& in_range) {
  if (in_range.empty()) return std::string_view::npos;
  std::string_view text = set.file(range.file).text();
  uint32_t code_end = in_range.back()->end;
  uint32_t after = skip_blank_and_comments(text, code_end, range.end);
  if (after < range.end && text[after] == ';') return std::string_view::npos;
  return code_end - range.begin;
}

void write_part(ScriptWriter& w, const MigrationSet& set, const std::vector<Block>& blocks,
                const std::vector<ParsedStatement>& parsed, std::string_view tail,
                const std::vector<StatementAnalysis>* analyses) {
  auto by_block = statements_by_block(blocks, parsed);
  for (size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    TxLayout layout = tx_layout(block, by_block[b]);
    if (layout == TxLayout::OwnTransaction) w.line("-- this migration manages its own transaction");
    std::vector<std::vector<const ParsedStatement*>> by_range(block.statements.size());
    for (const auto* p : by_block[b]) by_range[p->statement].push_back(p);
    for (size_t s = 0; s < block.statements.size(); ++s) {
      const Statement& range = block.statements[s];
      bool non_tx = false;
      for (const auto* p : by_range[s]) non_tx = non_tx || p->non_transactional;
      if (layout == TxLayout::Wrapped) {
        if (non_tx) {
          w.commit();
          w.line("-- cannot run inside a transaction block: runs on its own");
        } else if (!by_range[s].empty()) {
          w.begin();
        }
      }
      if (analyses && !analyses->empty())
        for (const auto* p : by_range[s])
          for (const auto& line : hazard_comment_lines((*analyses)[p - parsed.data()])) w.line(line);
      w.statement(set.text(range), missing_semicolon_at(set, range, by_range[s]));
    }
    bool last = b + 1 == blocks.size();
    if (last && !tail.empty()) w.line(tail);
    w.commit();
  }
  if (blocks.empty() && !tail.empty()) w.line(tail);
}

std::string script_header(const Compilation& c, std::string_view title) {
  size_t statements = 0;
  for (uint32_t i : c.plan.order) statements += c.parsed.migrations[i].up.size();
  std::string h;
  h += fmt::format("-- {} compiled by migc {}. Do not edit: recompile with `migc build`.\n", title, MIGC_VERSION);
  h += fmt::format("-- input: {} migrations, fingerprint sha256:{}\n", format_name(c.set.format), c.fingerprint);
  h += fmt::format("-- migrations: {} · statements: {}\n", c.plan.order.size(), statements);
  h += "-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)\n";
  h += "\\set ON_ERROR_STOP on\n";
  return h;
}

}  // namespace migc
