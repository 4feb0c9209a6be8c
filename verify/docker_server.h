// --docker: a throwaway server in a container of the official postgres:<major> image, reached
// over a loopback port Docker picks, removed with `docker rm -f` at the end. Unlike the local
// cluster it cannot outlive a kill -9 of migc cleanly: the container keeps running then.
#pragma once
#include <optional>
#include <string>

#include "verify/interrupt.h"
#include "verify/server.h"

namespace migc {

class DockerServer : public Server {
 public:
  // Throws std::runtime_error when no Docker engine answers or the container cannot start.
  explicit DockerServer(int major);
  ~DockerServer() override;

  void wait_ready() override;
  std::string conninfo(const std::string& database) const override;
  std::string admin_database() const override { return "postgres"; }
  bool throwaway() const override { return true; }
  std::string describe() const override;
  std::string keep() override;
  void stop() override;

 private:
  std::string docker_;     // the docker program
  std::string container_;  // its id
  std::string port_;       // on 127.0.0.1
  std::optional<Cleanup> cleanup_;
};

}  // namespace migc
