// Measures the event facet against the hand-judged articles of
// tests/data/events_eval.jsonl (judging rules in tests/data/events_eval.md).
//
//   event_eval EVAL.jsonl CORPORA_DIR [--split tune|test|all] [--list]
//       precision of the salient events per type and overall, on the
//       articles of the split; recall of the judged events; the miss rate on
//       the no-event half (judged events the detector does not report)
//   event_eval --explain CORPORA_DIR CORPUS/ID...
//       every trigger match and score behind the events of the articles
//       ("reuters/reuters-1280", "bbc/tech/320.txt")
//   event_eval --coverage [--list] REUTERS_STORY.jsonl...
//       salient events per type over every story, and how many stories with
//       a results table ("Shr ... vs") or a takeover headline get earnings or
//       acquisition; --list prints on stderr the headlines of the stories
//       given `agreement` and of the takeover headlines without `acquisition`
//
// Articles are read by the indexer's own readers and run through the whole
// entity extractor, as an index run would. Prints one JSON object; with
// --list, also every wrong or missed event, one line each, on stderr.
#include <algorithm>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "indexer/readers/article_file_reader.h"
#include "analysis/data_files.h"
#include "indexer/entities/entity_extractor.h"
#include "indexer/entities/token_stream.h"

using namespace newsfacet;
using Json = nlohmann::json;

namespace {

constexpr uint64_t kMaxBytes = 64ull << 20;

struct Judged {
  std::string corpus, id, half, split;
  std::set<std::string> events;
};

struct Counts {
  int correct = 0, wrong = 0;
  Json ToJson() const {
    const int total = correct + wrong;
    return {{"precision", total ? std::round(1000.0 * correct / total) / 10 : 0.0}, {"correct", correct}, {"reported", total}};
  }
};

std::set<std::string> SalientEvents(const EntityExtractor& extractor, const Article& article) {
  std::set<std::string> ids;
  for (const EventMention& event : extractor.Extract(article).events) {
    if (event.salient) ids.insert(event.id);
  }
  return ids;
}

// Calls `on_article` with each named article ("bbc/tech/320.txt",
// "reuters/reuters-1280") found in the corpora, with its name.
void ReadNamed(const std::filesystem::path& corpora, const std::set<std::string>& names,
               const std::function<void(const std::string&, const Article&)>& on_article) {
  std::set<std::string> reuters_ids;
  for (const std::string& name : names) {
    if (name.rfind("bbc/", 0) == 0) {
      const std::string id = name.substr(4);
      ReadArticleFile(corpora / "bbc" / id, id, FileFormat::kText, kMaxBytes, [&](Article&& read) { on_article(name, read); });
    } else if (name.rfind("reuters/", 0) == 0) {
      reuters_ids.insert(name.substr(8));
    }
  }
  if (reuters_ids.empty()) return;
  for (int file = 0; file < 22; ++file) {
    char file_name[32];
    std::snprintf(file_name, sizeof file_name, "reuters-%03d.jsonl", file);
    ReadArticleFile(corpora / "reuters21578" / file_name, file_name, FileFormat::kJsonLines, kMaxBytes, [&](Article&& read) {
      if (reuters_ids.count(read.id)) on_article("reuters/" + read.id, read);
    });
  }
}

// The detector's events for every judged article, read from the corpora.
std::map<std::string, std::set<std::string>> DetectJudged(const std::vector<Judged>& judged,
                                                          const std::filesystem::path& corpora,
                                                          const EntityExtractor& extractor) {
  std::map<std::string, std::set<std::string>> found;  // corpus + "/" + id -> events
  std::set<std::string> names;
  for (const Judged& article : judged) names.insert(article.corpus + "/" + article.id);
  ReadNamed(corpora, names, [&](const std::string& name, const Article& article) { found[name] = SalientEvents(extractor, article); });
  return found;
}

int Evaluate(const EntityModel& model, const std::string& eval_path, const std::filesystem::path& corpora,
             const std::string& split, bool list) {
  std::vector<Judged> judged;
  std::ifstream in(eval_path);
  for (std::string line; std::getline(in, line);) {
    Json entry = Json::parse(line, nullptr, false);
    if (!entry.is_object()) continue;
    if (split != "all" && entry.value("split", "") != split) continue;
    judged.push_back({entry.value("corpus", ""), entry.value("id", ""), entry.value("half", ""), entry.value("split", ""),
                      entry.value("events", Json::array()).get<std::set<std::string>>()});
  }
  if (judged.empty()) {
    std::cerr << "event_eval: no judged articles in " << eval_path << " (split " << split << ")\n";
    return 2;
  }
  EntityExtractor extractor(model);
  const auto found = DetectJudged(judged, corpora, extractor);
  std::map<std::string, Counts> by_type;
  Counts overall;
  int judged_events = 0, recalled = 0, quiet_half_events = 0, quiet_half_missed = 0, unread = 0;
  for (const Judged& article : judged) {
    auto it = found.find(article.corpus + "/" + article.id);
    if (it == found.end()) {
      ++unread;
      continue;
    }
    for (const std::string& event : it->second) {
      const bool right = article.events.count(event) > 0;
      (right ? by_type[event].correct : by_type[event].wrong)++;
      (right ? overall.correct : overall.wrong)++;
      if (!right && list) std::cerr << "wrong  " << event << "  " << article.corpus << "/" << article.id << "\n";
    }
    for (const std::string& event : article.events) {
      const bool hit = it->second.count(event) > 0;
      ++judged_events;
      recalled += hit;
      if (article.half == "no_event") {
        ++quiet_half_events;
        quiet_half_missed += !hit;
      }
      if (!hit && list) std::cerr << "missed " << event << "  " << article.corpus << "/" << article.id << "\n";
    }
  }
  Json types = Json::object();
  for (const auto& [event, counts] : by_type) types[event] = counts.ToJson();
  Json result = {{"split", split}, {"articles", judged.size() - unread}, {"unread", unread},
                 {"overall", overall.ToJson()}, {"by_type", types},
                 {"recall", judged_events ? std::round(1000.0 * recalled / judged_events) / 10 : 0.0},
                 {"judged_events", judged_events},
                 {"no_event_half_miss_rate", quiet_half_events ? std::round(1000.0 * quiet_half_missed / quiet_half_events) / 10 : 0.0},
                 {"no_event_half_judged_events", quiet_half_events}};
  std::cout << result.dump(2) << "\n";
  return unread ? 1 : 0;
}

// Reuters' own layout marks two kinds of business story without any tag:
// a results table ("Shr 1.20 dlrs vs 1.05 dlrs") and a takeover headline.
int Coverage(const EntityModel& model, const std::vector<std::string>& files, bool list) {
  static const std::regex kResultsTable(R"((^|\s)(Shr|Oper shr|Shr loss)\s[^\n]*\bvs\b)");
  static const std::regex kTakeoverTitle(R"(\b(ACQUI\w*|MERGE\w*|TAKEOVER|TENDER|BUYOUT|STAKE|TO BUY|BUYS)\b)");
  EntityExtractor extractor(model);
  std::map<std::string, int> stories_with;
  int stories = 0, results = 0, results_with_earnings = 0, takeovers = 0, takeovers_with_acquisition = 0;
  for (const std::string& file : files) {
    ReadArticleFile(file, file, FileFormat::kJsonLines, kMaxBytes, [&](Article&& article) {
      ++stories;
      const std::set<std::string> events = SalientEvents(extractor, article);
      for (const std::string& event : events) ++stories_with[event];
      if (list && events.count("agreement")) std::cerr << "agreement\t" << article.id << "\t" << article.title << "\n";
      if (std::regex_search(article.body, kResultsTable)) {
        ++results;
        results_with_earnings += events.count("earnings") > 0;
      }
      if (std::regex_search(article.title, kTakeoverTitle)) {
        ++takeovers;
        takeovers_with_acquisition += events.count("acquisition") > 0;
        if (list && !events.count("acquisition")) std::cerr << "takeover_without_acquisition\t" << article.id << "\t" << article.title << "\n";
      }
    });
  }
  auto share = [](int part, int whole) { return whole ? std::round(1000.0 * part / whole) / 10 : 0.0; };
  Json result = {{"stories", stories}, {"stories_with", stories_with},
                 {"results_table_stories", results}, {"results_table_with_earnings_pct", share(results_with_earnings, results)},
                 {"takeover_title_stories", takeovers}, {"takeover_title_with_acquisition_pct", share(takeovers_with_acquisition, takeovers)}};
  std::cout << result.dump(2) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::unique_ptr<EntityModel> model;
  if (Status status = EntityModel::Load(DataDirectory(), &model); !status.ok()) {
    std::cerr << "event_eval: " << status.message() << "\n";
    return 2;
  }
  if (args.size() >= 3 && args[0] == "--explain") {
    ReadNamed(args[1], std::set<std::string>(args.begin() + 2, args.end()), [&](const std::string& name, const Article& article) {
      std::cout << "== " << name << ": " << article.title << "\n"
                << model->events().Explain(Tokenize(article.title, article.body), {nullptr, nullptr, EventDetector::YearOf(article.date)})
                << "\n";
    });
    return 0;
  }
  if (!args.empty() && args[0] == "--coverage") {
    const bool list = args.size() > 1 && args[1] == "--list";
    return Coverage(*model, std::vector<std::string>(args.begin() + (list ? 2 : 1), args.end()), list);
  }
  if (args.size() < 2) {
    std::cerr << "usage: event_eval EVAL.jsonl CORPORA_DIR [--split tune|test|all] [--list]\n"
                 "       event_eval --coverage [--list] REUTERS_STORY.jsonl...\n";
    return 2;
  }
  std::string split = "all";
  bool list = false;
  for (size_t i = 2; i < args.size(); ++i) {
    if (args[i] == "--split" && i + 1 < args.size()) split = args[++i];
    if (args[i] == "--list") list = true;
  }
  return Evaluate(*model, args[0], args[1], split, list);
}
