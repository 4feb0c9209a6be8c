#include <iostream>
#include <memory>

#include "cli/command.h"
#include "emit/schema_json.h"
#include "emit/schema_sql.h"

namespace migc {

Command add_schema_command(CLI::App& parent) {
  struct SchemaFlags {
    CommonFlags common;
    std::string format = "sql";
  };
  auto f = std::make_shared<SchemaFlags>();
  CLI::App* cmd = parent.add_subcommand("schema", "print the schema the migrations build, as SQL DDL or JSON");
  add_common_flags(cmd, f->common);
  cmd->add_option("--format", f->format, "sql or json")->check(CLI::IsMember({"sql", "json"}));
  return {cmd, [f](const Config& cfg) {
            CompileOptions options = compile_options(f->common, cfg);
            options.parse.down = false;  // only the up parts build the schema
            Compilation c = compile(options);
            print_warnings(c.set);
            std::cout << (f->format == "json" ? schema_json_text(c.analysis.catalog) : schema_to_sql(c.analysis.catalog));
            return 0;
          }};
}

}  // namespace migc
