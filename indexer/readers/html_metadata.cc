#include "indexer/readers/html_metadata.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <utility>

#include <nlohmann/json.hpp>

#include "indexer/readers/date_normalizer.h"
#include "indexer/readers/html_dom.h"

namespace newsfacet {
namespace {

using html::Attr;
using html::CollapseWhitespace;
using html::Lower;
using html::IsOneOf;
using html::Name;
using Json = nlohmann::json;

// <meta> contents, each under its lower-cased property, name, itemprop and http-equiv.
using MetaTags = std::vector<std::pair<std::string, std::string>>;

MetaTags CollectMeta(xmlNode* root) {
  MetaTags tags;
  for (xmlNode* meta : html::FindAll(root, html::Named("meta"))) {
    const std::string content = CollapseWhitespace(Attr(meta, "content"));
    for (const char* key_attribute : {"property", "name", "itemprop", "http-equiv"}) {
      std::string key = Lower(Attr(meta, key_attribute));
      if (!key.empty() && !content.empty()) tags.emplace_back(std::move(key), content);
    }
  }
  return tags;
}

std::string FirstMeta(const MetaTags& tags, std::string_view key) {
  for (const auto& [name, content] : tags) {
    if (name == key) return content;
  }
  return {};
}

// The fields of the page's schema.org article in JSON-LD, if it has one.
struct LinkedData {
  std::string headline, date, url, publisher, language;
  std::vector<std::string> authors;
};

std::string StringOf(const Json& value) {
  if (value.is_string()) return CollapseWhitespace(value.get<std::string>());
  if (value.is_object() && value.contains("name")) return StringOf(value["name"]);
  if (value.is_object() && value.contains("@id")) return StringOf(value["@id"]);
  if (value.is_array() && !value.empty()) return StringOf(value[0]);
  return {};
}

bool IsArticleType(const Json& object) {
  if (!object.contains("@type")) return false;
  const Json& type = object["@type"];
  auto article = [](const Json& t) {
    if (!t.is_string()) return false;
    const std::string name = t.get<std::string>();
    return name.find("Article") != std::string::npos || name == "BlogPosting" ||
           name == "Report" || name == "LiveBlogPosting";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), article);
  return article(type);
}

void ReadArticleObject(const Json& object, LinkedData* data) {
  if (object.contains("headline")) data->headline = StringOf(object["headline"]);
  for (const char* key : {"datePublished", "dateCreated"}) {
    if (data->date.empty() && object.contains(key)) data->date = StringOf(object[key]);
  }
  if (object.contains("url")) data->url = StringOf(object["url"]);
  if (object.contains("publisher")) data->publisher = StringOf(object["publisher"]);
  if (object.contains("inLanguage")) data->language = StringOf(object["inLanguage"]);
  if (object.contains("author")) {
    const Json& author = object["author"];
    for (const Json& one : author.is_array() ? author : Json::array({author})) {
      for (std::string& name : AuthorNames(StringOf(one))) data->authors.push_back(name);
    }
  }
}

// The first article object in any ld+json script, looked for without recursion.
LinkedData ReadLinkedData(xmlNode* root) {
  LinkedData data;
  auto is_ld = [](const xmlNode* n) {
    return Name(n) == "script" && Lower(Attr(n, "type")).find("ld+json") != std::string::npos;
  };
  for (xmlNode* script : html::FindAll(root, is_ld)) {
    xmlChar* raw = xmlNodeGetContent(script);
    if (raw == nullptr) continue;
    const Json parsed = Json::parse(reinterpret_cast<const char*>(raw), nullptr, false);
    xmlFree(raw);
    std::vector<std::pair<const Json*, int>> stack = {{&parsed, 0}};
    while (!stack.empty()) {
      auto [value, depth] = stack.back();
      stack.pop_back();
      if (value->is_object() && IsArticleType(*value)) {
        ReadArticleObject(*value, &data);
        return data;
      }
      if (depth >= 8 || !(value->is_object() || value->is_array())) continue;
      // Pushed in reverse, so the first article in document order is found first.
      std::vector<const Json*> children;
      for (const Json& child : *value) children.push_back(&child);
      for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, depth + 1});
    }
  }
  return data;
}

std::string HostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  std::string host(url.substr(0, url.find_first_of("/?#:")));
  if (host.starts_with("www.")) host.erase(0, 4);
  return Lower(host);
}

std::string LettersOnly(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// True when `part` of a title names the site: its name, or its host ("ZEIT ONLINE", zeit.de).
bool NamesSite(std::string_view part, const std::string& site, const std::string& host) {
  const std::string letters = LettersOnly(part);
  if (letters.size() < 3) return false;
  if (!site.empty() && letters == LettersOnly(site)) return true;
  const std::string host_name = LettersOnly(host.substr(0, host.rfind('.')));
  return host_name.size() >= 3 && (letters.find(host_name) != std::string::npos ||
                                   host_name.find(letters) != std::string::npos);
}

std::string StripSiteName(const std::string& title, const std::string& site,
                          const std::string& host) {
  for (std::string_view separator : {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00bb "}) {
    const size_t at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    const std::string_view tail = std::string_view(title).substr(at + separator.size());
    if (NamesSite(tail, site, host)) return title.substr(0, at);
    const size_t head_end = title.find(separator);
    if (NamesSite(std::string_view(title).substr(0, head_end), site, host)) {
      return title.substr(head_end + separator.size());
    }
  }
  return title;
}

std::string FindTitle(xmlNode* root, const MetaTags& meta, const LinkedData& linked,
                      const std::string& site, const std::string& host) {
  std::string title = FirstMeta(meta, "og:title");
  if (title.empty()) title = linked.headline;
  if (title.empty()) {
    if (xmlNode* element = html::FindFirst(root, html::Named("title"))) title = html::TextOf(element);
  }
  if (title.empty()) {
    if (xmlNode* h1 = html::FindFirst(root, html::Named("h1"))) title = html::TextOf(h1);
  }
  return StripSiteName(title, site, host);
}

std::string FirstTimeDatetime(xmlNode* scope) {
  xmlNode* time = html::FindFirst(scope, [](xmlNode* n) {
    return Name(n) == "time" && !Attr(n, "datetime").empty();
  });
  return time != nullptr ? Attr(time, "datetime") : std::string();
}

std::string DateInUrl(const std::string& url) {
  static const std::regex kSlashed(R"(/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$))");
  static const std::regex kDashed(R"(((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:\D|$))");
  std::smatch match;
  if (!std::regex_search(url, match, kSlashed) && !std::regex_search(url, match, kDashed)) return {};
  auto two = [](std::string part) { return part.size() == 1 ? "0" + part : part; };
  return match[1].str() + "-" + two(match[2].str()) + "-" + two(match[3].str());
}

// The first candidate, most trusted first, that reads as a date. A <time>
// in the story beats one elsewhere (a site header may show today's date).
std::string FindDate(xmlNode* root, xmlNode* story, const MetaTags& meta,
                     const LinkedData& linked, const std::string& url) {
  std::vector<std::string> candidates = {linked.date, FirstMeta(meta, "article:published_time")};
  if (story != nullptr) candidates.push_back(FirstTimeDatetime(story));
  candidates.push_back(FirstTimeDatetime(root));
  for (std::string_view name : {"og:published_time", "date", "pubdate", "publishdate",
                                "publish-date", "dc.date.issued", "dc.date", "dcterms.date",
                                "sailthru.date", "datepublished", "parsely-pub-date",
                                "article.published", "published_time"}) {
    candidates.push_back(FirstMeta(meta, name));
  }
  candidates.push_back(DateInUrl(url));
  for (const std::string& candidate : candidates) {
    const std::string raw = CollapseWhitespace(candidate);
    if (std::string date = raw.empty() ? "" : NormalizeDate(raw); !date.empty()) return date;
  }
  return {};
}

std::string FindUrl(xmlNode* root, const MetaTags& meta, const LinkedData& linked) {
  if (std::string og_url = FirstMeta(meta, "og:url"); !og_url.empty()) return og_url;
  xmlNode* canonical = html::FindFirst(root, [](xmlNode* n) {
    const std::string rel = " " + Lower(CollapseWhitespace(Attr(n, "rel"))) + " ";
    return Name(n) == "link" && rel.find(" canonical ") != std::string::npos;
  });
  if (canonical != nullptr) return CollapseWhitespace(Attr(canonical, "href"));
  return linked.url.find("://") != std::string::npos ? linked.url : std::string();
}

void AddNames(std::string_view field, std::vector<std::string>* authors) {
  for (std::string& name : AuthorNames(field)) {
    const bool seen = std::any_of(authors->begin(), authors->end(), [&](const std::string& a) {
      return Lower(a) == Lower(name);
    });
    if (!seen) authors->push_back(std::move(name));
  }
}

// Inside a comment thread or a form, an "author" is a commenter or a field.
bool InCommentsOrForm(const xmlNode* node) {
  int depth = 0;
  for (const xmlNode* up = node; up != nullptr && up->type == XML_ELEMENT_NODE && depth < 64;
       up = up->parent, ++depth) {
    if (Name(up) == "form") return true;
    if (Lower(Attr(up, "class") + " " + Attr(up, "id")).find("comment") != std::string::npos) {
      return true;
    }
  }
  return false;
}

// The first byline in the page that names someone, for pages whose head names no author.
std::vector<std::string> BylineAuthors(xmlNode* root) {
  auto is_byline = [](const xmlNode* n) {
    if (Lower(Attr(n, "itemprop")) == "author" || Lower(Attr(n, "rel")) == "author") return true;
    const std::string words = Lower(Attr(n, "class") + " " + Attr(n, "id"));
    return (words.find("byline") != std::string::npos ||
            words.find("author") != std::string::npos) &&
           words.find("bio") == std::string::npos;
  };
  for (xmlNode* byline : html::FindAll(root, is_byline, /*nested=*/false)) {
    if (InCommentsOrForm(byline)) continue;
    xmlNode* name = html::FindFirst(byline, [](const xmlNode* n) {
      return Lower(Attr(n, "itemprop")) == "name";
    });
    const std::string text = html::TextOf(name != nullptr ? name : byline);
    std::vector<std::string> authors;
    if (text.size() <= 100) AddNames(text, &authors);
    if (!authors.empty()) return authors;
  }
  return {};
}

std::vector<std::string> FindAuthors(xmlNode* root, const MetaTags& meta, const LinkedData& linked) {
  std::vector<std::string> authors;
  for (const std::string& name : linked.authors) AddNames(name, &authors);
  for (const auto& [key, content] : meta) {
    if (key == "author" || key == "article:author" || key == "dc.creator" ||
        key == "sailthru.author" || key == "parsely-author") {
      AddNames(content, &authors);
    }
  }
  return authors.empty() ? BylineAuthors(root) : authors;
}

std::string PrimarySubtag(std::string tag) {
  tag = Lower(CollapseWhitespace(tag));
  tag = tag.substr(0, tag.find_first_of("-_,; "));
  const bool letters = !tag.empty() && tag.size() <= 3 &&
                       std::all_of(tag.begin(), tag.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return letters ? tag : std::string();
}

std::string FindLanguage(xmlNode* root, const MetaTags& meta, const LinkedData& linked) {
  for (const std::string& tag : {Attr(root, "lang"), Attr(root, "xml:lang"),
                                 FirstMeta(meta, "content-language"), FirstMeta(meta, "language"),
                                 FirstMeta(meta, "og:locale"), linked.language}) {
    if (std::string language = PrimarySubtag(tag); !language.empty()) return language;
  }
  return {};
}

bool LooksLikeName(std::string_view name) {
  if (name.empty() || name.size() > 60) return false;
  // URLs, e-mail addresses, form labels ("Name *"), comment headers ("Anna says:").
  if (name.find("://") != std::string_view::npos || name.find("www.") != std::string_view::npos ||
      name.find_first_of("@/*:()") != std::string_view::npos) {
    return false;
  }
  const long words = std::count(name.begin(), name.end(), ' ') + 1;
  const bool has_letter = std::any_of(name.begin(), name.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
  const bool has_digit = std::any_of(name.begin(), name.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  return has_letter && !has_digit && words <= 5;
}

}  // namespace

std::vector<std::string> AuthorNames(std::string_view field) {
  std::string text = CollapseWhitespace(field);
  if (text.find("://") != std::string::npos) return {};
  // Split points, each replaced by '\n': lists of names and the words that join them.
  for (std::string_view joiner : {" and ", " und ", " & ", " et ", " y ", " e ", " en ", ",", ";",
                                  "|", " \u00b7 ", " / "}) {
    for (size_t at = text.find(joiner); at != std::string::npos; at = text.find(joiner, at)) {
      text.replace(at, joiner.size(), "\n");
    }
  }
  std::vector<std::string> names;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    std::string name = CollapseWhitespace(std::string_view(text).substr(start, end - start));
    start = end + 1;
    for (std::string_view prefix : {"by ", "von ", "par ", "por ", "di ", "door ", "av ", "written by ",
                                    "author: ", "autor: ", "text: ", "from ", "posted by ", "przez "}) {
      if (Lower(name.substr(0, prefix.size())) == prefix) name.erase(0, prefix.size());
    }
    if (IsOneOf(Lower(name), {"by", "von", "posted", "unknown", "admin", "anonymous"})) continue;
    if (LooksLikeName(name)) names.push_back(name);
  }
  return names;
}

HtmlMetadata ReadHtmlMetadata(xmlNode* root, xmlNode* story) {
  HtmlMetadata metadata;
  if (root == nullptr) return metadata;
  const MetaTags meta = CollectMeta(root);
  const LinkedData linked = ReadLinkedData(root);
  metadata.url = FindUrl(root, meta, linked);
  metadata.source = FirstMeta(meta, "og:site_name");
  if (metadata.source.empty()) metadata.source = linked.publisher;
  if (metadata.source.empty()) metadata.source = HostOf(metadata.url);
  metadata.title = FindTitle(root, meta, linked, metadata.source, HostOf(metadata.url));
  metadata.date = FindDate(root, story, meta, linked, metadata.url);
  metadata.authors = FindAuthors(root, meta, linked);
  metadata.language = FindLanguage(root, meta, linked);
  return metadata;
}

}  // namespace newsfacet
