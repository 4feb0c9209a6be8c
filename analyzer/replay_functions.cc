// CREATE [OR REPLACE] FUNCTION/PROCEDURE, ALTER FUNCTION, DROP/RENAME/SET SCHEMA of
// routines, DO.
#include <cctype>

#include "analyzer/catalog_drop.h"
#include "analyzer/deparse.h"
#include "analyzer/function_signature.h"
#include "analyzer/object_identity.h"
#include "analyzer/plpgsql.h"
#include "analyzer/replay_objects.h"

namespace migc {

namespace {

char volatility_code(std::string_view word) {
  if (word == "immutable") return 'i';
  if (word == "stable") return 's';
  return 'v';
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// BEGIN ATOMIC … END or RETURN …, as text.
std::string standard_body(const PgQuery__Node* body) {
  if (body->node_case == PG_QUERY__NODE__NODE_RETURN_STMT)
    return "RETURN " + deparse_expression(body->return_stmt->returnval);
  std::string text = "BEGIN ATOMIC\n";
  if (body->node_case == PG_QUERY__NODE__NODE_LIST)
    for (size_t i = 0; i < body->list->n_items; ++i) {
      const PgQuery__Node* item = body->list->items[i];
      if (item->node_case != PG_QUERY__NODE__NODE_LIST) continue;
      for (size_t s = 0; s < item->list->n_items; ++s) text += "  " + deparse_statement(item->list->items[s]) + ";\n";
    }
  return text + "END";
}

bool matches_kind(const Function& f, PgQuery__ObjectType type) {
  if (type == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION) return !f.procedure;
  if (type == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE) return f.procedure;
  return true;
}

std::string display_function(const Function& f) {
  return std::string(f.procedure ? "procedure " : "function ") + display_name(f.name) + "(" + f.arguments + ")";
}

// A bare name must name exactly one routine; PostgreSQL refuses otherwise.
bool one_routine_named(const NamedFunctions& named, ReplayContext& ctx) {
  if (named.input_types || named.found.size() <= 1) return true;
  ctx.note(display_name(named.name) + " is ambiguous: " + std::to_string(named.found.size()) +
           " overloads exist and no argument list is given; the model leaves them as they are");
  return false;
}

}  // namespace

NamedFunctions find_functions(const PgQuery__ObjectWithArgs* function, PgQuery__ObjectType type, ReplayContext& ctx) {
  NamedFunctions named;
  named.name = ctx.resolve_function(string_list(function->objname, function->n_objname));
  named.input_types = input_types_of(function, ctx);
  for (auto it = ctx.catalog.functions.lower_bound({named.name, ""});
       it != ctx.catalog.functions.end() && it->first.first == named.name; ++it)
    if (matches_kind(it->second, type) && (!named.input_types || *named.input_types == it->second.input_types))
      named.found.push_back(it->first);
  return named;
}

void replay_create_function(const PgQuery__CreateFunctionStmt* stmt, ReplayContext& ctx) {
  Function f;
  f.name = list_name(string_list(stmt->funcname, stmt->n_funcname), ctx.default_schema());
  f.procedure = stmt->is_procedure;
  FunctionSignature signature = function_signature(stmt, ctx);
  f.arguments = signature.arguments;
  f.input_types = signature.input_types;
  f.returns = signature.returns;
  f.language = stmt->sql_body ? "sql" : "";
  for (size_t i = 0; i < stmt->n_options; ++i) {
    if (stmt->options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* def = stmt->options[i]->def_elem;
    std::string_view option = def->defname;
    if (option == "language") f.language = lower(def_text(def));
    if (option == "volatility") f.volatility = volatility_code(def_text(def));
    if (option == "as" && def->arg && def->arg->node_case == PG_QUERY__NODE__NODE_LIST) {
      std::vector<std::string> parts = string_list(def->arg->list->items, def->arg->list->n_items);
      if (!parts.empty()) f.body = parts[0];  // C functions: the object file (the symbol is not kept)
    }
  }
  if (stmt->sql_body) f.body = standard_body(stmt->sql_body);

  const Function* existing = nullptr;
  for (const Function* other : ctx.catalog.functions_named(f.name))
    if (other->input_types == f.input_types) existing = other;
  bool replaces = existing && stmt->replace;
  ctx.reference(function_ref(f.name), replaces ? Access::Alter : Access::Create);
  if (ctx.execute && (!existing || replaces)) {
    f.provenance = existing ? existing->provenance : Provenance{ctx.migration, {}};
    f.provenance.touch(ctx.migration);
    if (existing) ctx.catalog.functions.erase({existing->name, existing->arguments});
    ctx.catalog.functions[{f.name, f.arguments}] = f;
  }

  // The body runs when called, not now: it changes nothing. Only its references are read, and
  // no one reads those of the migrations a lint run replays as history.
  if (ctx.observer && !ctx.observer->observes(ctx.migration)) return;
  if (stmt->sql_body) {
    replay_standard_body(stmt->sql_body, ctx);
    return;
  }
  PgQuery__Node node = PG_QUERY__NODE__INIT;
  node.node_case = PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT;
  node.create_function_stmt = const_cast<PgQuery__CreateFunctionStmt*>(stmt);  // deparse only reads
  bool execute = ctx.execute;
  ctx.execute = false;
  replay_routine_body(f.language, f.body, {display_function(f), deparse_statement(&node)}, ctx);
  ctx.execute = execute;
}

void replay_alter_function(const PgQuery__AlterFunctionStmt* stmt, ReplayContext& ctx) {
  NamedFunctions named = find_functions(stmt->func, stmt->objtype, ctx);
  ctx.reference(function_ref(named.name), Access::Alter);
  if (!ctx.execute || !one_routine_named(named, ctx)) return;
  for (const auto& key : named.found) {
    Function& f = ctx.catalog.functions.at(key);
    f.provenance.touch(ctx.migration);
    for (size_t i = 0; i < stmt->n_actions; ++i)
      if (stmt->actions[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
          std::string_view(stmt->actions[i]->def_elem->defname) == "volatility")
        f.volatility = volatility_code(def_text(stmt->actions[i]->def_elem));
  }
}

void drop_function(const DropTarget& target, PgQuery__ObjectType type, ReplayContext& ctx) {
  if (target.object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) return;
  NamedFunctions named = find_functions(target.object->object_with_args, type, ctx);
  ctx.reference(function_ref(named.name), Access::Drop);
  if (!ctx.execute || !one_routine_named(named, ctx)) return;
  for (const auto& key : named.found) {
    Function& f = ctx.catalog.functions.at(key);
    size_t triggers = 0;
    for (const auto& [q, r] : ctx.catalog.relations)
      for (const auto& t : r.triggers) triggers += f.input_types.empty() && t.function == f.name;
    if (triggers > 0 && !target.cascade) {
      ctx.note("DROP of " + display_function(f) + " without CASCADE fails: " + std::to_string(triggers) +
               " trigger(s) call it; the model keeps it");
      continue;
    }
    if (f.input_types.empty()) drop_triggers_calling(f.name, ctx);
    ctx.catalog.comments.erase(function_key(f));
    ctx.catalog.functions.erase(key);
  }
}

void move_function(const PgQuery__ObjectWithArgs* function, PgQuery__ObjectType type, const std::string& new_name,
                   const std::string& new_schema, ReplayContext& ctx) {
  NamedFunctions named = find_functions(function, type, ctx);
  QualifiedName to{new_schema.empty() ? named.name.schema : new_schema, new_name.empty() ? named.name.name : new_name};
  ctx.reference(function_ref(named.name), Access::Drop);
  ctx.reference(function_ref(to), Access::Create);
  if (!ctx.execute || !one_routine_named(named, ctx)) return;
  for (const auto& key : named.found) {
    rename_function_everywhere(ctx.catalog, key, to);
    ctx.catalog.functions.at({to, key.second}).provenance.touch(ctx.migration);
  }
}

void replay_do(const PgQuery__DoStmt* stmt, ReplayContext& ctx) {
  std::string language = "plpgsql", body;
  for (size_t i = 0; i < stmt->n_args; ++i) {
    if (stmt->args[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* def = stmt->args[i]->def_elem;
    if (std::string_view(def->defname) == "language") language = lower(def_text(def));
    if (std::string_view(def->defname) == "as") body = def_text(def);
  }
  replay_routine_body(language, body, {"DO block", ""}, ctx);
}

}  // namespace migc
