// Compares two newsfacet indexes article by article (matched by id term):
// every term with its wdf and positions, and optionally every value. For
// changes that must leave the index as it was (a faster term writer, say).
//
//   index_diff INDEX_A INDEX_B [--values]
//
// Prints the first differences and a summary; exits 0 when none differ.
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string>

#include <xapian.h>

#include "schemas/index_layout.h"

namespace {

std::string Listing(const Xapian::Document& doc, bool values) {
  std::ostringstream out;
  for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
    out << *term << " wdf " << term.get_wdf();
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) out << ' ' << *pos;
    out << '\n';
  }
  if (values) {
    for (auto value = doc.values_begin(); value != doc.values_end(); ++value) {
      if (value.get_valueno() == newsfacet::layout::kRunStampSlot) continue;  // differs by design
      out << "value " << value.get_valueno() << ' ' << *value << '\n';
    }
  }
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || std::strcmp(argv[1], "--help") == 0) {
    std::fprintf(stderr, "usage: index_diff INDEX_A INDEX_B [--values]\n");
    return 2;
  }
  const bool values = argc > 3 && std::strcmp(argv[3], "--values") == 0;
  try {
    Xapian::Database a(argv[1]), b(argv[2]);
    const std::string id_prefix(newsfacet::layout::kIdPrefix);
    long compared = 0, differ = 0;
    for (auto id = a.allterms_begin(id_prefix); id != a.allterms_end(id_prefix); ++id) {
      auto in_b = b.postlist_begin(*id);
      if (in_b == b.postlist_end(*id)) {
        if (++differ <= 3) std::printf("only in %s: %s\n", argv[1], (*id).c_str());
        continue;
      }
      const std::string listing_a = Listing(a.get_document(*a.postlist_begin(*id)), values);
      const std::string listing_b = Listing(b.get_document(*in_b), values);
      ++compared;
      if (listing_a != listing_b && ++differ <= 3) {
        std::printf("differs: %s\n--- %s\n%s--- %s\n%s", (*id).c_str(), argv[1], listing_a.c_str(), argv[2],
                    listing_b.c_str());
      }
    }
    std::printf("%ld articles compared, %ld differ; %u and %u documents\n", compared, differ, a.get_doccount(),
                b.get_doccount());
    return differ == 0 && a.get_doccount() == b.get_doccount() ? 0 : 1;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "index_diff: %s\n", e.get_description().c_str());
    return 2;
  }
}
