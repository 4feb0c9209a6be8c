#include "verify/connection.h"

#include "verify/libpq.h"

namespace migc {

namespace {

// libpq's messages end with a newline.
std::string trimmed(const char* message) {
  std::string out = message ? message : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace

Connection::Connection(const std::string& conninfo) {
  const Libpq& pq = libpq();
  conn_ = pq.connectdb(conninfo.c_str());
  if (!conn_) throw ConnectionError("out of memory");
  if (pq.status(conn_) != CONNECTION_OK) {
    std::string why = trimmed(pq.error_message(conn_));
    pq.finish(conn_);
    throw ConnectionError(why);
  }
  pq.set_notice_processor(conn_, [](void*, const char*) {}, nullptr);
}

Connection::~Connection() { libpq().finish(conn_); }

std::string Connection::run(const std::string& sql, bool first_value) {
  const Libpq& pq = libpq();
  std::unique_ptr<PGresult, decltype(pq.clear)> result(pq.exec(conn_, sql.c_str()), pq.clear);
  if (!result || pq.status(conn_) != CONNECTION_OK) throw ConnectionError(trimmed(pq.error_message(conn_)));
  ExecStatusType status = pq.result_status(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    // The server's errors carry a SQLSTATE; libpq's own (a lost connection) do not.
    if (!pq.result_error_field(result.get(), PG_DIAG_SQLSTATE))
      throw ConnectionError(trimmed(pq.result_error_message(result.get())));
    throw SqlError(pq.result_error_message(result.get()));
  }
  if (!first_value || pq.ntuples(result.get()) == 0 || pq.nfields(result.get()) == 0 ||
      pq.getisnull(result.get(), 0, 0))
    return "";
  return pq.getvalue(result.get(), 0, 0);
}

std::string conninfo_quote(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace migc
