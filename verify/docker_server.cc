#include "verify/docker_server.h"

#include <chrono>
#include <stdexcept>
#include <thread>

#include "verify/child_process.h"
#include "verify/connection.h"
#include "verify/libpq.h"
#include "verify/server_keeper.h"

namespace migc {

namespace {

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string last_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text.substr(text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1);
}

ProgramResult docker(const std::string& program, std::vector<std::string> args) {
  args.insert(args.begin(), program);
  return run_program(args);
}

}  // namespace

DockerServer::DockerServer(int major) {
  auto program = find_program("docker");
  if (!program) throw std::runtime_error("--docker: the docker program is not installed");
  docker_ = program->string();
  ProgramResult engine = docker(docker_, {"version", "--format", "{{.Server.Version}}"});
  if (engine.exit_code != 0)
    throw std::runtime_error("--docker: no Docker engine answers (docker version: " + first_line(engine.output) + ")");
  std::vector<std::string> run = {"run", "--detach", "--rm", "--env", "POSTGRES_HOST_AUTH_METHOD=trust",
                                  "--publish", "127.0.0.1::5432", "postgres:" + std::to_string(major)};
  for (const auto& setting : throwaway_server_settings()) {
    run.push_back("-c");
    run.push_back(setting);
  }
  ProgramResult started = docker(docker_, run);
  if (started.exit_code != 0)
    throw std::runtime_error("--docker: cannot start postgres:" + std::to_string(major) + ": " + started.output);
  container_ = last_line(started.output);  // after any image pull progress
  cleanup_.emplace([this] { docker(docker_, {"rm", "--force", container_}); });
  ProgramResult port = docker(docker_, {"port", container_, "5432/tcp"});
  std::string mapping = first_line(port.output);
  if (port.exit_code != 0 || mapping.rfind(':') == std::string::npos)
    throw std::runtime_error("--docker: cannot tell which port the container listens on: " + port.output);
  port_ = mapping.substr(mapping.rfind(':') + 1);
}

DockerServer::~DockerServer() { stop(); }

void DockerServer::stop() {
  if (cleanup_) cleanup_->run();
}

void DockerServer::wait_ready() {
  // The image's entrypoint runs initdb and a first server on a socket only; TCP answers once
  // the real server is up.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (libpq().ping(conninfo(admin_database()).c_str()) != PQPING_OK) {
    if (std::chrono::steady_clock::now() > deadline)
      throw std::runtime_error("--docker: the container's server did not accept connections within 120 s");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

std::string DockerServer::conninfo(const std::string& database) const {
  return "host=127.0.0.1 port=" + port_ + " user=postgres dbname=" + conninfo_quote(database);
}

std::string DockerServer::describe() const { return "Docker container " + container_.substr(0, 12); }

std::string DockerServer::keep() {
  if (cleanup_) cleanup_->dismiss();
  return "the container keeps running\n  connect: psql \"host=127.0.0.1 port=" + port_ +
         " user=postgres dbname=<database>\"\n  stop it: docker rm -f " + container_.substr(0, 12) + "\n";
}

}  // namespace migc
