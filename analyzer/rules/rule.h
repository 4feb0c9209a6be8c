// A lint rule: an id (squawk's wherever squawk has a rule with the same meaning), a default
// severity, and a check that migc lint calls once for every statement that runs — top level and
// inside DO blocks — with the model as it stands just before that statement changes it. A rule
// that reads what the replay found in the statement (its notes, the references of the bodies it
// holds) runs after the change instead, for top-level statements only.
//
// One rule per file in analyzer/rules/, registered by one line in registry.cc, documented in
// docs/rules/<id>.md, tested with rule_test_support.h.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/hazard.h"
#include "analyzer/replay.h"
#include "compiler/ir.h"
#include "compiler/parser.h"

namespace migc {

enum class LintSeverity { Info, Warning, Error };
std::string_view lint_severity_name(LintSeverity s);  // "info", "warning", "error"
std::optional<LintSeverity> lint_severity_from_name(std::string_view name);

// A top-level statement, for messages that point back at an earlier one.
struct StatementPlace {
  uint32_t migration = 0;
  uint32_t statement = 0;  // index into ParsedMigration::up
  uint32_t line = 0;       // 1-based line of its first character in its file
};

// A lock the open transaction holds: the strongest mode taken on the relation so far.
struct HeldLock {
  QualifiedName relation;
  LockMode mode = LockMode::AccessShare;
  bool is_new = false;      // RuleContext::is_new() of the relation when it was taken
  StatementPlace taken_by;  // the statement that took it at `mode`
};

// An enum label added by ALTER TYPE … ADD VALUE in the open transaction: unusable until COMMIT.
struct AddedEnumValue {
  QualifiedName type;
  std::string label;
  StatementPlace added_by;
};

// Who opened the transaction block a statement runs in.
enum class TxOrigin {
  None,      // autocommit: the statement is its own transaction
  Runner,    // the migration tool's BEGIN around the block (Block::tx == TxMode::Transaction)
  Implicit,  // PostgreSQL's implicit transaction of a multi-statement query (TxMode::Implicit)
  Explicit,  // a BEGIN / START TRANSACTION written in the migration
};

struct TransactionState {
  TxOrigin origin = TxOrigin::None;       // as it stands before the statement
  bool runner_wraps = false;              // the tool wraps this block in a transaction of its own
  std::optional<StatementPlace> begun_by; // the explicit BEGIN still open, if any
  std::vector<HeldLock> locks;            // relations locked so far in this transaction
  std::vector<AddedEnumValue> enum_values;
  uint32_t statements = 0;                // statements that ran in this transaction before this one

  bool open() const { return origin != TxOrigin::None; }
  const HeldLock* lock_on(const QualifiedName& relation) const;
};

struct Rule;

// [lint.naming]: per kind of object (schema, table, column, index, view, sequence, primary_key,
// unique, foreign_key, check), the pattern its names must match in full.
using NamingPatterns = std::map<std::string, std::regex>;
// The kinds [lint.naming] accepts.
const std::vector<std::string_view>& naming_kinds();

// What a check sees. Everything is as it stands just before the statement changes the model.
class RuleContext {
 public:
  const PgQuery__Node* node = nullptr;  // the statement
  const ReplayContext* model = nullptr; // catalog, analyzer session (search_path), pg_version_num, age_of()
  const std::vector<Hazard>* hazards = nullptr;  // this statement's locks, rewrites, scans, data loss
  // What replaying the statement found, for rules that run after the change (else nullptr); the
  // catalog is then the one after the change.
  const StatementAnalysis* analysis = nullptr;
  bool nested = false;             // inside a DO block (or CREATE SCHEMA): `node` has no place of its own
  bool non_transactional = false;  // cannot run inside a transaction block (for the target version)
  const TransactionState* tx = nullptr;
  // Session settings this migration runs with: those the runner is assumed to set
  // ([lint.settings] in migc.toml), then SET / SET LOCAL / RESET / set_config() earlier in it.
  const Session* settings = nullptr;
  const MigrationSet* set = nullptr;
  const NamingPatterns* naming = nullptr;  // never null while linting; empty without [lint.naming]
  uint32_t migration = 0;                               // index into set->migrations
  const std::vector<ParsedStatement>* statements = nullptr;  // the migration's top-level statements
  uint32_t statement = 0;                               // the top-level one (the DO block when nested)
  int pg_version_num = 150000;

  const ParsedStatement& parsed() const { return (*statements)[statement]; }
  StatementPlace place() const;
  StatementPlace place_of(uint32_t statement_index) const;  // another statement of this migration

  // New objects are invisible to others and empty: created earlier in this migration, or by a
  // migration linted in the same run (pending with it). History and unknown objects are live.
  bool is_new(RelationAge age) const;
  bool is_new(const QualifiedName& relation) const;
  // The effective value of a setting (SET LOCAL over SET), or nullopt when never set.
  std::optional<std::string> setting(std::string_view name) const;
  // The strongest lock this statement takes on a relation that is not new, if any.
  const Hazard* strongest_live_lock() const;

  // A finding of the running rule at this statement (the DO block when nested). `location` is a
  // node's byte `location` in the statement's SQL to point at; -1 points at the whole statement.
  void report(std::string message, std::string help, int32_t location = -1);
  // The same with a severity other than the rule's default (the config still overrides it).
  void report(LintSeverity severity, std::string message, std::string help, int32_t location = -1);
  // Whether the running rule already reported in this migration / in the open transaction.
  bool reported_in_migration() const;
  bool reported_in_transaction() const;

  // Set by the engine.
  struct Sink {
    virtual ~Sink() = default;
    virtual void add(const RuleContext& ctx, std::optional<LintSeverity> severity, std::string message,
                     std::string help, int32_t location) = 0;
    virtual bool reported(const RuleContext& ctx, bool in_transaction) const = 0;
  };
  Sink* sink = nullptr;
  const Rule* rule = nullptr;
  bool pending_is_new = false;  // Build-age relations count as new (linting FILEs: they are pending)
};

struct Rule {
  std::string_view id;
  LintSeverity severity = LintSeverity::Warning;
  bool opt_in = false;          // off unless migc.toml turns it on
  bool after_change = false;    // checked after top-level statements, with RuleContext::analysis
  std::string_view summary;     // one line: what it flags
  void (*check)(RuleContext& ctx) = nullptr;  // nullptr: reported by the engine itself (unused-ignore)
  std::vector<std::string_view> aliases = {};  // other names accepted in ignores and config (squawk's)
};

// Every rule, sorted by id (registry.cc).
const std::vector<Rule>& all_rules();
// The rules an id or alias names (an alias may name several, as squawk's require-timeout-settings).
std::vector<const Rule*> rules_named(std::string_view name);

// The rule the engine reports suppression comments with.
inline constexpr std::string_view kUnusedIgnoreRule = "unused-ignore";

}  // namespace migc
