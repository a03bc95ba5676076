#include "schemas/store/stored_article.h"

#include <memory>
#include <new>

#include <nlohmann/json.hpp>
#include <zstd.h>

#include "common/object_pool.h"
#include "schemas/index_layout.h"
#include "schemas/store/json_text.h"

namespace newsfacet {
namespace {

// Level 1: compresses news text about as well as Xapian's zlib did, several
// times faster.
constexpr int kCompressionLevel = 1;

struct CompressionContextDeleter {
  void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
};

// One compression context per indexing thread: making one costs more than
// compressing an article.
// Every frame carries a checksum, so a damaged value is refused rather than
// shown as garbled text.
ZSTD_CCtx* CompressionContext() {
  thread_local std::unique_ptr<ZSTD_CCtx, CompressionContextDeleter> context([] {
    ZSTD_CCtx* created = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(created, ZSTD_c_compressionLevel, kCompressionLevel);
    ZSTD_CCtx_setParameter(created, ZSTD_c_checksumFlag, 1);
    return created;
  }());
  return context.get();
}

// Decompression runs on server threads, of which there may be many more
// than run at once: contexts are pooled, not kept one per thread.
struct DecompressionContext {
  DecompressionContext() : context(ZSTD_createDCtx()) {
    if (!context) throw std::bad_alloc();
  }
  ~DecompressionContext() { ZSTD_freeDCtx(context); }
  DecompressionContext(const DecompressionContext&) = delete;
  DecompressionContext& operator=(const DecompressionContext&) = delete;
  ZSTD_DCtx* context;
};

ObjectPool<DecompressionContext>& DecompressionContexts() {
  // Never destroyed: a thread may still read an article while static
  // objects are torn down at exit.
  static auto* const pool =
      new ObjectPool<DecompressionContext>([] { return std::make_unique<DecompressionContext>(); });
  return *pool;
}

}  // namespace

std::string ArticleJson(const Article& article, const ArticleEntities& entities) {
  std::string out;
  out.reserve(article.body.size() + article.title.size() + 512);
  JsonWriter json(out);
  json.BeginObject();
  json.Key("id").String(article.id).Key("title").String(article.title).Key("body").String(article.body);
  json.Key("date").String(article.date).Key("url").String(article.url).Key("source").String(article.source);
  json.Key("authors").BeginArray();
  for (const std::string& author : article.authors) json.String(author);
  json.EndArray();
  json.Key("language").String(article.language).Key("path").String(article.path).Key("line").Int(article.line);
  json.Key("people").BeginArray();
  for (const PersonMention& p : entities.people) {
    json.BeginObject().Key("id").String(p.id).Key("name").String(p.name).Key("mentions").Int(p.mentions);
    if (!p.role.empty()) json.Key("role").String(p.role);  // optional: older indexes have none
    json.EndObject();
  }
  json.EndArray().Key("countries").BeginArray();
  for (const CountryMention& c : entities.countries) {
    json.BeginObject().Key("code").String(c.code).Key("name").String(c.name).Key("mentions").Int(c.mentions);
    json.Key("salient").Bool(c.salient).EndObject();
  }
  json.EndArray().Key("events").BeginArray();
  for (const EventMention& e : entities.events) {
    if (!e.salient) continue;  // a mention only: its XV term, not an event of the article
    json.BeginObject().Key("id").String(e.id).Key("label").String(e.label).Key("mentions").Int(e.mentions).EndObject();
  }
  json.EndArray().Key("organisations").BeginArray();
  for (const OrganisationMention& o : entities.organisations) {
    json.BeginObject().Key("id").String(o.id).Key("name").String(o.name).Key("mentions").Int(o.mentions).EndObject();
  }
  json.EndArray();
  if (!entities.unresolved_surnames.empty()) {
    json.Key("unresolved_surnames").BeginObject();
    for (const auto& [surname, mentions] : entities.unresolved_surnames) json.Key(surname).Int(mentions);
    json.EndObject();
  }
  json.EndObject();
  return out;
}

StoredArticle ParseArticleJson(std::string_view data) {
  nlohmann::json json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  StoredArticle stored;
  if (!json.is_object()) return stored;
  Article& article = stored.article;
  article.id = json.value("id", "");
  article.title = json.value("title", "");
  article.body = json.value("body", "");
  article.date = json.value("date", "");
  article.url = json.value("url", "");
  article.source = json.value("source", "");
  article.authors = json.value("authors", std::vector<std::string>{});
  article.language = json.value("language", "");
  article.path = json.value("path", "");
  article.line = json.value("line", 0);
  ArticleEntities& entities = stored.entities;
  for (const auto& p : json.value("people", nlohmann::json::array())) {
    entities.people.push_back({p.value("id", ""), p.value("name", ""), p.value("mentions", 0), p.value("role", "")});
  }
  for (const auto& c : json.value("countries", nlohmann::json::array())) {
    entities.countries.push_back({c.value("code", ""), c.value("name", ""), c.value("mentions", 0), c.value("salient", false)});
  }
  for (const auto& e : json.value("events", nlohmann::json::array())) {
    entities.events.push_back({e.value("id", ""), e.value("label", ""), e.value("mentions", 0)});
  }
  for (const auto& o : json.value("organisations", nlohmann::json::array())) {
    entities.organisations.push_back({o.value("id", ""), o.value("name", ""), o.value("mentions", 0)});
  }
  const nlohmann::json unresolved = json.value("unresolved_surnames", nlohmann::json::object());
  for (const auto& [surname, mentions] : unresolved.items()) {
    if (mentions.is_number_integer()) entities.unresolved_surnames.emplace_back(surname, mentions.get<int>());
  }
  return stored;
}

void StoreArticleJson(std::string_view json, Xapian::Document& doc) {
  std::string compressed(ZSTD_compressBound(json.size()), '\0');
  const size_t size = ZSTD_compress2(CompressionContext(), compressed.data(), compressed.size(), json.data(), json.size());
  // Cannot fail with a bound-sized buffer; were it to, store the text as is
  // (LoadArticleJson tells the two apart by zstd's magic number).
  if (ZSTD_isError(size)) {
    doc.add_value(layout::kArticleSlot, std::string(json));
    return;
  }
  compressed.resize(size);
  doc.add_value(layout::kArticleSlot, std::move(compressed));
}

std::string LoadArticleJson(const Xapian::Document& doc) {
  const std::string stored = doc.get_value(layout::kArticleSlot);
  // Stored as is only when compression failed: then it is the JSON object.
  if (!stored.empty() && stored.front() == '{') return stored;
  const unsigned long long size = ZSTD_getFrameContentSize(stored.data(), stored.size());
  if (size == ZSTD_CONTENTSIZE_ERROR) return {};  // neither JSON nor a whole frame header
  // The compressor always records the size; a frame without it, or with an
  // absurd one, is damaged.
  constexpr unsigned long long kMaxJsonBytes = 1ull << 30;
  if (size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxJsonBytes) return {};
  std::string json(size, '\0');
  const auto context = DecompressionContexts().Acquire();
  const size_t written = ZSTD_decompressDCtx(context->context, json.data(), json.size(), stored.data(), stored.size());
  if (ZSTD_isError(written) || written != size) return {};
  return json;
}

StoredArticle LoadStoredArticle(const Xapian::Document& doc) { return ParseArticleJson(LoadArticleJson(doc)); }

bool TryLoadStoredArticle(const Xapian::Document& doc, StoredArticle* stored) {
  *stored = ParseArticleJson(LoadArticleJson(doc));
  return !stored->article.id.empty();
}

}  // namespace newsfacet
