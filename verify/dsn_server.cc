#include "verify/dsn_server.h"

#include <memory>
#include <stdexcept>

#include "verify/connection.h"
#include "verify/libpq.h"

namespace migc {

DsnServer::DsnServer(const std::string& dsn) {
  const Libpq& pq = libpq();
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(pq.conninfo_free)> options(pq.conninfo_parse(dsn.c_str(), &error),
                                                                         pq.conninfo_free);
  if (!options) {
    std::string why = error ? error : "out of memory";
    pq.freemem(error);
    throw std::runtime_error("--dsn is not a connection URL or key=value string: " + why);
  }
  for (PQconninfoOption* o = options.get(); o->keyword; ++o) {
    if (!o->val) continue;
    if (std::string(o->keyword) == "dbname") admin_ = o->val;
    else params_.emplace_back(o->keyword, o->val);
  }
  if (admin_.empty()) admin_ = "postgres";
}

std::string DsnServer::conninfo(const std::string& database) const {
  std::string out;
  for (const auto& [key, value] : params_) out += key + "=" + conninfo_quote(value) + " ";
  return out + "dbname=" + conninfo_quote(database);
}

std::string DsnServer::describe() const {
  std::string out;
  for (const auto& [key, value] : params_)
    if (key == "host" || key == "hostaddr" || key == "port" || key == "user") out += key + "=" + value + " ";
  return "the server at " + out + "dbname=" + admin_;
}

void DsnServer::wait_ready() {
  // A throwaway connection says why when it cannot connect (libpq's message has no password).
  try {
    Connection probe(conninfo(admin_));
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot connect to " + describe() + ": " + e.what());
  }
}

std::string DsnServer::keep() { return "the databases stay on " + describe() + "\n"; }

}  // namespace migc
