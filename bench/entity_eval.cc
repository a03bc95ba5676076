// Measures entity extraction against gold annotations.
//
//   entity_eval conll FILE [--misses N]
//       mention-level precision/recall/F1 for PER (and for ORG, the
//       extractor's organisations) on a CoNLL-2003 file;
//       with ENTITY_EVAL_ERRORS=1 in the environment, every false positive
//       and negative on stderr with its line and the candidates over it
//   entity_eval tagger FILE
//       the name tagger alone: exact-span P/R/F1 for PER, ORG, LOC, MISC
//   entity_eval reuters GOLD.jsonl STORIES.jsonl... [--misses N]
//       document-level country facet P/R/F1 against Reuters `places`
//       (and the "every gazetteer mention" baseline), and recall of the
//       gold `people` among the person facet values
//
// Both run the indexer's extractor as an index run would, including the
// index-wide surname resolution over all documents. Prints one JSON object.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "bench/conll_reader.h"

#include "analysis/data_files.h"
#include "indexer/readers/date_normalizer.h"
#include "indexer/entities/entity_extractor.h"
#include "indexer/entities/surname_resolver.h"
#include "indexer/entities/tagger_training.h"
#include "indexer/entities/token_stream.h"
#include "analysis/person_key.h"

using namespace newsfacet;
using Json = nlohmann::json;

namespace {

struct Scores {
  int64_t true_positives = 0, false_positives = 0, false_negatives = 0;
  Json ToJson() const {
    double precision = true_positives + false_positives ? double(true_positives) / (true_positives + false_positives) : 0;
    double recall = true_positives + false_negatives ? double(true_positives) / (true_positives + false_negatives) : 0;
    double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    return {{"precision", std::round(precision * 1000) / 10}, {"recall", std::round(recall * 1000) / 10},
            {"f1", std::round(f1 * 1000) / 10}, {"tp", true_positives}, {"fp", false_positives}, {"fn", false_negatives}};
  }
};

Json TopMisses(const std::map<std::string, int>& misses, size_t limit) {
  std::vector<std::pair<int, std::string>> sorted;
  for (const auto& [text, count] : misses) sorted.emplace_back(-count, text);
  std::sort(sorted.begin(), sorted.end());
  Json top = Json::array();
  for (size_t i = 0; i < sorted.size() && i < limit; ++i) top.push_back({sorted[i].second, -sorted[i].first});
  return top;
}

// The index-wide surname step, as an index run does it: articles per full
// name, then DominantFullName.
class FullNamesBySurname {
 public:
  void Add(const std::string& person_id) {
    size_t dash = person_id.rfind('-');
    if (dash == std::string::npos) return;
    ++articles_[person_id.substr(dash + 1)][person_id];
    ++as_last_part_[person_id.substr(dash + 1)];
    ++as_first_part_[person_id.substr(0, person_id.find('-'))];
  }
  std::string Resolve(const std::string& surname) const {
    auto known = articles_.find(surname);
    if (known == articles_.end()) return "";
    auto first = as_first_part_.find(surname);
    if (first != as_first_part_.end() && IsGivenName(first->second, as_last_part_.at(surname))) return "";
    std::vector<FullNameUse> uses;
    for (const auto& [id, articles] : known->second) uses.push_back({id, articles});
    return DominantFullName(uses);
  }

 private:
  std::map<std::string, std::map<std::string, uint32_t>> articles_;
  std::map<std::string, uint64_t> as_first_part_, as_last_part_;
};

// ---- CoNLL ----------------------------------------------------------------

struct ExtractedConll {
  TokenStream stream;
  std::vector<PersonSpan> spans;
  std::vector<OrganisationSpan> organisations;
  ArticlePeople people;
};

// Pass 1, as the indexer: every article on its own; the full names go to
// `full_names_by_surname`.
std::vector<ExtractedConll> ExtractConll(const EntityModel& model, const std::vector<ConllDocument>& documents,
                                         FullNamesBySurname* full_names_by_surname) {
  EntityExtractor extractor(model);
  std::vector<ExtractedConll> extracted(documents.size());
  for (size_t d = 0; d < documents.size(); ++d) {
    extracted[d].stream = Tokenize("", documents[d].text);
    PeopleAndOrganisations found = extractor.FindNames(extracted[d].stream);
    extracted[d].spans = std::move(found.people);
    extracted[d].organisations = std::move(found.organisations);
    extracted[d].people = ResolvePeople(extracted[d].spans);
    if (std::getenv("ENTITY_EVAL_DEBUG")) {
      for (const PersonMention& person : extracted[d].people.people) std::cerr << d << "\t" << person.id << "\t" << person.name << "\n";
    }
    for (const PersonMention& person : extracted[d].people.people) full_names_by_surname->Add(person.id);
  }
  return extracted;
}

using ByteSpan = std::pair<uint32_t, uint32_t>;

// Pass 2, as the end of an index run: lone surnames meet the index's full
// names. The byte ranges of the article's people.
std::set<ByteSpan> PredictedPeople(const ExtractedConll& extracted, const FullNamesBySurname& full_names_by_surname) {
  const auto& tokens = extracted.stream.tokens;
  std::set<ByteSpan> predicted;
  for (size_t s = 0; s < extracted.spans.size(); ++s) {
    const PersonSpan& span = extracted.spans[s];
    bool person = span.accepted || !extracted.people.span_person[s].empty();
    if (!person && span.name_words == 1 && !span.place_name && !span.common_word) {
      person = !full_names_by_surname.Resolve(SurnameKey(span.name)).empty();
    }
    if (person) predicted.emplace(tokens[span.begin].begin, tokens[span.end - 1].end);
  }
  return predicted;
}

// ENTITY_EVAL_ERRORS=1: an error on stderr with its line and the
// candidates over it, for sorting into classes.
void ReportError(const char* kind, size_t document, const std::string& text, ByteSpan span,
                 const ExtractedConll& extracted) {
  if (!std::getenv("ENTITY_EVAL_ERRORS")) return;
  const auto& tokens = extracted.stream.tokens;
  size_t line_begin = text.rfind('\n', span.first);
  line_begin = line_begin == std::string::npos ? 0 : line_begin + 1;
  size_t line_end = std::min(text.find('\n', span.second), text.size());
  std::cerr << kind << "\t" << document << "\t" << text.substr(span.first, span.second - span.first) << "\t"
            << text.substr(line_begin, line_end - line_begin);
  for (const PersonSpan& candidate : extracted.spans) {
    if (tokens[candidate.begin].begin < span.second && span.first < tokens[candidate.end - 1].end) {
      std::cerr << "\t[" << candidate.name << " ev=" << candidate.evidence << " acc=" << candidate.accepted
                << " org=" << candidate.organisation << " place=" << candidate.place_name << "]";
    }
  }
  std::cerr << "\n";
}

int EvaluateConll(const EntityModel& model, const std::string& path, size_t misses_shown) {
  std::vector<ConllDocument> documents = ReadConll(path);
  FullNamesBySurname full_names_by_surname;
  const std::vector<ExtractedConll> extracted = ExtractConll(model, documents, &full_names_by_surname);
  Scores scores;
  std::map<std::string, int> false_positives, false_negatives;
  for (size_t d = 0; d < documents.size(); ++d) {
    const std::set<ByteSpan> predicted = PredictedPeople(extracted[d], full_names_by_surname);
    const std::set<ByteSpan> gold(documents[d].gold_people.begin(), documents[d].gold_people.end());
    const std::string& text = documents[d].text;
    for (const auto& span : predicted) {
      if (gold.count(span)) {
        ++scores.true_positives;
      } else {
        ++scores.false_positives;
        ++false_positives[text.substr(span.first, span.second - span.first)];
        ReportError("FP", d, text, span, extracted[d]);
      }
    }
    for (const auto& span : gold) {
      if (!predicted.count(span)) {
        ++scores.false_negatives;
        ++false_negatives[text.substr(span.first, span.second - span.first)];
        ReportError("FN", d, text, span, extracted[d]);
      }
    }
  }
  // Organisations: the extractor's spans (structure and the tagger's), exact.
  Scores organisations;
  for (size_t d = 0; d < documents.size(); ++d) {
    const auto& tokens = extracted[d].stream.tokens;
    std::set<ByteSpan> predicted;
    for (const OrganisationSpan& span : extracted[d].organisations) {
      predicted.emplace(tokens[span.begin].begin, tokens[span.end - 1].end);
    }
    const std::set<ByteSpan> gold(documents[d].gold_organisations.begin(), documents[d].gold_organisations.end());
    for (const auto& span : predicted) (gold.count(span) ? organisations.true_positives : organisations.false_positives)++;
    for (const auto& span : gold) organisations.false_negatives += predicted.count(span) == 0;
  }
  Json result = {{"task", "conll-per-mentions"}, {"file", path}, {"documents", documents.size()},
                 {"per", scores.ToJson()}, {"org", organisations.ToJson()}};
  if (misses_shown > 0) {
    result["top_false_positives"] = TopMisses(false_positives, misses_shown);
    result["top_false_negatives"] = TopMisses(false_negatives, misses_shown);
  }
  std::cout << result.dump(2) << "\n";
  return 0;
}

// The tagger alone, sentence by sentence: exact-span P/R/F1 per type.
int EvaluateTagger(const EntityModel& model, const std::string& path) {
  std::vector<TrainingSentence> sentences;
  if (Status status = ReadTrainingSentences(path, &sentences); !status.ok()) {
    std::cerr << "entity_eval: " << status.message() << "\n";
    return 2;
  }
  const char* kTypes[] = {"", "per", "org", "loc", "misc"};
  Scores scores[5];
  for (const TrainingSentence& sentence : sentences) {
    std::set<std::tuple<size_t, size_t, int>> gold, predicted;
    for (const NameSpan& span : SpansOf(sentence.tags, 0)) gold.emplace(span.begin, span.end, int(span.type));
    std::vector<int> tags = model.tagger()->TagSentence(sentence.tokens, 0, sentence.tokens.size());
    for (const NameSpan& span : SpansOf(tags, 0)) predicted.emplace(span.begin, span.end, int(span.type));
    for (const auto& span : predicted) (gold.count(span) ? scores[std::get<2>(span)].true_positives : scores[std::get<2>(span)].false_positives)++;
    for (const auto& span : gold) if (!predicted.count(span)) ++scores[std::get<2>(span)].false_negatives;
  }
  Json result = {{"task", "conll-tagger"}, {"file", path}, {"sentences", sentences.size()}};
  for (int type = 1; type <= 4; ++type) result[kTypes[type]] = scores[type].ToJson();
  std::cout << result.dump(2) << "\n";
  return 0;
}

// ---- Reuters --------------------------------------------------------------

// Reuters-21578 place names ("usa", "west-germany") -> country codes.
std::map<std::string, std::string> ReutersPlaceCodes(const CountryGazetteer& countries, const std::string& places_file) {
  static const std::map<std::string, std::string> kSpecial = {
      {"usa", "US"}, {"uk", "GB"}, {"ussr", "SUHH"}, {"west-germany", "DEWG"}, {"east-germany", "DDDE"},
      {"czechoslovakia", "CSHH"}, {"yugoslavia", "YUCS"}, {"south-korea", "KR"}, {"north-korea", "KP"},
      {"ivory-coast", "CI"}, {"hong-kong", "HK"}, {"taiwan", "TW"}, {"burma", "MM"}, {"zaire", "CD"},
      {"uae", "AE"}, {"vatican", "VA"}, {"macau", "MO"}, {"kampuchea", "KH"}, {"north-yemen", "YE"},
      {"south-yemen", "YE"}, {"bahamas", "BS"}, {"gambia", "GM"}, {"netherlands-antilles", "ANHH"},
  };
  std::map<std::string, std::string> codes;
  std::ifstream in(places_file);
  for (std::string place; std::getline(in, place);) {
    while (!place.empty() && (place.back() == ' ' || place.back() == '\r')) place.pop_back();
    if (place.empty()) continue;
    if (auto it = kSpecial.find(place); it != kSpecial.end()) {
      codes[place] = it->second;
      continue;
    }
    std::string name = place;
    std::replace(name.begin(), name.end(), '-', ' ');
    name[0] = static_cast<char>(std::toupper(name[0]));
    TokenStream stream = Tokenize("", name);
    const CountryGazetteer::Form* form = nullptr;
    if (!stream.tokens.empty() && countries.Match(stream.tokens, 0, &form) > 0) codes[place] = form->code;
  }
  return codes;
}

std::map<std::string, Json> ReadReutersGold(const std::string& gold_path) {
  std::map<std::string, Json> gold;
  std::ifstream gold_in(gold_path);
  for (std::string line; std::getline(gold_in, line);) {
    Json record = Json::parse(line, nullptr, false);
    if (record.is_object()) gold[record.value("id", "")] = record;
  }
  return gold;
}

// Salient countries against the gold `places`, and every mentioned country
// against them (the baseline).
struct CountryScores {
  Scores salient, every_mention;
  std::map<std::string, int> false_positives, false_negatives;
  std::set<std::string> unmapped;

  void Add(const ArticleEntities& entities, const Json& gold_places, const std::map<std::string, std::string>& place_codes) {
    std::set<std::string> gold_codes, predicted, mentioned;
    for (const auto& place : gold_places) {
      auto code = place_codes.find(place.get<std::string>());
      if (code != place_codes.end()) gold_codes.insert(code->second); else unmapped.insert(place.get<std::string>());
    }
    for (const CountryMention& country : entities.countries) {
      mentioned.insert(country.code);
      if (country.salient) predicted.insert(country.code);
    }
    for (const std::string& code : predicted) {
      if (gold_codes.count(code)) ++salient.true_positives; else { ++salient.false_positives; ++false_positives[code]; }
    }
    for (const std::string& code : gold_codes) {
      if (!predicted.count(code)) { ++salient.false_negatives; ++false_negatives[code]; }
    }
    for (const std::string& code : mentioned) (gold_codes.count(code) ? every_mention.true_positives : every_mention.false_positives)++;
    for (const std::string& code : gold_codes) if (!mentioned.count(code)) ++every_mention.false_negatives;
  }
};

struct ReutersArticle {
  std::set<std::string> gold_people;
  ArticleEntities entities;
};

// Gold people are slugs ("james-baker", "volcker"): a hit is a person id
// equal to the slug's key, or, for a surname-only slug, with that surname.
void ScorePeopleRecall(const std::vector<ReutersArticle>& articles, const FullNamesBySurname& full_names_by_surname,
                       Scores* people_recall, std::map<std::string, int>* people_missed) {
  for (const ReutersArticle& article : articles) {
    std::set<std::string> ids;
    for (const PersonMention& person : article.entities.people) ids.insert(person.id);
    for (const auto& [surname, mentions] : article.entities.unresolved_surnames) {
      if (std::string person = full_names_by_surname.Resolve(surname); !person.empty()) ids.insert(person);
    }
    for (const std::string& slug : article.gold_people) {
      std::string key = PersonKey(slug);
      bool found = std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
        return id == key || (key.find('-') == std::string::npos && SurnameKey(id) == key) ||
               (SurnameKey(id) == SurnameKey(key) && PersonKey(id).front() == key.front());
      });
      if (found) ++people_recall->true_positives; else { ++people_recall->false_negatives; ++(*people_missed)[slug]; }
    }
  }
}

int EvaluateReuters(const EntityModel& model, const std::string& gold_path, const std::vector<std::string>& stories,
                    const std::string& places_file, size_t misses_shown) {
  std::map<std::string, Json> gold = ReadReutersGold(gold_path);
  std::map<std::string, std::string> place_codes = ReutersPlaceCodes(model.countries(), places_file);
  EntityExtractor extractor(model);
  CountryScores countries;
  std::vector<ReutersArticle> done;
  FullNamesBySurname full_names_by_surname;
  for (const std::string& file : stories) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
      Json story = Json::parse(line, nullptr, false);
      if (!story.is_object()) continue;
      auto it = gold.find(story.value("id", ""));
      if (it == gold.end()) continue;
      Article article;
      article.title = story.value("title", "");
      article.body = story.value("maintext", "");
      article.date = NormalizeDate(story.value("date_publish", ""));
      ArticleEntities entities = extractor.Extract(article);
      countries.Add(entities, it->second["places"], place_codes);
      for (const PersonMention& person : entities.people) full_names_by_surname.Add(person.id);
      std::set<std::string> gold_people;
      for (const auto& person : it->second["people"]) gold_people.insert(person.get<std::string>());
      done.push_back({gold_people, std::move(entities)});
    }
  }
  Scores people_recall;
  std::map<std::string, int> people_missed;
  ScorePeopleRecall(done, full_names_by_surname, &people_recall, &people_missed);
  Json people = people_recall.ToJson();
  Json result = {{"task", "reuters-countries"}, {"documents", done.size()},
                 {"salient_countries", countries.salient.ToJson()}, {"every_mention_baseline", countries.every_mention.ToJson()},
                 {"people_recall", people["recall"]}, {"people_gold", people_recall.true_positives + people_recall.false_negatives},
                 {"unmapped_places", countries.unmapped}};
  if (misses_shown > 0) {
    result["top_false_positive_countries"] = TopMisses(countries.false_positives, misses_shown);
    result["top_false_negative_countries"] = TopMisses(countries.false_negatives, misses_shown);
    result["top_missed_people"] = TopMisses(people_missed, misses_shown);
  }
  std::cout << result.dump(2) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  size_t misses = 0;
  if (auto it = std::find(args.begin(), args.end(), "--misses"); it != args.end() && it + 1 != args.end()) {
    misses = std::stoul(*(it + 1));
    args.erase(it, it + 2);
  }
  std::unique_ptr<EntityModel> model;
  Status status = EntityModel::Load(DataDirectory(), &model);
  if (!status.ok()) {
    std::cerr << "entity_eval: " << status.message() << "\n";
    return 2;
  }
  if (args.size() == 2 && args[0] == "conll") return EvaluateConll(*model, args[1], misses);
  if (args.size() == 2 && args[0] == "tagger") return EvaluateTagger(*model, args[1]);
  if (args.size() >= 4 && args[0] == "reuters") {
    std::vector<std::string> stories(args.begin() + 3, args.end());
    return EvaluateReuters(*model, args[1], stories, args[2], misses);
  }
  std::cerr << "usage: entity_eval conll FILE [--misses N]\n"
               "       entity_eval tagger CONLL_FILE\n"
               "       entity_eval reuters GOLD.jsonl PLACES.txt STORIES.jsonl... [--misses N]\n";
  return 2;
}
