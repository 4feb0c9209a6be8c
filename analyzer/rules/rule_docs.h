// The rule pages of docs/rules/<id>.md, compiled into the binary (cmake/embed_rule_docs.cmake)
// so that `migc explain RULE` works wherever migc is installed.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace migc {

struct RuleDoc {
  std::string_view id;
  std::string_view markdown;
};

const std::vector<RuleDoc>& rule_docs();  // sorted by id
std::optional<std::string_view> rule_doc(std::string_view id);

}  // namespace migc
