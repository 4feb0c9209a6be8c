#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "analyzer/rules/rule.h"
#include "analyzer/rules/rule_docs.h"
#include "cli/command.h"

namespace migc {

Command add_explain_command(CLI::App& parent) {
  auto rule = std::make_shared<std::string>();
  CLI::App* cmd = parent.add_subcommand("explain", "print the page of a lint rule: what it flags, why, its lock, the safe recipe");
  cmd->add_option("RULE", *rule, "a rule id (or an alias such as squawk's)")->required();
  return {cmd, [rule](const Config&) {
            auto rules = rules_named(*rule);
            if (rules.empty()) {
              std::string ids;
              for (const Rule& r : all_rules()) ids += fmt::format("  {:<46} {}\n", r.id, r.summary);
              usage_error(fmt::format("unknown rule '{}'; the rules are:\n{}", *rule, ids));
            }
            for (const Rule* r : rules) std::cout << rule_doc(r->id).value_or(r->summary) << "\n";
            return 0;
          }};
}

}  // namespace migc
