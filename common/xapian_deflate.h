// Xapian's term lists stored as they are, not deflated.
//
// Xapian (glass) deflates every document's term list (and each spelling,
// synonym and document-data entry: newsfacet leaves document data empty,
// and the other two are small) with zlib at its default level, through a
// raw deflate stream it resets per entry. Here all of them are stored. Term
// lists are already front-coded, so zlib gains little and costs much
// indexing CPU for a small part of the index's size (bench/README.md). The
// searcher never reads term lists (facets come from values); Xapian reads
// one back only to update or delete its document, and an unpacked one is
// the quicker read. Postings and positions are never deflated either.
//
// xapian_deflate.cc defines zlib's deflateInit2_ in the executable, which
// the dynamic linker then prefers over zlib's own for every caller, Xapian
// included: raw streams (Xapian's kind; HTTP and file compression use
// headers) get level 0 and the smallest hash table, then the real
// deflateInit2_ runs. Xapian keeps an entry unpacked whenever deflate does
// not make it smaller, so this needs nothing else, and any Xapian reads
// the result.
//
// Linked only into the executables (it must be in one to take effect); the
// tests link it too and check that Xapian's calls do come through it.
#pragma once

namespace newsfacet {

// How many deflate streams have been set up to store so far.
long XapianDeflateStreamsTuned();

}  // namespace newsfacet
