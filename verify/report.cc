#include "verify/report.h"

#include <fmt/format.h>

namespace migc {

namespace {

const char* status_word(CheckResult::Status s) {
  switch (s) {
    case CheckResult::Status::Passed: return "passed";
    case CheckResult::Status::Failed: return "failed";
    case CheckResult::Status::Skipped: return "skipped";
  }
  return "";
}

std::string summary(const CheckResult& c) {
  if (c.failure) return c.note;
  std::string text = c.note;
  if (!c.differences.empty()) {
    std::string counted = fmt::format("{} object{} differ{} ({} vs {})", c.differences.size(),
                                      c.differences.size() == 1 ? "" : "s", c.differences.size() == 1 ? "s" : "",
                                      c.sides.left, c.sides.right);
    text = text.empty() ? counted : text + "; " + counted;
  }
  return text;
}

std::string indented(const std::string& text, size_t by) {
  std::string out, pad(by, ' ');
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    out += pad + text.substr(at, end - at) + "\n";
    at = end + 1;
  }
  return out;
}

nlohmann::json diagnostic_json(const Diagnostic& d) {
  nlohmann::json j = {{"file", d.file}, {"line", d.at.line}, {"column", d.at.column}, {"message", d.message}};
  if (!d.hints.empty()) j["hints"] = d.hints;
  return j;
}

}  // namespace

std::string report_text(const VerifyReport& report) {
  std::string out;
  size_t failed = 0;
  for (const auto& c : report.checks) {
    std::string line = summary(c);
    out += fmt::format("  {:<7} {}{}\n", status_word(c.status), c.name, line.empty() ? "" : ": " + line);
    for (const auto& d : c.differences) out += indented(difference_text(d), 4);
    if (c.status == CheckResult::Status::Failed) ++failed;
  }
  if (failed == 0) out += "migc: verify passed\n";
  else out += fmt::format("migc: verify failed: {} of {} checks\n", failed, report.checks.size());
  return out;
}

nlohmann::json report_json(const VerifyReport& report) {
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& c : report.checks) {
    nlohmann::json j = {{"name", c.name}, {"status", status_word(c.status)}};
    if (!c.note.empty()) j["note"] = c.note;
    if (!c.sides.left.empty()) j["sides"] = {c.sides.left, c.sides.right};
    if (c.failure) j["failure"] = diagnostic_json(*c.failure);
    nlohmann::json differences = nlohmann::json::array();
    for (const auto& d : c.differences) differences.push_back(difference_json(d));
    if (!differences.empty()) j["differences"] = std::move(differences);
    checks.push_back(std::move(j));
  }
  nlohmann::json out = {{"ok", report.ok()}, {"checks", std::move(checks)}};
  if (!report.warnings.empty()) out["warnings"] = report.warnings;
  return out;
}

}  // namespace migc
