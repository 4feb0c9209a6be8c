#include "verify/databases.h"

#include <random>

#include <fmt/format.h>

#include "verify/connection.h"

namespace migc {

namespace {

// A database name as a quoted SQL identifier.
std::string quote_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

Databases::Databases(Server& server) : server_(server) {
  Connection admin(server.conninfo(server.admin_database()));
  version_ = std::stoi(admin.value("SHOW server_version_num"));
  create_options_ = " TEMPLATE template0";
  // FILE_COPY skips WAL-logging the copy: the fastest way on a server nobody else uses.
  if (server.throwaway() && version_ >= 150000) create_options_ += " STRATEGY FILE_COPY";
  if (server.throwaway()) {
    prefix_ = "migc_";
  } else {
    prefix_ = fmt::format("migc_verify_{:08x}_", std::random_device{}());
    cleanup_.emplace([this] { drop_all(); });
  }
}

Databases::~Databases() {
  if (cleanup_) cleanup_->run();
}

std::string Databases::create(const std::string& purpose) {
  std::string name = prefix_ + purpose;
  {
    std::lock_guard lock(mutex_);
    created_.push_back(name);  // before creating: an interrupted CREATE still gets its DROP
  }
  Connection admin(server_.conninfo(server_.admin_database()));
  admin.exec("CREATE DATABASE " + quote_identifier(name) + create_options_);
  return name;
}

void Databases::drop_all() {
  if (server_.throwaway()) return;
  std::vector<std::string> names;
  {
    std::lock_guard lock(mutex_);
    names.swap(created_);
  }
  if (names.empty()) return;
  try {
    Connection admin(server_.conninfo(server_.admin_database()));
    // FORCE (13+) ends connections still open, e.g. when Ctrl-C interrupted a check.
    std::string force = version_ >= 130000 ? " WITH (FORCE)" : "";
    for (const auto& name : names) admin.exec("DROP DATABASE IF EXISTS " + quote_identifier(name) + force);
  } catch (const std::exception&) {
    // The server went away: nothing more can be done from here.
  }
}

void Databases::keep() {
  if (cleanup_) cleanup_->dismiss();
}

}  // namespace migc
