// libpq, loaded the first time verify needs a connection. Linking it would load libpq and the
// TLS, Kerberos and LDAP libraries it depends on at every start of migc, which costs more than
// most `migc lint` runs take; only verify talks to a server.
#pragma once
#include <libpq-fe.h>

namespace migc {

struct Libpq {
  decltype(&PQconnectdb) connectdb;
  decltype(&PQstatus) status;
  decltype(&PQerrorMessage) error_message;
  decltype(&PQsetNoticeProcessor) set_notice_processor;
  decltype(&PQfinish) finish;
  decltype(&PQexec) exec;
  decltype(&PQresultStatus) result_status;
  decltype(&PQresultErrorMessage) result_error_message;
  decltype(&PQresultErrorField) result_error_field;
  decltype(&PQntuples) ntuples;
  decltype(&PQnfields) nfields;
  decltype(&PQgetisnull) getisnull;
  decltype(&PQgetvalue) getvalue;
  decltype(&PQclear) clear;
  decltype(&PQconninfoParse) conninfo_parse;
  decltype(&PQconninfoFree) conninfo_free;
  decltype(&PQfreemem) freemem;
  decltype(&PQping) ping;
};

// The loaded library; throws std::runtime_error saying what is missing when it cannot be loaded.
const Libpq& libpq();

}  // namespace migc
