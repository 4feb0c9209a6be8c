// Replays parsed statements into the catalog model, recording for each statement what it
// reads and writes and the hazards it carries. One dispatcher, replay_statement(), hands each
// statement kind to the module that understands it:
//   replay_relations.cc  tables, columns, constraints, indexes, sequences, partitions
//   replay_objects.cc    schemas, views, functions, triggers, types, extensions, policies, comments
//   references.cc        queries and expressions (reads), DML (writes), session settings
//   plpgsql.cc           PL/pgSQL bodies and DO blocks (best effort)
//   hazards.cc           locks, data loss, rewrites, scans — judged before the change is applied
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

#include "analyzer/catalog.h"
#include "analyzer/hazard.h"
#include "analyzer/object_ref.h"

namespace migc {

struct StatementAnalysis {
  std::vector<Reference> references;  // sorted, unique
  std::vector<Hazard> hazards;        // in the order found
  std::vector<std::string> notes;     // what could not be analysed and why
  bool modelled = true;               // false: a statement kind the model does not interpret
};

// Session state that outlives a statement: what SET, SET LOCAL, RESET and set_config() leave.
struct Session {
  SearchPath search_path;
  std::map<std::string, std::string> settings;        // name → value (lock_timeout, statement_timeout, …)
  std::map<std::string, std::string> local_settings;  // SET LOCAL: until the transaction ends
  bool in_transaction = false;                        // an explicit BEGIN is open
};

struct ReplayContext;

// Sees every statement that runs — top level, inside DO blocks and CREATE SCHEMA — after its hazards are
// assessed and before it changes the catalog. migc lint hooks its rules here; replay without
// an observer costs nothing more.
class StatementObserver {
 public:
  virtual ~StatementObserver() = default;
  // `ctx.out.hazards` are this statement's hazards; `ctx.nesting` is 0 for a top-level statement.
  virtual void before_change(const PgQuery__Node* stmt, const ReplayContext& ctx) = 0;
  // After a top-level statement changed the catalog: `ctx.out` holds all it found, including the
  // notes and deferred references of the bodies it holds (one replay serves the model and rules).
  virtual void after_change(const PgQuery__Node* stmt, const ReplayContext& ctx) = 0;
  // Whether the statements of `migration` matter to it; the others are replayed without their
  // hazards, which only the observer would have read.
  virtual bool observes(uint32_t migration) const = 0;
};

struct ReplayContext {
  Catalog& catalog;
  Session& session;
  StatementAnalysis& out;
  uint32_t migration = 0;            // index of the migration being replayed
  int pg_version_num = 150000;
  bool execute = true;               // false in function bodies: record reads, change nothing
  const std::vector<bool>* applied = nullptr;  // migrations that already ran (their objects are live)
  StatementObserver* observer = nullptr;
  uint32_t statement = 0;            // index of the top-level statement in the migration's up part
  int nesting = 0;                   // > 0 inside another statement: a DO block, CREATE SCHEMA's elements
  uint32_t body_line = 0;            // in a DO block's PL/pgSQL: the body's line (1-based) being replayed; 0 unknown

  void reference(ObjectRef object, Access access) { out.references.push_back({std::move(object), access, !execute}); }
  void note(std::string text) { out.notes.push_back(std::move(text)); }

  const std::string default_schema() const { return session.search_path.creation_schema(); }
  // Names resolved as PostgreSQL would at this point: explicit schema, else the first schema of
  // the search_path that has the object, else the creation schema.
  QualifiedName resolve_relation(const PgQuery__RangeVar* rv) const;
  QualifiedName resolve_relation(const std::vector<std::string>& parts) const;
  QualifiedName resolve_type(const std::vector<std::string>& parts) const;
  QualifiedName resolve_function(const std::vector<std::string>& parts) const;
  // format_type() text of a TypeName; records a Read of any non-built-in type it names.
  std::string type_text(const PgQuery__TypeName* type);
  // How old a relation is as seen from the current migration.
  RelationAge age_of(const Provenance& p) const;
};

// Replays one top-level statement (or one statement from a PL/pgSQL body): hazards against the
// state before, then the change, then references sorted and made unique.
void replay_statement(const PgQuery__Node* stmt, ReplayContext& ctx);

// Module entry points the dispatcher calls. Each returns false when the statement is not one
// of its kinds, so the next module is tried.
bool replay_relation_statement(const PgQuery__Node* stmt, ReplayContext& ctx);  // replay_relations.cc
bool replay_object_statement(const PgQuery__Node* stmt, ReplayContext& ctx);    // replay_objects.cc
bool replay_data_statement(const PgQuery__Node* stmt, ReplayContext& ctx);      // references.cc
void assess_hazards(const PgQuery__Node* stmt, ReplayContext& ctx);             // hazards.cc

// Reads inside any expression or query subtree (SELECT, sub-selects, CTEs, function calls,
// casts, nextval('seq')), with column references resolved through the FROM scope. Used for view
// queries, defaults, CHECKs, index expressions, policies and DML alike.  (references.cc)
void collect_reads(const PgQuery__Node* node, ReplayContext& ctx);

// A function or DO body in `language`: SQL bodies are parsed and their statements replayed
// with ctx.execute as given; PL/pgSQL goes through pg_query_parse_plpgsql; other languages get
// a note.  (plpgsql.cc)
void replay_routine_body(std::string_view language, std::string_view body, ReplayContext& ctx);

}  // namespace migc
