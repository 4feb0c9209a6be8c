#include "cli/config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include "analyzer/object_ref.h"
#include "analyzer/rules/rule.h"
#include "compiler/diagnostic.h"

namespace fs = std::filesystem;

namespace migc {

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  for (;;) {
    if (fs::is_regular_file(dir / "migc.toml", ec)) return dir / "migc.toml";
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

namespace {

[[noreturn]] void fail_at(const fs::path& file, const toml::source_region& at, const std::string& message) {
  Diagnostic d = diagnostic_in(Severity::Error, file.string(), message);
  d.at = {static_cast<uint32_t>(at.begin.line), static_cast<uint32_t>(at.begin.column)};
  throw CompileError(std::move(d));
}

std::string string_value(const fs::path& file, const toml::node& n, std::string_view key) {
  if (auto s = n.value<std::string>(); s && n.is_string()) return *s;
  if (n.is_integer() || n.is_floating_point()) return n.is_integer() ? std::to_string(*n.value<int64_t>())
                                                                     : fmt::format("{}", *n.value<double>());
  fail_at(file, n.source(), fmt::format("'{}' must be a string", key));
}

bool bool_value(const fs::path& file, const toml::node& n, std::string_view key) {
  if (!n.is_boolean()) fail_at(file, n.source(), fmt::format("'{}' must be true or false", key));
  return *n.value<bool>();
}

std::vector<std::string> list_value(const fs::path& file, const toml::node& n, std::string_view key) {
  std::vector<std::string> out;
  if (n.is_string()) return {*n.value<std::string>()};
  const toml::array* a = n.as_array();
  if (!a) fail_at(file, n.source(), fmt::format("'{}' must be a list of strings", key));
  for (const auto& e : *a) out.push_back(string_value(file, e, key));
  return out;
}

// error, warning, info, on or off.
bool rule_level(std::string_view level) {
  return level == "on" || level == "off" || lint_severity_from_name(level).has_value();
}

std::map<std::string, std::string> lint_rules(const fs::path& file, const toml::node& n) {
  const toml::table* t = n.as_table();
  if (!t) fail_at(file, n.source(), "'rules' must be a table of rule = \"error\" | \"warning\" | \"info\" | \"off\"");
  std::map<std::string, std::string> out;
  for (const auto& [name, level] : *t) {
    std::string rule(name.str());
    if (rules_named(rule).empty()) fail_at(file, name.source(), fmt::format("unknown lint rule '{}'", rule));
    std::string value = string_value(file, level, rule);
    if (!rule_level(value))
      fail_at(file, level.source(),
              fmt::format("'{}' must be \"error\", \"warning\", \"info\", \"on\" or \"off\"", rule));
    out[rule] = value;
  }
  return out;
}

LintConfig::Override lint_override(const fs::path& file, const toml::node& n) {
  const toml::table* t = n.as_table();
  if (!t) fail_at(file, n.source(), "each [[lint.overrides]] must be a table with paths = […]");
  LintConfig::Override o;
  for (const auto& [k, v] : *t) {
    std::string key(k.str());
    if (key == "paths") o.paths = list_value(file, v, key);
    else if (key == "rules") o.rules = lint_rules(file, v);
    else if (key == "assume_in_transaction") o.assume_in_transaction = bool_value(file, v, key);
    else fail_at(file, k.source(), fmt::format("unknown key '{}' in [[lint.overrides]]", key));
  }
  if (o.paths.empty()) fail_at(file, n.source(), "[[lint.overrides]] needs paths = [\"glob\", …]");
  return o;
}

LintConfig lint_config(const fs::path& file, const toml::node& n) {
  const toml::table* t = n.as_table();
  if (!t) fail_at(file, n.source(), "'lint' must be a table");
  LintConfig c;
  for (const auto& [k, v] : *t) {
    std::string key(k.str());
    if (key == "pg_version") c.pg_version = string_value(file, v, key);
    else if (key == "fail_on") c.fail_on = string_value(file, v, key);
    else if (key == "format") c.format = string_value(file, v, key);
    else if (key == "assume_in_transaction") c.assume_in_transaction = bool_value(file, v, key);
    else if (key == "rules") c.rules = lint_rules(file, v);
    else if (key == "settings") {
      const toml::table* s = v.as_table();
      if (!s) fail_at(file, v.source(), "'settings' must be a table of name = \"value\"");
      for (const auto& [name, value] : *s) c.settings[std::string(name.str())] = string_value(file, value, name.str());
    } else if (key == "naming") {
      const toml::table* s = v.as_table();
      if (!s) fail_at(file, v.source(), "'naming' must be a table of kind = \"pattern\"");
      for (const auto& [kind, pattern] : *s) c.naming[std::string(kind.str())] = string_value(file, pattern, kind.str());
    } else if (key == "overrides") {
      const toml::array* a = v.as_array();
      if (!a) fail_at(file, v.source(), "'overrides' must be an array of tables ([[lint.overrides]])");
      for (const auto& o : *a) c.overrides.push_back(lint_override(file, o));
    } else {
      fail_at(file, k.source(), fmt::format("unknown key '{}' in [lint]", key));
    }
  }
  return c;
}

}  // namespace

fs::path Config::path_of(const std::string& value) const {
  fs::path p = value;
  return p.is_relative() && file ? file->parent_path() / p : p;
}

Config read_config(const fs::path& file) {
  toml::table t;
  try {
    t = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    fail_at(file, e.source(), fmt::format("invalid TOML: {}", e.description()));
  }
  Config c;
  c.file = file;
  for (const auto& [k, v] : t) {
    std::string key(k.str());
    if (key == "dir") c.dir = string_value(file, v, key);
    else if (key == "dir_format") c.dir_format = string_value(file, v, key);
    else if (key == "out") c.out = string_value(file, v, key);
    else if (key == "pg_version") c.pg_version = string_value(file, v, key);
    else if (key == "include") c.include = list_value(file, v, key);
    else if (key == "exclude") c.exclude = list_value(file, v, key);
    else if (key == "no_seeds") c.no_seeds = bool_value(file, v, key);
    else if (key == "track") c.track = bool_value(file, v, key);
    else if (key == "track_table") c.track_table = string_value(file, v, key);
    else if (key == "placeholders") {
      const toml::table* p = v.as_table();
      if (!p) fail_at(file, v.source(), "'placeholders' must be a table of name = \"value\"");
      for (const auto& [name, value] : *p) c.placeholders[std::string(name.str())] = string_value(file, value, name.str());
    } else if (key == "external") {
      const toml::table* e = v.as_table();
      if (!e) fail_at(file, v.source(), "'external' must be a table such as tables = [\"public.legacy\"]");
      for (const auto& [kind_key, names] : *e) {
        std::string kind(kind_key.str());
        if (kind.ends_with("s")) kind.pop_back();  // tables → table
        for (const auto& name : list_value(file, names, kind_key.str())) {
          if (!parse_object_ref(kind, name))
            fail_at(file, names.source(),
                    fmt::format("external {} '{}': kinds are schemas, tables, views, sequences, types, functions "
                                "and extensions",
                                kind_key.str(), name));
          c.external.push_back(kind + ":" + name);
        }
      }
    } else if (key == "lint") {
      c.lint = lint_config(file, v);
    } else {
      fail_at(file, k.source(), fmt::format("unknown key '{}' in migc.toml", key));
    }
  }
  return c;
}

}  // namespace migc
