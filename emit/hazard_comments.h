// The hazard annotations deploy.sql puts above a statement, e.g.
// "-- !! lock: ACCESS EXCLUSIVE on public.users (blocks reads and writes)".
#pragma once
#include <string>
#include <vector>

#include "analyzer/replay.h"

namespace migc {

// Only what matters to whoever runs the script: nothing about objects the same migration
// created a moment earlier, no lock weaker than SHARE (those let reads and writes go on), and
// no brief lock on a relation of this build that the statement neither scans nor rewrites, and
// no scan that runs under a lock letting writes go on (CREATE INDEX CONCURRENTLY).
std::vector<std::string> hazard_comment_lines(const StatementAnalysis& analysis);

}  // namespace migc
