// Reading libxml2's HTML tree: parsing, names, attributes, text, and an
// iterative walk. Shared by the HTML reader's main-text extractor and its
// metadata reader, so that no part of the reader recurses over the tree (a
// page can nest elements 100,000 deep).
#pragma once

#include <libxml/tree.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet::html {

struct FreeDoc {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, FreeDoc>;

// `html` is UTF-8; the page's own charset declaration is ignored. Never
// prints; returns null only for input libxml2 cannot take at all.
DocPtr ParseHtml(std::string_view html);

inline std::string_view Name(const xmlNode* node) {
  return node->name != nullptr ? reinterpret_cast<const char*>(node->name) : "";
}
inline bool IsElement(const xmlNode* node) { return node->type == XML_ELEMENT_NODE; }
inline bool IsText(const xmlNode* node) {
  return (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
         node->content != nullptr;
}
inline const char* Content(const xmlNode* text) {
  return reinterpret_cast<const char*>(text->content);
}

// The attribute's value, "" when absent.
std::string Attr(const xmlNode* node, const char* name);
std::string Lower(std::string text);
bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names);

// Collapses runs of ASCII whitespace and no-break spaces (U+00A0) to one space, and trims.
std::string CollapseWhitespace(std::string_view text);

// Elements that sit inside a line of text; any other element separates words.
bool IsInline(std::string_view name);

// Visits root's subtree in document order without recursion. `enter`
// returns false to skip a node's children; `leave` runs once a node's
// subtree is done (also for skipped nodes).
template <typename Enter, typename Leave>
void Walk(xmlNode* root, Enter enter, Leave leave) {
  for (xmlNode* node = root; node != nullptr;) {
    if (enter(node) && node->children != nullptr) {
      node = node->children;
      continue;
    }
    for (leave(node); node != root && node->next == nullptr; leave(node)) node = node->parent;
    node = node == root ? nullptr : node->next;
  }
}

// Matching elements in document order; with `nested` false, not those inside another match.
template <typename Pred>
std::vector<xmlNode*> FindAll(xmlNode* root, Pred pred, bool nested = true) {
  std::vector<xmlNode*> found;
  auto enter = [&](xmlNode* n) {
    if (!IsElement(n) || !pred(n)) return true;
    found.push_back(n);
    return nested;
  };
  Walk(root, enter, [](xmlNode*) {});
  return found;
}

template <typename Pred>
xmlNode* FindFirst(xmlNode* root, Pred pred) {
  xmlNode* found = nullptr;
  auto enter = [&](xmlNode* n) {
    if (found == nullptr && IsElement(n) && pred(n)) found = n;
    return found == nullptr;
  };
  Walk(root, enter, [](xmlNode*) {});
  return found;
}

inline auto Named(std::string_view name) {
  return [name](const xmlNode* n) { return Name(n) == name; };
}

// The collapsed text of root's subtree, words split at non-inline elements;
// script, style and the like left out.
std::string TextOf(xmlNode* root);

}  // namespace newsfacet::html
