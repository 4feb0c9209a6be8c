#include "verify/apply.h"

#include <fmt/format.h>

#include "verify/apply_plan.h"

namespace migc {

std::string with_pinned_session(const std::string& conninfo) {
  return conninfo + " application_name=migc options=" +
         conninfo_quote("-c TimeZone=UTC -c DateStyle=ISO,MDY -c client_min_messages=warning");
}

ServerError parse_server_error(std::string_view text) {
  ServerError e;
  std::vector<std::string_view> lines;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  auto after = [](std::string_view line, std::string_view prefix) -> std::optional<std::string_view> {
    if (line.substr(0, prefix.size()) != prefix) return std::nullopt;
    line.remove_prefix(prefix.size());
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    return line;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (auto m = after(line, "ERROR:")) {
      e.message = *m;
    } else if (line.substr(0, 5) == "LINE " && line.find(": ") != std::string_view::npos) {
      size_t colon = line.find(": ");
      e.line = std::atoi(std::string(line.substr(5, colon - 5)).c_str());
      e.shown = line.substr(colon + 2);
      if (i + 1 < lines.size()) {
        size_t caret = lines[i + 1].find('^');
        if (caret != std::string_view::npos && caret >= colon + 2) e.caret = static_cast<int>(caret - colon - 2);
        ++i;
      }
    } else if (!line.empty() && e.message.empty()) {
      e.message = line;
    } else if (!line.empty()) {
      for (std::string_view label : {"DETAIL:", "HINT:", "CONTEXT:", "QUERY:"})
        if (auto m = after(line, label)) e.details.push_back(fmt::format("{} {}", label, *m));
    }
  }
  return e;
}

std::optional<size_t> error_offset(std::string_view statement, const ServerError& error) {
  if (error.line <= 0 || error.caret < 0) return std::nullopt;
  size_t start = 0;
  for (int n = 1; n < error.line; ++n) {
    start = statement.find('\n', start);
    if (start == std::string_view::npos) return std::nullopt;
    ++start;
  }
  std::string line(statement.substr(start, statement.find('\n', start) - start));
  for (char& c : line)
    if (c == '\t' || c == '\r') c = ' ';  // libpq shows tabs as spaces
  // libpq cuts long lines around the error and marks each cut with "...": find what it shows.
  std::string_view shown = error.shown;
  int caret = error.caret;
  if (shown.substr(0, 3) == "...") {
    shown.remove_prefix(3);
    caret -= 3;
  }
  if (shown.size() >= 3 && shown.substr(shown.size() - 3) == "...") shown.remove_suffix(3);
  size_t at = line.find(shown);
  if (at == std::string::npos || caret < 0) return std::nullopt;
  // The caret counts characters; step over UTF-8 continuation bytes.
  size_t offset = at;
  for (int c = 0; c < caret && offset < line.size(); ++c) {
    ++offset;
    while (offset < line.size() && (static_cast<unsigned char>(line[offset]) & 0xC0) == 0x80) ++offset;
  }
  return start + offset;
}

namespace {

ApplyFailure failure(const Compilation& c, uint32_t migration, const ParsedStatement& p, const std::string& what) {
  const SourceFile& file = c.set.file(p.file);
  std::string_view sql = std::string_view(file.text()).substr(p.begin, p.end - p.begin);
  ServerError e = parse_server_error(what);
  uint32_t at = p.begin + static_cast<uint32_t>(error_offset(sql, e).value_or(0));
  Diagnostic d = diagnostic_at(Severity::Error, file, at,
                               fmt::format("migration '{}' failed: {}", c.set.migrations[migration].id, e.message));
  d.hints = e.details;
  return {migration, std::move(d)};
}

}  // namespace

std::optional<ApplyFailure> apply_migrations(Connection& db, const Compilation& c, const std::vector<uint32_t>& order,
                                             Part part, const std::function<void(size_t, size_t)>& after_each) {
  for (size_t i = 0; i < order.size(); ++i) {
    uint32_t m = order[i];
    const Migration& migration = c.set.migrations[m];
    const ParsedMigration& parsed = c.parsed.migrations[m];
    if (part == Part::Down && !migration.down) continue;  // rollback.sql lists it as irreversible
    auto steps = part == Part::Up ? apply_steps(migration.up, parsed.up) : apply_steps(*migration.down, parsed.down);
    // A failing BEGIN or COMMIT (deferred checks) is placed at the statement before it.
    const ParsedStatement* last = nullptr;
    for (const ApplyStep& step : steps)
      if (!last && step.kind == ApplyStep::Kind::Statement) last = step.statement;
    for (const ApplyStep& step : steps) {
      if (step.kind == ApplyStep::Kind::Statement) last = step.statement;
      std::string sql = step.kind == ApplyStep::Kind::Begin    ? "BEGIN"
                        : step.kind == ApplyStep::Kind::Commit ? "COMMIT"
                                                               : c.set.file(last->file).text().substr(
                                                                     last->begin, last->end - last->begin);
      try {
        db.exec(sql);
      } catch (const SqlError& e) {
        return failure(c, m, *last, e.what());
      } catch (const ConnectionError& e) {
        return failure(c, m, *last, std::string("the server closed the connection: ") + e.what());
      }
    }
    if (after_each) after_each(i + 1, order.size());
  }
  return std::nullopt;
}

}  // namespace migc
