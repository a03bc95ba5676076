#include "entity_extractor.h"

#include <algorithm>
#include <set>

#include "entities/token_stream.h"
#include "organisation_key.h"

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

}  // namespace

ArticleEntities EntityExtractor::Extract(const Article& article) const {
  TokenStream stream = Tokenize(article.title, article.body);
  // The person rules and the tagger are English ("said", "Minister", known
  // first names): in another language they take capitalised phrases for people.
  const bool english = article.language.empty() || article.language.rfind("en", 0) == 0;
  std::vector<NameSpan> names;
  if (english && model_.tagger() != nullptr) names = model_.tagger()->Tag(stream);
  std::vector<PersonSpan> spans = english ? people_.FindSpans(stream, names) : std::vector<PersonSpan>{};
  std::vector<OrganisationSpan> organisation_spans = organisations_.Find(stream, names);
  MarkOrganisations(organisation_spans, spans);
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
