#include "verify/setup_script.h"

#include <stdexcept>

#include <fmt/format.h>

#include "compiler/sql_split.h"
#include "verify/apply.h"
#include "verify/file_tree.h"

namespace fs = std::filesystem;

namespace migc {

SetupScript::SetupScript(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) throw std::runtime_error("cannot read --setup " + file.string());
  file_ = std::make_shared<SourceFile>(file.string(), file.string(), read_text(file));
  const std::string& text = file_->text();
  for (const Statement& s : split_sql(text, 0, 0, static_cast<uint32_t>(text.size()))) {
    uint32_t begin = skip_blank_and_comments(text, s.begin, s.end);
    if (begin < s.end) statements_.emplace_back(begin, end_of_code(text, begin, s.end));
  }
}

void SetupScript::run(Connection& db, SetupResult& result) const {
  for (const auto& [begin, end] : statements_) {
    std::string sql = file_->text().substr(begin, end - begin);
    try {
      db.exec(sql);
      result.applied.push_back(std::move(sql));
    } catch (const SqlError& e) {
      result.errors.push_back(fmt::format("{}:{}: {}", file_->display_path(), file_->position(begin).line,
                                          parse_server_error(e.what()).message));
    }
  }
}

}  // namespace migc
