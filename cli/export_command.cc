// `newsfacet export --index INDEX_DIR`: one JSON line per article.
#include <algorithm>
#include <set>
#include <cstdio>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "cli/commands.h"
#include "cli/index_command_line.h"
#include "schemas/store/stored_article.h"
#include "indexer/entities/surname_resolver.h"
#include "schemas/store/index_directory.h"

namespace newsfacet {
namespace {

constexpr char kUsage[] = R"(Usage: newsfacet export --index INDEX_DIR [--body]

Writes every article in the index as one JSON object per line on stdout:
{"id", "title", "date", "url", "source", "authors", "language", "path", "line",
"people", "countries", "events", "organisations"} (schemas/export.schema.json), plus "body"
with --body. Each entity carries its mention count in the article; a person the article
gives a title carries it as "role" ("Federal Reserve Chairman"). Articles come in index
order, shard by shard. Can run while an indexer writes; it sees the last commit.

Exit status: 0 done; 2 the index cannot be opened.
)";

}  // namespace

int RunExportCommand(const std::vector<std::string>& args) {
  CommandLine command_line;
  if (std::optional<int> exit = ParseIndexCommandLine("export", kUsage, args, {"--body"}, {}, &command_line)) {
    return *exit;
  }
  IndexManifest manifest;
  Status status = ReadIndexManifest(*command_line.Value("--index"), &manifest);
  if (!status.ok()) return ReportFailure("export", status);
  const bool with_body = command_line.Has("--body");
  try {
    Xapian::Database db(*command_line.Value("--index"));
    const SurnameResolutions resolutions = LoadSurnameResolutions(db);
    const std::set<std::string> not_people = LoadNotPeople(db);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      // The stored data is the export record (schemas/index_layout.h), less
      // the body unless asked for, and less indexer bookkeeping.
      nlohmann::json line = nlohmann::json::parse(LoadArticleJson(db.get_document(*it)), nullptr, false);
      if (!line.is_object()) {
        std::fprintf(stderr, "newsfacet export: document %u has damaged data; skipped\n", *it);
        continue;
      }
      if (!with_body) line.erase("body");
      const nlohmann::json stored_people = line.value("people", nlohmann::json::array());
      const bool names_organisation = std::any_of(stored_people.begin(), stored_people.end(), [&](const nlohmann::json& p) {
        return p.is_object() && not_people.count(p.value("id", ""));
      });
      if (line.contains("unresolved_surnames") || names_organisation) {
        // Lone surnames the index now resolves join the article's people;
        // names the index holds as organisations leave them.
        ArticleEntities entities = LoadStoredArticle(db.get_document(*it)).entities;
        ApplySurnameResolutions(resolutions, entities, [&](const std::string& id) { return DisplayName(db, id); });
        nlohmann::json people = nlohmann::json::array();
        for (const PersonMention& p : entities.people) {
          if (not_people.count(p.id)) continue;
          nlohmann::json person = {{"id", p.id}, {"name", p.name}, {"mentions", p.mentions}};
          if (!p.role.empty()) person["role"] = p.role;
          people.push_back(std::move(person));
        }
        line["people"] = people;
        line.erase("unresolved_surnames");
      }
      std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      text.push_back('\n');
      std::fwrite(text.data(), 1, text.size(), stdout);
    }
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "newsfacet export: cannot read index %s: %s\n", command_line.Value("--index")->c_str(),
                 e.get_description().c_str());
    return kExitError;
  }
  return std::fflush(stdout) == 0 ? kExitOk : kExitError;
}

}  // namespace newsfacet
