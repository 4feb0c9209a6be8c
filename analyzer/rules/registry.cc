// The one table of lint rules: one line per rule, sorted by id. Each line names the function in
// analyzer/rules/<id>.cc (dashes as underscores) that describes the rule.
#include <algorithm>

#include "analyzer/rules/rule.h"

#define MIGC_RULES(X)                             \
  X(adding_column_domain_default)                 \
  X(adding_field_with_volatile_default)           \
  X(adding_foreign_key_constraint)                \
  X(adding_identity_column)                       \
  X(adding_not_nullable_field)                    \
  X(adding_required_field)                        \
  X(adding_serial_column)                         \
  X(adding_serial_primary_key_field)              \
  X(adding_stored_generated_column)               \
  X(attach_partition_scan)                        \
  X(autovacuum_disabled)                          \
  X(avoid_enum_type)                              \
  X(ban_alter_domain_with_add_constraint)         \
  X(ban_char_field)                               \
  X(ban_concurrent_index_creation_in_transaction) \
  X(ban_create_domain_with_constraint)            \
  X(ban_drop_column)                              \
  X(ban_drop_database)                            \
  X(ban_drop_not_null)                            \
  X(ban_drop_schema)                              \
  X(ban_drop_table)                               \
  X(ban_duplicate_column_assignments)             \
  X(ban_truncate_cascade)                         \
  X(ban_uncommitted_transaction)                  \
  X(change_column_default)                        \
  X(changing_column_type)                         \
  X(check_constraint_missing_not_valid)           \
  X(combine_alter_table)                          \
  X(concurrent_index_pg14_bug)                    \
  X(create_table_referencing_hot_table)           \
  X(disallowed_unique_constraint)                 \
  X(drop_constraint)                              \
  X(enum_value_used_before_commit)                \
  X(exclusion_constraint)                         \
  X(fk_missing_index)                             \
  X(identifier_too_long)                          \
  X(index_on_partitioned_table)                   \
  X(index_too_many_columns)                       \
  X(naming_convention)                            \
  X(non_linear_migration)                         \
  X(opaque_dynamic_sql)                           \
  X(prefer_bigint_over_int)                       \
  X(prefer_bigint_over_smallint)                  \
  X(prefer_identity)                              \
  X(prefer_jsonb)                                 \
  X(prefer_repack)                                \
  X(prefer_robust_stmts)                          \
  X(prefer_text_field)                            \
  X(prefer_timestamptz)                           \
  X(primary_key_on_nullable_columns)              \
  X(refresh_matview_concurrently)                 \
  X(renaming_column)                              \
  X(renaming_enum_value)                          \
  X(renaming_schema)                              \
  X(renaming_table)                               \
  X(replica_identity_full)                        \
  X(require_concurrent_index_creation)            \
  X(require_concurrent_index_deletion)            \
  X(require_concurrent_partition_detach)          \
  X(require_concurrent_reindex)                   \
  X(require_enum_value_ordering)                  \
  X(require_lock_timeout)                         \
  X(require_statement_timeout)                    \
  X(require_table_schema)                         \
  X(set_access_method)                            \
  X(set_logged_unlogged)                          \
  X(set_tablespace)                               \
  X(statement_after_access_exclusive)             \
  X(transaction_nesting)                          \
  X(trigger_on_existing_table)                    \
  X(type_change_with_check_constraints)           \
  X(unique_index_may_fail)                        \
  X(unused_ignore)                                \
  X(validate_in_same_transaction)

namespace migc {

namespace rules {
#define MIGC_DECLARE_RULE(name) Rule name();
MIGC_RULES(MIGC_DECLARE_RULE)
#undef MIGC_DECLARE_RULE
}  // namespace rules

const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> table = [] {
#define MIGC_RULE_ENTRY(name) rules::name(),
    std::vector<Rule> t = {MIGC_RULES(MIGC_RULE_ENTRY)};
#undef MIGC_RULE_ENTRY
    std::sort(t.begin(), t.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
    return t;
  }();
  return table;
}

std::vector<const Rule*> rules_named(std::string_view name) {
  std::vector<const Rule*> out;
  for (const Rule& r : all_rules())
    if (r.id == name || std::find(r.aliases.begin(), r.aliases.end(), name) != r.aliases.end()) out.push_back(&r);
  return out;
}

}  // namespace migc
