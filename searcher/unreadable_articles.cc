#include "searcher/unreadable_articles.h"

#include <cstdio>

#include "schemas/index_layout.h"

namespace newsfacet {
namespace {

// The article's id term (layout::kIdPrefix), which survives damage to the
// stored copy; "#docid" when there is none.
std::string IdentityOf(const Xapian::Document& doc, Xapian::docid docid) {
  const std::string prefix(layout::kIdPrefix);
  try {
    Xapian::TermIterator term = doc.termlist_begin();
    term.skip_to(prefix);
    if (term != doc.termlist_end() && (*term).compare(0, prefix.size(), prefix) == 0) return *term;
  } catch (const Xapian::Error&) {
    // The term list is damaged too: the document number is all there is.
  }
  return "#" + std::to_string(docid);
}

}  // namespace

void UnreadableArticles::Note(const Xapian::Document& doc, Xapian::docid docid) {
  std::string identity = IdentityOf(doc, docid);
  std::lock_guard<std::mutex> lock(mutex_);
  if (!seen_.insert(identity).second) return;
  std::string shown = identity.size() > 200 ? identity.substr(0, 200) + "..." : identity;
  for (char& c : shown) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';  // no terminal escapes in the log
  }
  std::fprintf(stderr, "newsfacet: warning: the stored article %s (document %u) is damaged; left out of results\n",
               shown.c_str(), docid);
}

int64_t UnreadableArticles::count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int64_t>(seen_.size());
}

}  // namespace newsfacet
