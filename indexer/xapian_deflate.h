// Smaller zlib hash tables for the deflate streams Xapian opens.
//
// Xapian (glass) compresses every term list and spelling entry with a raw
// deflate stream made with memLevel 9, and resets the stream per entry.
// Each reset clears the 128 KB hash table that memLevel 9 asks for, to
// compress entries of a few kilobytes. xapian_deflate.cc defines zlib's
// deflateInit2_ in the executable, which the dynamic linker then prefers
// over zlib's own for every caller, Xapian included: raw streams (Xapian's
// kind) get memLevel 6 (a 16 KB table), then the real deflateInit2_ runs.
// Measured on BBC: the same index size, 5% less indexing CPU. The output is
// ordinary deflate data that any Xapian reads.
//
// Linked only into the executables (it must be in one to take effect); the
// tests link it too and check that Xapian's calls do come through it.
#pragma once

namespace newsfacet {

// How many deflate streams have been set up with the smaller table so far.
long XapianDeflateStreamsTuned();

}  // namespace newsfacet
