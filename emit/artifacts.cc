#include "emit/artifacts.h"

#include "emit/deploy_sql.h"
#include "emit/graph.h"
#include "emit/plan_json.h"
#include "emit/rollback_sql.h"

namespace migc {

std::map<std::string, std::string> build_artifacts(const Compilation& c, const EmitOptions& options) {
  std::map<std::string, std::string> out{
      {"deploy.sql", emit_deploy_sql(c, options)},
      {"plan.json", emit_plan_json(c)},
      {"graph.mmd", emit_graph_mermaid(c)},
      {"graph.dot", emit_graph_dot(c)},
  };
  if (options.rollback) out.emplace("rollback.sql", emit_rollback_sql(c, options));
  return out;
}

}  // namespace migc
