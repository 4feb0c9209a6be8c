#include <iostream>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/command.h"
#include "verify/checks.h"
#include "verify/docker_server.h"
#include "verify/dsn_server.h"
#include "verify/interrupt.h"
#include "verify/local_server.h"
#include "verify/report.h"

namespace migc {

namespace {

struct VerifyFlags {
  CommonFlags common;
  bool docker = false;
  std::string dsn, pg_bin, server_user = "postgres", encoding = "UTF8", locale = "C";
  std::vector<std::string> setup;
  bool no_predicted = false, no_source_order = false, rollback = false, update_expect = false;
  std::string expect;
  size_t orders = 0;
  uint64_t seed = 1;
  bool keep = false, timings = false;
  std::string format = "text";
};

std::unique_ptr<Server> start_server(const VerifyFlags& f, int target_major) {
  if (!f.dsn.empty()) return std::make_unique<DsnServer>(f.dsn);
  if (f.docker) return std::make_unique<DockerServer>(target_major);
  return std::make_unique<LocalServer>(
      LocalServerOptions{f.pg_bin, f.server_user, ClusterSettings{f.encoding, f.locale}});
}

VerifyOptions verify_options(const VerifyFlags& f, const CompileOptions& compiled) {
  VerifyOptions o;
  o.analyze = compiled.analyze;
  o.predicted = !f.no_predicted;
  o.source_order = !f.no_source_order;
  if (!f.expect.empty()) o.expect = f.expect;
  o.update_expect = f.update_expect;
  o.rollback = f.rollback;
  o.orders = f.orders;
  o.seed = f.seed;
  for (const auto& s : f.setup) o.setup.emplace_back(s);
  return o;
}

int run_verify(const VerifyFlags& f, const Config& cfg) {
  if (f.update_expect && f.expect.empty()) usage_error("--update-expect needs --expect FILE");
  CompileOptions options = compile_options(f.common, cfg);
  options.parse.down = f.rollback;  // only --rollback reads the down parts
  int target_major = options.parse.pg_version_num / 10000;
  take_termination_signals();

  Timings timings;
  // The server boots in the background while the compiler runs.
  auto server_since = Timings::Clock::now();
  std::unique_ptr<Server> server = start_server(f, target_major);
  Compilation c = timings.measure("compile", [&] { return compile(options); });
  print_warnings(c.set);
  server->wait_ready();
  timings.add("start server (" + server->describe() + ")", server_since);
  if (auto* local = dynamic_cast<LocalServer*>(server.get()); local && local->install().major != target_major)
    std::cerr << fmt::format("migc: warning: verifying on PostgreSQL {} for a PostgreSQL {} target (--pg-bin, --docker)\n",
                             local->install().major, target_major);

  std::optional<Databases> databases;
  databases.emplace(*server);
  VerifyReport report;
  {
    Progress progress(f.format == "text" && ::isatty(2));
    report = run_checks(c, *server, *databases, verify_options(f, options), progress, timings);
  }
  for (const auto& w : report.warnings) std::cerr << "migc: warning: " << w << "\n";
  if (f.format == "text")
    for (const auto& check : report.checks)
      if (check.failure) std::cerr << format_diagnostic(*check.failure);
  std::string kept;
  if (f.keep) {
    databases->keep();
    kept = server->keep() + "  databases: " + fmt::format("{}", fmt::join(databases->created(), ", ")) + "\n";
  } else {
    timings.measure("drop databases, stop the server", [&] {
      databases.reset();
      server->stop_in_background();
    });
  }

  if (f.format == "json") {
    nlohmann::json out = report_json(report);
    out["server"] = server->describe();
    out["migrations"] = c.plan.order.size();
    if (f.timings) out["timings"] = timings.json();
    if (f.keep) out["kept"] = kept;
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << fmt::format("migc: verify {} {} migrations on {}\n", c.plan.order.size(), format_name(c.set.format),
                             server->describe())
              << report_text(report) << kept;
    if (f.timings) std::cerr << timings.text();
  }
  return report.ok() ? 0 : 1;
}

}  // namespace

Command add_verify_command(CLI::App& parent) {
  auto f = std::make_shared<VerifyFlags>();
  CLI::App* cmd = parent.add_subcommand(
      "verify", "apply the compiled migrations to a throwaway PostgreSQL and compare the real schema with the prediction");
  add_common_flags(cmd, f->common);
  auto* docker = cmd->add_flag("--docker", f->docker, "run the server in a Docker container (postgres:<major>)");
  auto* dsn = cmd->add_option("--dsn", f->dsn, "use this server: create and drop uniquely named databases there");
  docker->excludes(dsn);
  cmd->add_option("--pg-bin", f->pg_bin, "folder with initdb and postgres (default: pg_config --bindir)");
  cmd->add_option("--server-user", f->server_user, "the user the local server runs as when migc runs as root")
      ->capture_default_str();
  cmd->add_option("--encoding", f->encoding, "the local cluster's encoding")->capture_default_str();
  cmd->add_option("--locale", f->locale, "the local cluster's locale")->capture_default_str();
  cmd->add_option("--setup", f->setup, "SQL file run in every database before the migrations (repeatable)");
  cmd->add_flag("--no-predicted", f->no_predicted, "do not compare with the analyzer's predicted schema");
  cmd->add_flag("--no-source-order", f->no_source_order, "do not compare with the source tool's own order");
  cmd->add_option("--expect", f->expect, "compare with this committed snapshot (JSON)");
  cmd->add_flag("--update-expect", f->update_expect, "write the snapshot to the --expect file instead");
  cmd->add_flag("--rollback", f->rollback, "also roll back and compare with the state before deploying");
  cmd->add_option("--orders", f->orders, "also apply N other valid orders and compare");
  cmd->add_option("--seed", f->seed, "seed for picking the other orders")->capture_default_str();
  cmd->add_flag("--keep", f->keep, "leave the server and its databases running and print how to connect");
  cmd->add_flag("--timings", f->timings, "print how long each phase took");
  cmd->add_option("--format", f->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return {cmd, [f](const Config& cfg) { return run_verify(*f, cfg); }};
}

}  // namespace migc
