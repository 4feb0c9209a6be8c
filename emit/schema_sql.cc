#include "emit/schema_sql.h"

#include <algorithm>
#include <functional>
#include <set>

#include <nlohmann/json.hpp>
#include <pg_query.h>

#include "emit/schema_json.h"
#include "emit/sql_script.h"

namespace migc {

namespace {

using json = nlohmann::json;

// ---------------------------------------------------------------- what a text names

bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c & 0x80); }
bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9') || c == '$'; }

// Reads one identifier at `i` (quoted, or unquoted and case-folded), advancing `i`.
std::string read_ident(std::string_view text, size_t& i) {
  std::string out;
  if (text[i] == '"') {
    for (++i; i < text.size(); ++i) {
      if (text[i] == '"' && (i + 1 >= text.size() || text[i + 1] != '"')) break;
      if (text[i] == '"') ++i;
      out += text[i];
    }
    ++i;
  } else {
    for (; i < text.size() && ident_char(text[i]); ++i)
      out += (text[i] >= 'A' && text[i] <= 'Z') ? char(text[i] - 'A' + 'a') : text[i];
  }
  return out;
}

// The schema-qualified names in a type or signature text. format_type() qualifies every type
// outside pg_catalog, so these are exactly the user types (or row types) it names.
std::vector<QualifiedName> qualified_names_in(std::string_view text) {
  std::vector<QualifiedName> out;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '\'') {
      for (++i; i < text.size() && text[i] != '\''; ++i) {}
      ++i;
    } else if (text[i] == '"' || ident_start(text[i])) {
      std::vector<std::string> chain{read_ident(text, i)};
      while (i + 1 < text.size() && text[i] == '.' && (text[i + 1] == '"' || ident_start(text[i + 1])))
        chain.push_back(read_ident(text, ++i));
      for (size_t k = 0; k + 1 < chain.size(); ++k) out.push_back({chain[k], chain[k + 1]});
    } else {
      ++i;
    }
  }
  return out;
}

// What a query names, from libpg_query's parse tree. Unqualified names resolve in public:
// this script runs with the default search_path.
struct QueryFacts {
  std::vector<QualifiedName> relations, functions;
  std::optional<size_t> output_columns;  // nullopt: not known without the catalog (e.g. SELECT *)
};

void collect_names(const json& node, QueryFacts& facts) {
  if (node.is_array()) {
    for (const auto& item : node) collect_names(item, facts);
    return;
  }
  if (!node.is_object()) return;
  for (const auto& [key, value] : node.items()) {
    if (key == "RangeVar") {
      facts.relations.push_back({value.value("schemaname", std::string("public")), value.value("relname", "")});
    } else if (key == "FuncCall" && value.contains("funcname")) {
      std::vector<std::string> parts;
      for (const auto& part : value["funcname"])
        parts.push_back(part.value("String", json::object()).value("sval", ""));
      facts.functions.push_back(list_name(parts, "public"));
    }
    collect_names(value, facts);
  }
}

std::optional<size_t> output_columns(const json& select) {
  const json* s = &select;
  while (s->contains("larg")) s = &(*s)["larg"];  // a set operation's columns are its first branch's
  if (!s->contains("targetList")) return std::nullopt;
  for (const auto& target : (*s)["targetList"]) {
    json value = target.value("ResTarget", json::object()).value("val", json::object());
    for (const auto& field : value.value("ColumnRef", json::object()).value("fields", json::array()))
      if (field.contains("A_Star")) return std::nullopt;
  }
  return (*s)["targetList"].size();
}

QueryFacts query_facts(const std::string& sql) {
  QueryFacts facts;
  PgQueryParseResult parsed = pg_query_parse(sql.c_str());
  if (!parsed.error) {
    json tree = json::parse(parsed.parse_tree);
    collect_names(tree, facts);
    if (tree["stmts"].size() == 1 && tree["stmts"][0]["stmt"].contains("SelectStmt"))
      facts.output_columns = output_columns(tree["stmts"][0]["stmt"]["SelectStmt"]);
  }
  pg_query_free_parse_result(parsed);
  return facts;
}

// ---------------------------------------------------------------- order

// Items 0..n-1, given in the preferred order, reordered so that each comes after the items it
// depends on. A dependency cycle is broken where it is met.
std::vector<size_t> dependency_order(size_t n, const std::function<std::vector<size_t>(size_t)>& deps) {
  std::vector<bool> seen(n, false);
  std::vector<size_t> out;
  std::function<void(size_t)> visit = [&](size_t i) {
    if (seen[i]) return;
    seen[i] = true;
    for (size_t d : deps(i)) visit(d);
    out.push_back(i);
  };
  for (size_t i = 0; i < n; ++i) visit(i);
  return out;
}

// The order in which objects were creatable: by creating migration, then by name.
template <class T>
void sort_by_creation(std::vector<const T*>& items) {
  std::stable_sort(items.begin(), items.end(), [](const T* a, const T* b) {
    return std::tie(a->provenance.created_by, a->name) < std::tie(b->provenance.created_by, b->name);
  });
}

using Positions = std::multimap<QualifiedName, size_t>;  // where each named object is in a list

template <class T>
Positions positions_by_name(const std::vector<const T*>& items) {
  Positions out;
  for (size_t i = 0; i < items.size(); ++i) out.emplace(items[i]->name, i);
  return out;
}

std::vector<size_t> positions_of(const Positions& positions, const std::vector<QualifiedName>& names) {
  std::vector<size_t> out;
  for (const auto& q : names)
    for (auto [it, end] = positions.equal_range(q); it != end; ++it) out.push_back(it->second);
  return out;
}

// ---------------------------------------------------------------- pieces of statements

std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const auto& n : names) quoted.push_back(quote_ident(n));
  return joined(quoted);
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  return out;
}

std::string with_options(const std::map<std::string, std::string>& options) {
  if (options.empty()) return "";
  std::vector<std::string> items;
  for (const auto& [key, value] : options) items.push_back(key + "=" + value);
  return " WITH (" + joined(items) + ")";
}

std::string sequence_options(const SequenceInfo& s) {
  std::string out;
  if (s.increment) out += " INCREMENT BY " + std::to_string(*s.increment);
  if (s.min_value) out += " MINVALUE " + std::to_string(*s.min_value);
  if (s.max_value) out += " MAXVALUE " + std::to_string(*s.max_value);
  if (s.start) out += " START WITH " + std::to_string(*s.start);
  if (s.cache) out += " CACHE " + std::to_string(*s.cache);
  if (s.cycle) out += " CYCLE";
  return out;
}

// The sequences behind identity columns, by (table, column).
using IdentitySequences = std::map<std::pair<QualifiedName, std::string>, const Relation*>;

IdentitySequences identity_sequences(const Catalog& catalog) {
  IdentitySequences out;
  for (const auto& [name, r] : catalog.relations)
    if (r.kind == RelKind::Sequence && r.sequence.identity && r.sequence.owned_by) out[*r.sequence.owned_by] = &r;
  return out;
}

std::string column_sql(const Column& c, const Relation* identity_sequence = nullptr) {
  std::string out = quote_ident(c.name) + " " + c.type;
  if (!c.collation.empty()) out += " COLLATE " + quote_ident(c.collation);
  if (c.generated) out += " GENERATED ALWAYS AS (" + *c.generated + ") STORED";
  if (c.identity) {
    out += c.identity == 'a' ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY";
    // Named explicitly: the name PostgreSQL would pick depends on what exists at that moment.
    if (identity_sequence)
      out += " (SEQUENCE NAME " + display_name(identity_sequence->name) +
             sequence_options(identity_sequence->sequence) + ")";
  }
  if (c.default_expr && !c.identity && !c.generated) out += " DEFAULT " + *c.default_expr;
  if (c.not_null) out += " NOT NULL";
  return out;
}

std::string deferrable_sql(const Constraint& k) {
  if (!k.deferrable) return "";
  return k.initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
}

const Relation* backing_index(const Catalog& catalog, const QualifiedName& table, const Constraint& k) {
  return k.index.empty() ? nullptr : catalog.relation({table.schema, k.index});
}

std::string index_tail(const Relation* index) {
  if (!index || index->index.include.empty()) return "";
  return " INCLUDE (" + quoted_list(index->index.include) + ")";
}

// The constraint as it follows CONSTRAINT name, in CREATE TABLE or ALTER TABLE … ADD.
std::string constraint_body(const Catalog& catalog, const QualifiedName& table, const Constraint& k) {
  const Relation* index = backing_index(catalog, table, k);
  switch (k.type) {
    case 'p': return "PRIMARY KEY (" + quoted_list(k.columns) + ")" + index_tail(index) + deferrable_sql(k);
    case 'u': return "UNIQUE (" + quoted_list(k.columns) + ")" + index_tail(index) + deferrable_sql(k);
    case 'x': {
      std::string out = "EXCLUDE USING " + (index ? index->index.method : std::string("gist")) + " (" +
                        k.expression + ")" + index_tail(index);
      if (index && index->index.predicate) out += " WHERE (" + *index->index.predicate + ")";
      return out + deferrable_sql(k);
    }
    case 'f': {
      std::string out = "FOREIGN KEY (" + quoted_list(k.columns) + ") REFERENCES " + display_name(k.ref_table);
      if (!k.ref_columns.empty()) out += " (" + quoted_list(k.ref_columns) + ")";
      if (auto words = fk_action_words(k.on_delete); !words.empty()) out += " ON DELETE " + upper(words);
      if (auto words = fk_action_words(k.on_update); !words.empty()) out += " ON UPDATE " + upper(words);
      return out + deferrable_sql(k) + (k.validated ? "" : " NOT VALID");
    }
    default: return "CHECK (" + k.expression + ")" + (k.validated ? "" : " NOT VALID");
  }
}

// Written in CREATE TABLE; the rest (foreign keys, NOT VALID checks, which CREATE TABLE would
// mark valid) are added once every table exists.
bool inline_constraint(const Constraint& k) { return k.type != 'f' && (k.type != 'c' || k.validated); }

std::vector<const Relation*> parents(const Catalog& catalog, const Relation& r) {
  std::vector<const Relation*> out;
  if (r.partition_of)
    if (const Relation* p = catalog.relation(*r.partition_of)) out.push_back(p);
  for (const auto& q : r.inherits)
    if (const Relation* p = catalog.relation(q)) out.push_back(p);
  return out;
}

// Whether PostgreSQL gives `r` this constraint itself when `r` is created under its parents:
// CHECKs are inherited by name; a partition gets its parent's keys (same columns) and foreign
// keys (same name).
bool constraint_from_parent(const Catalog& catalog, const Relation& r, const Constraint& k) {
  for (const Relation* p : parents(catalog, r))
    for (const auto& pk : p->constraints) {
      if (pk.type != k.type) continue;
      if (k.type == 'c' && pk.name == k.name) return true;
      if (r.partition_of && k.type == 'f' && pk.name == k.name) return true;
      if (r.partition_of && k.type != 'c' && k.type != 'f' && pk.columns == k.columns) return true;
    }
  return false;
}

// A partition gets its parent's row triggers, under the same name.
bool trigger_from_parent(const Catalog& catalog, const Relation& r, const Trigger& t) {
  if (!r.partition_of) return false;
  for (const Relation* p : parents(catalog, r))
    for (const auto& pt : p->triggers)
      if (pt.name == t.name) return true;
  return false;
}

bool column_from_parent(const Catalog& catalog, const Relation& r, const Column& c) {
  for (const Relation* p : parents(catalog, r))
    if (p->column(c.name)) return true;
  return false;
}

std::string create_table_sql(const Catalog& catalog, const IdentitySequences& identities, const Relation& r) {
  std::vector<std::string> elements;
  if (!r.partition_of)
    for (const auto& c : r.columns) {
      if (column_from_parent(catalog, r, c)) continue;
      auto identity = identities.find({r.name, c.name});
      elements.push_back(column_sql(c, identity == identities.end() ? nullptr : identity->second));
    }
  for (const auto& k : r.constraints)
    if (inline_constraint(k) && !constraint_from_parent(catalog, r, k))
      elements.push_back("CONSTRAINT " + quote_ident(k.name) + " " + constraint_body(catalog, r.name, k));
  std::string body = elements.empty() ? "" : "\n  " + joined(elements, ",\n  ") + "\n";
  std::string out = std::string("CREATE ") + (r.unlogged ? "UNLOGGED " : "") + "TABLE " + display_name(r.name);
  if (r.partition_of) {
    out += " PARTITION OF " + display_name(*r.partition_of) + (elements.empty() ? "" : " (" + body + ")");
    out += " " + r.partition_bound;
  } else {
    out += " (" + body + ")";
    if (!r.inherits.empty()) {
      std::vector<std::string> names;
      for (const auto& q : r.inherits) names.push_back(display_name(q));
      out += " INHERITS (" + joined(names) + ")";
    }
  }
  if (!r.partition_key.empty()) out += " PARTITION BY " + r.partition_key;
  return out + with_options(r.options);
}

std::string create_type_sql(const TypeDef& t) {
  std::string name = display_name(t.name);
  switch (t.kind) {
    case TypeKind::Enum: {
      std::vector<std::string> labels;
      for (const auto& l : t.labels) labels.push_back(sql_literal(l));
      return "CREATE TYPE " + name + " AS ENUM (" + joined(labels) + ")";
    }
    case TypeKind::Domain: {
      std::string out = "CREATE DOMAIN " + name + " AS " + t.base_type;
      if (t.default_expr) out += " DEFAULT " + *t.default_expr;
      if (t.not_null) out += " NOT NULL";
      for (const auto& k : t.constraints)
        if (k.validated) out += "\n  CONSTRAINT " + quote_ident(k.name) + " CHECK (" + k.expression + ")";
      // A domain CHECK is only left unvalidated by ALTER DOMAIN … NOT VALID.
      for (const auto& k : t.constraints)
        if (!k.validated)
          out += ";\nALTER DOMAIN " + name + " ADD CONSTRAINT " + quote_ident(k.name) + " CHECK (" + k.expression +
                 ") NOT VALID";
      return out;
    }
    case TypeKind::Composite: {
      std::vector<std::string> attributes;
      for (const auto& a : t.attributes) attributes.push_back(column_sql(a));
      return "CREATE TYPE " + name + " AS (" + joined(attributes) + ")";
    }
    case TypeKind::Range: return "CREATE TYPE " + name + " AS RANGE (subtype = " + t.base_type + ")";
    case TypeKind::Base: return "CREATE TYPE " + name;  // a shell: its I/O functions are not modelled
  }
  return "";
}

// A dollar quote whose delimiter occurs in the body only as its closing.
std::string dollar_quoted(std::string_view body) {
  for (int n = 0;; ++n) {
    std::string tag = n == 0 ? "$$" : "$body" + (n == 1 ? "" : std::to_string(n - 1)) + "$";
    if ((std::string(body) + tag).find(tag) == body.size()) return tag + std::string(body) + tag;
  }
}

// A SQL-standard body (BEGIN ATOMIC … END, RETURN …) is SQL, not a string, and is checked
// against the catalog when created.
bool standard_body(const Function& f) {
  size_t start = f.body.find_first_not_of(" \t\r\n");
  std::string head = start == std::string::npos ? "" : upper(f.body.substr(start, 12));
  return f.language == "sql" && (head.starts_with("BEGIN ATOMIC") || head.starts_with("RETURN "));
}

std::string create_function_sql(const Function& f) {
  std::string out = std::string("CREATE ") + (f.procedure ? "PROCEDURE " : "FUNCTION ") + display_name(f.name) +
                    "(" + f.arguments + ")";
  if (!f.procedure && !f.returns.empty()) out += " RETURNS " + f.returns;
  out += "\n  LANGUAGE " + f.language;
  if (!f.procedure && f.volatility == 'i') out += " IMMUTABLE";
  if (!f.procedure && f.volatility == 's') out += " STABLE";
  return out + (standard_body(f) ? "\n" + f.body : "\n  AS " + dollar_quoted(f.body));
}

std::string create_view_sql(const Relation& v, const QueryFacts& facts) {
  bool materialized = v.kind == RelKind::MaterializedView;
  std::string out = std::string("CREATE ") + (materialized ? "MATERIALIZED VIEW " : "VIEW ") + display_name(v.name);
  // Column aliases are not in the stored query; the known column names restore them when they
  // match the query's output one for one.
  bool names_known = std::none_of(v.columns.begin(), v.columns.end(), [](const Column& c) { return c.name.empty(); });
  if (!v.columns.empty() && names_known && facts.output_columns == v.columns.size()) {
    std::vector<std::string> names;
    for (const auto& c : v.columns) names.push_back(c.name);
    out += " (" + quoted_list(names) + ")";
  }
  out += with_options(v.options) + " AS\n" + v.query;
  if (materialized && !v.populated) out += "\nWITH NO DATA";
  return out;
}

std::string create_index_sql(const Relation& r) {
  const IndexInfo& x = r.index;
  std::string out = std::string("CREATE ") + (x.unique ? "UNIQUE " : "") + "INDEX " + quote_ident(r.name.name) +
                    " ON " + display_name(x.table);
  if (x.method != "btree") out += " USING " + x.method;
  out += " (" + joined(x.keys) + ")";  // stored as CREATE INDEX takes them
  if (!x.include.empty()) out += " INCLUDE (" + quoted_list(x.include) + ")";
  out += with_options(r.options);
  if (x.predicate) out += " WHERE (" + *x.predicate + ")";
  return out;
}

std::string create_trigger_sql(const Relation& r, const Trigger& t) {
  std::string out = "CREATE TRIGGER " + quote_ident(t.name) + " " + t.timing + " " + joined(t.events, " OR ") +
                    " ON " + display_name(r.name);
  if (t.for_each_row) out += " FOR EACH ROW";
  if (t.when) out += " WHEN (" + *t.when + ")";
  return out + " EXECUTE FUNCTION " + display_name(t.function) + "()";
}

// The model keeps CURRENT_USER and friends by their keyword, not as the role they name.
bool role_keyword(const std::string& role) {
  return role == "current_user" || role == "current_role" || role == "session_user";
}

std::string create_policy_sql(const Relation& r, const Policy& p) {
  std::string out = "CREATE POLICY " + quote_ident(p.name) + " ON " + display_name(r.name);
  if (!p.permissive) out += " AS RESTRICTIVE";
  if (p.command != "ALL") out += " FOR " + p.command;
  std::vector<std::string> roles;
  for (const auto& role : p.roles) roles.push_back(role_keyword(role) ? upper(role) : quote_ident(role));
  if (!roles.empty()) out += " TO " + joined(roles);
  if (p.using_expr) out += " USING (" + *p.using_expr + ")";
  if (p.check_expr) out += " WITH CHECK (" + *p.check_expr + ")";
  return out;
}

// `a on b` identities (constraints, triggers, policies) with the unquoted " on " replaced.
std::string on_clause(const std::string& identity, std::string_view on = " ON ") {
  bool quoted = false;
  for (size_t i = 0; i < identity.size(); ++i) {
    if (identity[i] == '"') quoted = !quoted;
    if (!quoted && identity.compare(i, 4, " on ") == 0)
      return identity.substr(0, i) + std::string(on) + identity.substr(i + 4);
  }
  return identity;
}

// A comment key (pg_identify_object's type and identity) as the object of COMMENT ON.
std::string comment_target(const CommentKey& key) {
  // The object types of more than one word; any other is the key's first word.
  static const std::vector<std::string> kinds = {
      "materialized view column", "composite type column", "foreign table column", "view column", "table column",
      "table constraint", "domain constraint", "materialized view", "foreign table"};
  auto multi_word =
      std::find_if(kinds.begin(), kinds.end(), [&](const std::string& k) { return key.starts_with(k + " "); });
  std::string kind = multi_word != kinds.end() ? *multi_word : key.substr(0, key.find(' '));
  std::string identity = key.size() > kind.size() ? key.substr(kind.size() + 1) : "";
  if (kind.ends_with("column")) return "COLUMN " + identity;
  if (kind == "domain constraint") return "CONSTRAINT " + on_clause(identity, " ON DOMAIN ");
  if (kind.ends_with("constraint")) return "CONSTRAINT " + on_clause(identity);
  if (kind == "trigger" || kind == "policy" || kind == "rule") return upper(kind) + " " + on_clause(identity);
  return upper(kind) + " " + identity;
}

// ---------------------------------------------------------------- the script

class SchemaScript {
 public:
  explicit SchemaScript(const Catalog& catalog) : catalog_(catalog) {
    for (const auto& [name, r] : catalog.relations) {
      if (r.kind == RelKind::ForeignTable) foreign_tables_.push_back(display_name(name));
      else relations_.push_back(&r);
    }
  }

  std::string write() {
    header();
    schemas();
    extensions();
    types();
    for (const auto& [key, f] : catalog_.functions)
      if (!late(f)) statement(create_function_sql(f));
    sequences();
    tables();
    views_and_late_functions();
    indexes();
    for (const Relation* r : relations_)
      for (const auto& k : r->constraints)
        if (!inline_constraint(k) && !constraint_from_parent(catalog_, *r, k))
          statement("ALTER TABLE " + display_name(r->name) + " ADD CONSTRAINT " + quote_ident(k.name) + " " +
                    constraint_body(catalog_, r->name, k));
    triggers();
    for (const Relation* r : relations_) {
      if (r->rls_enabled) statement("ALTER TABLE " + display_name(r->name) + " ENABLE ROW LEVEL SECURITY");
      if (r->rls_forced) statement("ALTER TABLE " + display_name(r->name) + " FORCE ROW LEVEL SECURITY");
    }
    for (const Relation* r : relations_)
      for (const auto& p : r->policies) statement(create_policy_sql(*r, p));
    for (const auto& [key, text] : catalog_.comments)
      statement("COMMENT ON " + comment_target(key) + " IS " + sql_literal(text));
    return out_;
  }

 private:
  void statement(const std::string& sql) { out_ += "\n" + sql + ";\n"; }

  void header() {
    out_ += "-- The schema the migrations build, as predicted by migc " MIGC_VERSION ".\n";
    out_ += "-- For an empty PostgreSQL 15 database: psql -v ON_ERROR_STOP=1 -f FILE\n";
    std::set<std::string> roles;
    for (const Relation* r : relations_)
      for (const auto& p : r->policies)
        for (const auto& role : p.roles)
          if (!role_keyword(role)) roles.insert(quote_ident(role));
    if (!roles.empty())
      out_ += "-- Roles it expects (named by policies; roles are not part of a schema): " +
              joined({roles.begin(), roles.end()}) + ".\n";
    if (!foreign_tables_.empty())
      out_ += "-- Foreign tables not created (their servers are not modelled): " + joined(foreign_tables_) + ".\n";
    // Bodies are checked when they run: a body may name objects created further down.
    out_ += "SET check_function_bodies = false;\n";
  }

  void schemas() {
    if (!catalog_.schemas.count("public")) statement("DROP SCHEMA public");
    for (const auto& [name, s] : catalog_.schemas)
      if (name != "public") statement("CREATE SCHEMA " + quote_ident(name));
  }

  void extensions() {
    for (const auto& [name, e] : catalog_.extensions) {
      std::string sql = "CREATE EXTENSION IF NOT EXISTS " + quote_ident(name);
      if (!e.schema.empty()) sql += " WITH SCHEMA " + quote_ident(e.schema);
      if (!e.version.empty()) sql += " VERSION " + sql_literal(e.version);
      statement(sql + " CASCADE");
    }
  }

  void types() {
    std::vector<const TypeDef*> types;
    for (const auto& [name, t] : catalog_.types) types.push_back(&t);
    sort_by_creation(types);
    Positions positions = positions_by_name(types);
    auto deps = [&](size_t i) {
      std::string used = types[i]->base_type;
      for (const auto& a : types[i]->attributes) used += " " + a.type;
      return positions_of(positions, qualified_names_in(used));
    };
    for (size_t i : dependency_order(types.size(), deps)) statement(create_type_sql(*types[i]));
  }

  void sequences() {
    for (const Relation* r : relations_)
      if (r->kind == RelKind::Sequence && !r->sequence.identity) {
        const SequenceInfo& s = r->sequence;
        statement("CREATE SEQUENCE " + display_name(r->name) + (s.type == "bigint" ? "" : " AS " + s.type) +
                  sequence_options(s));
      }
  }

  void tables() {
    std::vector<const Relation*> tables;
    for (const Relation* r : relations_)
      if (r->kind == RelKind::Table || r->kind == RelKind::PartitionedTable) tables.push_back(r);
    sort_by_creation(tables);
    Positions positions = positions_by_name(tables);
    auto deps = [&](size_t i) {
      std::vector<QualifiedName> used(tables[i]->inherits);
      if (tables[i]->partition_of) used.push_back(*tables[i]->partition_of);
      for (const auto& c : tables[i]->columns)
        for (auto& q : qualified_names_in(c.type)) used.push_back(std::move(q));  // row types of tables
      return positions_of(positions, used);
    };
    IdentitySequences identities = identity_sequences(catalog_);
    for (size_t i : dependency_order(tables.size(), deps))
      statement(create_table_sql(catalog_, identities, *tables[i]));
    // Owned sequences exist before their tables (defaults name them) and are tied to them now.
    for (const Relation* r : relations_)
      if (r->kind == RelKind::Sequence && !r->sequence.identity && r->sequence.owned_by) {
        const auto& [table, column] = *r->sequence.owned_by;
        statement("ALTER SEQUENCE " + display_name(r->name) + " OWNED BY " + display_name(table) + "." +
                  quote_ident(column));
      }
  }

  // Functions that cannot come before the tables: their signature names a row type, or their
  // SQL-standard body is checked against the catalog.
  bool late(const Function& f) const {
    if (standard_body(f)) return true;
    for (const auto& q : qualified_names_in(f.arguments + " " + f.returns))
      if (catalog_.relation(q)) return true;
    return false;
  }

  // What a late function's signature and SQL-standard body name.
  static QueryFacts late_function_facts(const Function& f) {
    QueryFacts facts;
    if (standard_body(f)) facts = query_facts("CREATE FUNCTION f() RETURNS void LANGUAGE sql " + f.body);
    for (auto& q : qualified_names_in(f.arguments + " " + f.returns)) facts.relations.push_back(std::move(q));
    return facts;
  }

  // Views name tables, functions and other views; late functions may return a view's rows.
  void views_and_late_functions() {
    struct Item {
      uint32_t created_by;
      QualifiedName name;
      std::string arguments;
      const Relation* view = nullptr;
      const Function* function = nullptr;
      QueryFacts facts;  // what its query or signature names
    };
    std::vector<Item> items;
    for (const Relation* r : relations_)
      if (r->kind == RelKind::View || r->kind == RelKind::MaterializedView)
        items.push_back({r->provenance.created_by, r->name, "", r, nullptr, query_facts(r->query)});
    for (const auto& [key, f] : catalog_.functions)
      if (late(f)) items.push_back({f.provenance.created_by, f.name, f.arguments, nullptr, &f, late_function_facts(f)});
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      return std::tie(a.created_by, a.name, a.arguments) < std::tie(b.created_by, b.name, b.arguments);
    });
    Positions views, functions;
    for (size_t i = 0; i < items.size(); ++i) (items[i].view ? views : functions).emplace(items[i].name, i);
    auto deps = [&](size_t i) {
      std::vector<size_t> out = positions_of(views, items[i].facts.relations);
      for (size_t j : positions_of(functions, items[i].facts.functions)) out.push_back(j);
      return out;
    };
    for (size_t i : dependency_order(items.size(), deps))
      statement(items[i].view ? create_view_sql(*items[i].view, items[i].facts)
                              : create_function_sql(*items[i].function));
  }

  // An index on a partitioned table attaches the partitions' matching indexes instead of
  // creating new ones, so the deepest partitions' indexes come first.
  void indexes() {
    auto depth = [&](const QualifiedName& table) {
      int d = 0;
      for (const Relation* r = catalog_.relation(table); r && r->partition_of; r = catalog_.relation(*r->partition_of))
        ++d;
      return d;
    };
    std::vector<std::pair<int, const Relation*>> indexes;
    for (const Relation* r : relations_)
      if ((r->kind == RelKind::Index || r->kind == RelKind::PartitionedIndex) && r->index.constraint.empty())
        indexes.push_back({-depth(r->index.table), r});
    std::stable_sort(indexes.begin(), indexes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [d, r] : indexes) statement(create_index_sql(*r));
  }

  void triggers() {
    for (const Relation* r : relations_)
      for (const auto& t : r->triggers) {
        if (trigger_from_parent(catalog_, *r, t)) continue;
        statement(create_trigger_sql(*r, t));
        if (!t.enabled) statement("ALTER TABLE " + display_name(r->name) + " DISABLE TRIGGER " + quote_ident(t.name));
      }
  }

  const Catalog& catalog_;
  std::vector<const Relation*> relations_;  // by name; every one but foreign tables
  std::vector<std::string> foreign_tables_;
  std::string out_;
};

}  // namespace

std::string schema_to_sql(const Catalog& catalog) { return SchemaScript(catalog).write(); }

}  // namespace migc
