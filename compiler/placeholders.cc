#include "compiler/placeholders.h"

#include <cctype>
#include <fmt/format.h>

#include "compiler/diagnostic.h"

namespace migc {

static std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

static const std::string* find_value(const PlaceholderOptions& o, const std::string& name) {
  if (auto it = o.values.find(name); it != o.values.end()) return &it->second;
  if (o.case_insensitive)
    for (const auto& [k, v] : o.values)
      if (lower(k) == lower(name)) return &v;
  return nullptr;
}

void expand_placeholders(SourceFile& file, const PlaceholderOptions& options) {
  const std::string& in = file.original();
  std::string out;
  std::vector<Replacement> replacements;
  std::vector<Diagnostic> unknown;
  size_t i = 0;
  while (i < in.size()) {
    size_t open = in.find("${", i);
    if (open == std::string::npos) break;
    size_t close = in.find('}', open + 2);
    if (close == std::string::npos || in.find('\n', open) < close) {  // not a placeholder token
      out.append(in, i, open + 2 - i);
      i = open + 2;
      continue;
    }
    std::string name = in.substr(open + 2, close - open - 2);
    out.append(in, i, open - i);
    std::string builtin_filename;
    const std::string* value = find_value(options, name);
    if (!value && lower(name) == "flyway:filename") {
      size_t slash = file.path().rfind('/');
      builtin_filename = slash == std::string::npos ? file.path() : file.path().substr(slash + 1);
      value = &builtin_filename;
    }
    if (!value) {
      Diagnostic d = diagnostic_at_original(Severity::Error, file, static_cast<uint32_t>(open),
                                            fmt::format("unresolved placeholder '${{{}}}'", name));
      d.hints.push_back(fmt::format("give it a value with --placeholder {}=VALUE or in migc.toml [placeholders]", name));
      unknown.push_back(std::move(d));
      value = &name;  // keep going to report every unknown one
    }
    replacements.push_back({static_cast<uint32_t>(out.size()), static_cast<uint32_t>(out.size() + value->size()),
                            static_cast<uint32_t>(open), static_cast<uint32_t>(close + 1)});
    out += *value;
    i = close + 1;
  }
  if (!unknown.empty()) throw CompileError(std::move(unknown));
  if (replacements.empty()) return;
  out.append(in, i, std::string::npos);
  file.set_expanded(std::move(out), std::move(replacements));
}

}  // namespace migc
