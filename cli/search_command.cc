// `newsfacet search --index INDEX_DIR "query"`: the engine from a terminal
// or a script, with the same validation and JSON as GET /api/search.
#include <unistd.h>

#include <cstdio>
#include <map>

#include "cli/commands.h"
#include "searcher/response_json.h"
#include "searcher/search_engine.h"

namespace newsfacet {
namespace {

constexpr char kUsage[] = R"(Usage: newsfacet search --index INDEX_DIR [QUERY] [options]

Searches the index and prints the best matches with snippets and facet
counts, or with --json exactly what GET /api/search returns
(schemas/api/search.schema.json).

QUERY: words (stemmed, accents ignored), "exact phrases", AND OR NOT,
-exclude, +require, NEAR, wildcards (kremli*), title:word, and the fields
person:"Andrei Karlov", org:"Merrill Lynch" (or organisation:), country:TR,
event:assassination. No query: every
article the filters select, newest first.

Options:
  --index DIR        the index to search
  --person NAME      only articles about this person (any spelling, or the id)
  --org NAME         only articles naming this organisation (any spelling, or
                     the id: "Merrill Lynch & Co", "merrill-lynch")
  --country CODE     only articles about this country (ISO code or English name)
  --event ID         only articles about this kind of event
                     (each of these may repeat: values of one are OR'd)
  --from YYYY-MM-DD  only articles from this day on (YYYY-MM and YYYY work too)
  --to YYYY-MM-DD    only articles up to this day
  --sort ORDER       relevance, date (oldest first) or -date (newest first)
  --limit N          hits to show, 0 to 100 (default 10)
  --offset N         hits to skip first (default 0)
  --facets LIST      facets to count: people,organisations,countries,events
                     (default all)
  --json             print the JSON response
  --help             show this help

Exit status: 0 articles matched; 1 none did; 2 error (bad arguments, an
unusable index).
)";

// Flags and the request parameter each one sets.
const std::map<std::string, std::string> kOptionParams = {
    {"--person", "person"}, {"--org", "org"},       {"--country", "country"}, {"--event", "event"},
    {"--from", "from"},     {"--to", "to"},         {"--sort", "sort"},       {"--limit", "limit"},
    {"--offset", "offset"}, {"--facets", "facets"}, {"--facet-limit", "facet_limit"}};

struct SearchArgs {
  std::string index;
  bool json = false;
  bool help = false;
  RequestParams params;
};

// Like CommandLine, but options may repeat; positional words make the query.
Status ParseArgs(const std::vector<std::string>& args, SearchArgs* parsed) {
  std::string query;
  bool only_positional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_positional || arg.size() < 2 || arg[0] != '-') {
      query += (query.empty() ? "" : " ") + arg;
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg, value;
    bool has_value = false;
    if (size_t equals = arg.find('='); equals != std::string::npos) {
      name = arg.substr(0, equals);
      value = arg.substr(equals + 1);
      has_value = true;
    }
    if (name == "--json" || name == "--help") {
      if (has_value) return Status::Error(name + " takes no value");
      (name == "--json" ? parsed->json : parsed->help) = true;
      continue;
    }
    const bool is_index = name == "--index";
    auto param = kOptionParams.find(name);
    if (!is_index && param == kOptionParams.end()) return Status::Error("unknown option " + name);
    if (!has_value) {
      if (i + 1 >= args.size()) return Status::Error(name + " needs a value");
      value = args[++i];
    }
    if (is_index) {
      parsed->index = value;
    } else {
      parsed->params.emplace_back(param->second, value);
    }
  }
  if (!query.empty()) parsed->params.emplace_back("q", query);
  return Status::Ok();
}

// Snippet HTML as terminal text: marks in bold on a terminal, dropped otherwise.
std::string TerminalText(const std::string& html, bool bold) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  std::string text;
  for (size_t i = 0; i < html.size();) {
    if (html.compare(i, 6, "<mark>") == 0) {
      if (bold) text += "\033[1m";
      i += 6;
      continue;
    }
    if (html.compare(i, 7, "</mark>") == 0) {
      if (bold) text += "\033[0m";
      i += 7;
      continue;
    }
    bool replaced = false;
    for (const auto& [entity, character] : kEntities) {
      size_t length = std::char_traits<char>::length(entity);
      if (html.compare(i, length, entity) == 0) {
        text += character;
        i += length;
        replaced = true;
        break;
      }
    }
    if (!replaced) text += html[i++];
  }
  return text;
}

void PrintText(const SearchResponse& response) {
  const bool bold = ::isatty(STDOUT_FILENO);
  const MatchTotal& total = response.total;
  std::printf("%s%u article%s match", total.exact ? "" : "about ", total.value, total.value == 1 ? "" : "s");
  if (!response.query.empty()) std::printf(" \"%s\"", response.query.c_str());
  if (!response.hits.empty()) {
    std::printf(" (showing %d-%zu, by %s)", response.offset + 1, response.offset + response.hits.size(),
                response.sort == "relevance" ? "relevance" : response.sort == "date" ? "date, oldest first" : "date, newest first");
  }
  std::printf("\n");
  for (const std::string& note : response.notes) std::printf("Note: %s\n", note.c_str());
  if (!response.suggestion.empty()) std::printf("Did you mean: %s\n", response.suggestion.c_str());
  int rank = response.offset;
  for (const Hit& hit : response.hits) {
    std::printf("\n%3d. %s\n", ++rank, TerminalText(hit.title_html, bold).c_str());
    std::printf("     %s%s%s  [%s]\n", hit.date.substr(0, 10).c_str(), hit.date.empty() || hit.source.empty() ? "" : " · ",
                hit.source.c_str(), hit.id.c_str());
    if (!hit.snippet.empty()) std::printf("     %s\n", TerminalText(hit.snippet, bold).c_str());
  }
  for (Facet facet : kAllFacets) {
    if (!At(response.has_facet, facet) || At(response.facets, facet).values.empty()) continue;
    std::string line;
    for (const FacetValue& value : At(response.facets, facet).values) {
      line += (line.empty() ? "" : ", ") + value.label + " (" + std::to_string(value.count) + ")";
    }
    std::string name(FacetName(facet));
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    std::printf("\n%s: %s", name.c_str(), line.c_str());
  }
  std::printf("\n");
}

}  // namespace

int RunSearchCommand(const std::vector<std::string>& args) {
  SearchArgs parsed;
  Status status = ParseArgs(args, &parsed);
  if (status.ok() && parsed.help) {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (status.ok() && parsed.index.empty()) status = Status::Error("missing --index INDEX_DIR");
  SearchRequest request;
  if (status.ok()) {
    if (MaybeError error = ParseSearchRequest(parsed.params, &request)) status = Status::Error(error->message);
  }
  std::unique_ptr<SearchEngine> engine;
  if (status.ok()) status = SearchEngine::Open(EngineOptions{parsed.index, {}}, &engine);
  SearchResponse response;
  if (status.ok()) {
    for (const std::string& warning : engine->warnings()) std::fprintf(stderr, "newsfacet search: warning: %s\n", warning.c_str());
    if (MaybeError error = engine->Search(request, &response)) status = Status::Error(error->message);
  }
  if (!status.ok()) {
    std::fprintf(stderr, "newsfacet search: %s\n", status.message().c_str());
    return kExitError;
  }
  if (parsed.json) {
    std::string text = DumpJson(SearchResponseJson(response)) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    PrintText(response);
  }
  if (std::fflush(stdout) != 0) return kExitError;
  return response.total.value > 0 ? kExitOk : kExitSomeFailed;
}

}  // namespace newsfacet
