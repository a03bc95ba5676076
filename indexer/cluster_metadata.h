// The index-wide facts of a cluster: which person each lone surname stands
// for, which names are organisations, and the name each person and
// organisation is shown by, chosen over every shard at once.
//
// Each host's `newsfacet index --shard K/N` chooses them over its own
// shard only, and Xapian reads a combined database's metadata from its
// first member; so they are chosen again here from the term statistics of
// all the shards (read through the remote backend: the same terms and
// frequencies a one-host index of the same articles has, so the same
// choices), and written to a small database with no documents, the
// metadata copy a cluster file names (searcher/cluster_config.h).
#pragma once

#include <filesystem>

#include <xapian.h>

#include "common/status.h"

namespace newsfacet {

// Chooses over `shards` (every shard of the cluster) and writes the
// choices to the database at `copy`, created if missing, in one commit:
// a searcher reading it sees the old choices or the new.
Status WriteClusterMetadata(const Xapian::Database& shards, const std::filesystem::path& copy);

}  // namespace newsfacet
