#include "compiler/syntax_hints.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

#include <fmt/format.h>

namespace migc {

namespace {

std::string upper(std::string_view s) {
  std::string u(s);
  for (auto& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

struct NewerSyntax {
  const char* pattern;  // matched against the upper-cased statement
  const char* what;
  int version;
};

// Syntax that PostgreSQL 16 and later accept and the PostgreSQL 15 grammar rejects.
constexpr std::array<NewerSyntax, 14> kNewer{{
    {R"(\bSYSTEM_USER\b)", "SYSTEM_USER", 16},
    {R"(\bANY_VALUE\s*\()", "ANY_VALUE()", 16},
    {R"(\bJSON_(ARRAY|OBJECT)(AGG)?\s*\()", "SQL/JSON constructors (JSON_OBJECT, JSON_ARRAY)", 16},
    {R"(\bIS\s+(NOT\s+)?JSON\b)", "IS JSON predicates", 16},
    {R"(\bWITH\s+(INHERIT|SET)\s+(TRUE|FALSE|OPTION)\b)", "GRANT … WITH INHERIT/SET options", 16},
    {R"(\bJSON_TABLE\s*\()", "JSON_TABLE", 17},
    {R"(\bJSON_(QUERY|VALUE|EXISTS)\s*\()", "SQL/JSON query functions", 17},
    {R"(\bNOT\s+MATCHED\s+BY\s+SOURCE\b)", "MERGE … WHEN NOT MATCHED BY SOURCE", 17},
    {R"(\bMERGE\b[\s\S]*\bRETURNING\b)", "MERGE … RETURNING", 17},
    {R"(\bSET\s+EXPRESSION\s+AS\b)", "ALTER COLUMN … SET EXPRESSION", 17},
    {R"(\b(SPLIT|MERGE)\s+PARTITIONS?\b)", "SPLIT/MERGE PARTITION", 17},
    {R"(\bNOT\s+ENFORCED\b)", "NOT ENFORCED constraints", 18},
    {R"(\bWITHOUT\s+OVERLAPS\b)", "WITHOUT OVERLAPS", 18},
    {R"(\bGENERATED\s+ALWAYS\s+AS\s*\([\s\S]*\)\s*VIRTUAL\b)", "virtual generated columns", 18},
}};

bool line_starts_with_backslash(std::string_view sql) {
  size_t i = 0;
  while (i < sql.size()) {
    size_t j = i;
    while (j < sql.size() && (sql[j] == ' ' || sql[j] == '\t')) ++j;
    if (j < sql.size() && sql[j] == '\\') return true;
    size_t nl = sql.find('\n', i);
    if (nl == std::string_view::npos) break;
    i = nl + 1;
  }
  return false;
}

}  // namespace

std::vector<std::string> syntax_hints(std::string_view statement, size_t error_offset) {
  std::vector<std::string> hints;
  // Patterns look at the text around the error only: std::regex recurses per character, and a
  // statement can be megabytes long.
  constexpr size_t kWindow = 1000;
  size_t from = error_offset > kWindow ? error_offset - kWindow : 0;
  std::string_view sql = statement.substr(from, 2 * kWindow);
  error_offset -= from;
  std::string u = upper(sql);

  for (const auto& n : kNewer) {
    if (std::regex_search(u, std::regex(n.pattern))) {
      hints.push_back(fmt::format("{} is PostgreSQL {} syntax; migc parses with the PostgreSQL 15 grammar", n.what,
                                  n.version));
      break;
    }
  }
  if (line_starts_with_backslash(statement))
    hints.push_back("a line starts with '\\': psql meta-commands (\\set, \\i, \\connect …) are not SQL");
  else if (std::regex_search(std::string(sql.substr(error_offset > 0 ? error_offset - 1 : 0, 3)),
                             std::regex(R"(^.?:['"]?[A-Za-z_])")))
    hints.push_back("':name' is a psql variable; migc compiles plain SQL");
  if (statement.find("{{") != std::string_view::npos || statement.find("{%") != std::string_view::npos)
    hints.push_back("'{{ … }}' looks like a template (Go text/template, Jinja): render it before compiling");
  else if (statement.find("${") != std::string_view::npos)
    hints.push_back("'${…}' looks like a placeholder: give it a value with --placeholder NAME=VALUE");
  else if (std::regex_search(std::string(sql), std::regex(R"(\$%[A-Za-z_]+%\$)")))
    hints.push_back("'$%…%$' looks like a template placeholder: render it before compiling");
  if (sql.find('`') != std::string_view::npos || std::regex_search(u, std::regex(R"(\bAUTO_?INCREMENT\b|\bENGINE\s*=|\bUNSIGNED\b|\bMODIFY\s+COLUMN\b|\bCHANGE\s+COLUMN\b|\bDROP\s+INDEX\s+\S+\s+ON\b)")))
    hints.push_back("this looks like MySQL or SQLite syntax, not PostgreSQL");
  return hints;
}

}  // namespace migc
