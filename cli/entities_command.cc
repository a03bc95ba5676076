// `newsfacet entities --index INDEX_DIR --facet people`: a facet's values
// and how many articles have each, as GET /api/facets/{facet} answers.
#include <cstdio>

#include "common/command_line.h"
#include "cli/commands.h"
#include "searcher/response_json.h"
#include "searcher/search_engine.h"

namespace newsfacet {
namespace {

constexpr char kUsage[] = R"(Usage: newsfacet entities --index INDEX_DIR --facet FACET [options]

Lists the values of one facet (people, organisations, countries or events) with the number
of articles that have each, most frequent first. With --json, prints what
GET /api/facets/FACET returns (schemas/api/entities.schema.json).

Options:
  --index DIR    the index
  --facet FACET  people, organisations, countries or events
  --prefix TEXT  only values with a word starting with TEXT ("erdo", "tur")
  --limit N      values to list, 1 to 100 (default 20)
  --json         print JSON
  --help         show this help

Exit status: 0 values listed; 1 none; 2 error (bad arguments, an unusable
index).
)";

}  // namespace

int RunEntitiesCommand(const std::vector<std::string>& args) {
  CommandLine command_line;
  Status status =
      CommandLine::Parse(args, {"--help", "--json"}, {"--index", "--facet", "--prefix", "--limit"}, &command_line);
  if (status.ok() && command_line.Has("--help")) {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (status.ok() && !command_line.Value("--index")) status = Status::Error("missing --index INDEX_DIR");
  if (status.ok() && !command_line.Value("--facet")) status = Status::Error("missing --facet people|organisations|countries|events");
  if (status.ok() && !command_line.positional().empty()) status = Status::Error("unexpected argument " + command_line.positional()[0]);
  std::optional<Facet> facet;
  if (status.ok()) {
    facet = ParseFacet(*command_line.Value("--facet"));
    if (!facet) {
      status = Status::Error("unknown facet '" + *command_line.Value("--facet") +
                             "': use people, organisations, countries or events");
    }
  }
  FacetValuesRequest request;
  if (status.ok()) {
    RequestParams params = {{"limit", command_line.Value("--limit").value_or("20")}};
    if (command_line.Value("--prefix")) params.emplace_back("prefix", *command_line.Value("--prefix"));
    if (MaybeError error = ParseFacetValuesRequest(*facet, params, &request)) status = Status::Error(error->message);
  }
  std::unique_ptr<SearchEngine> engine;
  if (status.ok()) status = SearchEngine::Open(EngineOptions{*command_line.Value("--index"), {}}, &engine);
  FacetValuesResponse response;
  if (status.ok()) {
    if (MaybeError error = engine->FacetValues(request, &response)) status = Status::Error(error->message);
  }
  if (!status.ok()) {
    std::fprintf(stderr, "newsfacet entities: %s\n", status.message().c_str());
    return kExitError;
  }
  if (command_line.Has("--json")) {
    std::string text = DumpJson(FacetValuesJson(response)) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    for (const FacetValue& value : response.result.values) {
      std::printf("%7u  %s%s\n", value.count, value.label.c_str(),
                  value.label == value.id ? "" : ("  (" + value.id + ")").c_str());
    }
    if (response.result.values.empty()) std::fprintf(stderr, "newsfacet entities: no %s in this index\n", std::string(FacetName(*facet)).c_str());
  }
  if (std::fflush(stdout) != 0) return kExitError;
  return response.result.values.empty() ? kExitSomeFailed : kExitOk;
}

}  // namespace newsfacet
