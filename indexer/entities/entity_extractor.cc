#include "indexer/entities/entity_extractor.h"

#include <algorithm>
#include <set>

#include "indexer/entities/token_stream.h"
#include "analysis/organisation_key.h"
#include "analysis/person_key.h"

namespace newsfacet {

Status EntityModel::Load(const std::filesystem::path& data_dir, std::unique_ptr<EntityModel>* model,
                         TaggerUse tagger) {
  auto loaded = std::make_unique<EntityModel>();
  Status status = NameLexicon::Load(data_dir, &loaded->lexicon_);
  if (status.ok()) status = CountryGazetteer::Load(data_dir, &loaded->countries_);
  if (status.ok()) status = EventDetector::Load(data_dir, &loaded->events_);
  if (status.ok() && tagger == kWithTagger) status = TaggerModel::Load(data_dir / kTaggerFile, &loaded->tagger_model_);
  if (!status.ok()) return Status::Error("entity data: " + status.message());
  loaded->tagger_features_ = std::make_unique<TaggerFeatures>(loaded->lexicon_, loaded->countries_);
  if (tagger == kWithTagger) loaded->tagger_ = std::make_unique<NameTagger>(loaded->tagger_model_, *loaded->tagger_features_);
  *model = std::move(loaded);
  return Status::Ok();
}

namespace {

// The key of a name that is one word, after an Arabic article if any
// ("Al-Wattari", "Al Jazeera" -> "wattari", "jazeera"); "" for longer names.
std::string LoneNameKey(const std::string& name) {
  std::string key = PersonKey(name);
  if (key.rfind("al-", 0) == 0 || key.rfind("el-", 0) == 0) key.erase(0, 3);
  return key.find('-') == std::string::npos ? key : "";
}

// "Abdelaziz Al-Wattari ... Al-Wattari said": a lone surname of someone
// the article names in full is that person, whatever the tagger calls it
// alone. Names found by structure ("Chrysler Corp") keep their word.
void GiveSurnamesToPeople(std::vector<OrganisationSpan>& organisations, std::vector<PersonSpan>& spans) {
  std::set<std::string> surnames;
  for (const PersonSpan& span : spans) {
    if (span.accepted && span.name_words >= 2 && !span.organisation) surnames.insert(SurnameKey(span.name));
  }
  if (surnames.empty()) return;
  auto owned = [&](const std::string& name) {
    const std::string key = LoneNameKey(name);
    return !key.empty() && surnames.count(key) > 0;
  };
  organisations.erase(std::remove_if(organisations.begin(), organisations.end(),
                                     [&](const OrganisationSpan& organisation) {
                                       return !organisation.structural && owned(organisation.name);
                                     }),
                      organisations.end());
  for (PersonSpan& span : spans) {
    if (span.organisation && span.name_words == 1 && owned(span.name)) span.organisation = false;
  }
}

// A person candidate inside an organisation's name, or spelt as one the
// article names elsewhere ("Merrill Lynch said" beside "Merrill Lynch and
// Co Inc"), is that organisation. But a name the tagger alone calls an
// organisation, where the person rules found a person on their own
// evidence ("Governor Aminu Lawal said") or after a title ("Minister of
// Energy and Mines Subroto"), is that person.
void MarkOrganisations(std::vector<OrganisationSpan>& organisations, std::vector<PersonSpan>& spans) {
  if (organisations.empty()) return;
  auto overlaps = [](const OrganisationSpan& organisation, const PersonSpan& span) {
    return organisation.begin < span.end && span.begin < organisation.end;
  };
  organisations.erase(std::remove_if(organisations.begin(), organisations.end(),
                                     [&](const OrganisationSpan& organisation) {
                                       if (organisation.structural) return false;
                                       return std::any_of(spans.begin(), spans.end(), [&](const PersonSpan& span) {
                                         return ((span.accepted && span.name_words >= 2) || span.title_cue) &&
                                                overlaps(organisation, span);
                                       });
                                     }),
                      organisations.end());
  std::set<std::string> ids;
  for (const OrganisationSpan& organisation : organisations) ids.insert(OrganisationKey(organisation.name));
  size_t next = 0;
  for (PersonSpan& span : spans) {
    while (next < organisations.size() && organisations[next].end <= span.begin) ++next;
    bool inside = next < organisations.size() && organisations[next].begin <= span.begin &&
                  span.end <= organisations[next].end &&
                  !(organisations[next].leader_body && span.begin == organisations[next].begin);
    if (inside || (span.name_words >= 2 && ids.count(OrganisationKey(span.name)))) {
      span.organisation = true;
      span.accepted = false;
    }
  }
}

// "told Al Jazeera", "El Watan reported": an Arabic article and one word,
// with no given name before it, is no one's full name. When the tagger
// takes it for a name and nothing in the article makes it someone's (a
// title, a role after it, or its word in a full name, alone or after a
// title elsewhere: "Hicham El Guerrouj ... El Guerrouj"), it names a broadcaster, paper,
// party or group: an organisation. Written apart from its word, the
// article may be no article: "Al" is a given name (Al Jolson, Al Kaplan)
// and "El" Spanish (El Nino, El Paso); such a pair is an organisation only
// as a news source ("told Al Jazeera", "El Watan reported"), and then on
// that structure, whatever the tagger or the person rules make of it.

// How news writes an outlet it quotes: "told X", "X reported", "X quoted".
bool UsedAsSource(const std::vector<Token>& tokens, size_t begin, size_t end) {
  static const std::set<std::string> kSourceVerbs = {"reported", "reports", "quoted", "quotes", "broadcast", "aired", "published"};
  const bool told = begin > 0 && (tokens[begin - 1].folded == "told" || tokens[begin - 1].folded == "tells");
  return told || (end < tokens.size() && kSourceVerbs.count(tokens[end].folded) > 0);
}

void AddArticleLedNames(const std::vector<Token>& tokens, const std::vector<NameSpan>& names,
                        const std::vector<PersonSpan>& spans, std::vector<OrganisationSpan>& organisations) {
  auto article_led = [&](const PersonSpan& span) {
    const Token& first = tokens[span.begin];
    const bool written_apart = span.end - span.begin == 2 && tokens[span.begin + 1].is_word;
    const bool hyphened = span.end - span.begin == 3 && tokens[span.begin + 1].text == "-";
    if (!(written_apart || hyphened) || !first.is_word || !first.capitalized ||
        (first.folded != "al" && first.folded != "el")) {
      return false;
    }
    return !written_apart || UsedAsSource(tokens, span.begin, span.end);
  };
  auto tagged_name = [&](const PersonSpan& span) {
    return std::any_of(names.begin(), names.end(), [&](const NameSpan& name) {
      return name.begin < span.end && span.begin < name.end &&
             (name.type == NameType::kPerson || name.type == NameType::kOrganisation);
    });
  };
  const size_t found = organisations.size();
  for (const PersonSpan& span : spans) {
    if (!article_led(span)) continue;  // a span of two or three tokens from here on
    // Written apart, the pair is told or reports: that use alone makes it an outlet.
    const bool as_source = tokens[span.begin + 1].is_word;
    if (span.title_cue || span.place_name || span.organisation || !(as_source || tagged_name(span)) ||
        span.role_after) {
      continue;
    }
    const std::string key = SurnameKey(span.name);
    const bool names_someone = std::any_of(spans.begin(), spans.end(), [&](const PersonSpan& other) {
      return (!article_led(other) || other.title_cue) && !other.organisation && SurnameKey(other.name) == key;
    });
    const bool taken = std::any_of(organisations.begin(), organisations.end(), [&](const OrganisationSpan& organisation) {
      return organisation.begin < span.end && span.begin < organisation.end;
    });
    if (key.empty() || names_someone || taken || OrganisationKey(span.name).empty()) continue;
    organisations.push_back({span.begin, span.end, span.name, as_source});
  }
  if (organisations.size() == found) return;
  std::sort(organisations.begin(), organisations.end(),
            [](const OrganisationSpan& a, const OrganisationSpan& b) { return a.begin < b.begin; });
}

}  // namespace

PeopleAndOrganisations EntityExtractor::FindNames(const TokenStream& stream, bool english) const {
  std::vector<NameSpan> names;
  if (english && model_.tagger() != nullptr) names = model_.tagger()->Tag(stream);
  PeopleAndOrganisations found;
  if (english) found.people = people_.FindSpans(stream, names);
  found.organisations = organisations_.Find(stream, names);
  GiveSurnamesToPeople(found.organisations, found.people);
  AddArticleLedNames(stream.tokens, names, found.people, found.organisations);
  MarkOrganisations(found.organisations, found.people);
  return found;
}

ArticleEntities EntityExtractor::Extract(const Article& article) const {
  TokenStream stream = Tokenize(article.title, article.body);
  // The person rules and the tagger are English ("said", "Minister", known
  // first names): in another language they take capitalised phrases for people.
  const bool english = article.language.empty() || article.language.rfind("en", 0) == 0;
  PeopleAndOrganisations found = FindNames(stream, english);
  std::vector<PersonSpan>& spans = found.people;
  std::vector<OrganisationSpan>& organisation_spans = found.organisations;
  ArticlePeople people = ResolvePeople(spans);

  // Tokens inside a person's name are not places: "Michael Jordan".
  std::vector<bool> inside_person(stream.tokens.size(), false);
  for (size_t s = 0; s < spans.size(); ++s) {
    if (!spans[s].accepted && people.span_person[s].empty()) continue;
    for (size_t t = spans[s].begin; t < spans[s].end; ++t) inside_person[t] = true;
  }
  ArticleEntities entities;
  entities.people = std::move(people.people);
  entities.organisations = CountOrganisations(organisation_spans);
  entities.unresolved_surnames = std::move(people.unresolved_surnames);
  entities.countries = model_.countries().Find(stream, inside_person, article.date);
  entities.events = model_.events().Detect(stream, {&entities.organisations, &entities.countries,
                                                   EventDetector::YearOf(article.date)});
  return entities;
}

}  // namespace newsfacet
