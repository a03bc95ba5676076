#include "indexer/cluster_metadata.h"

#include "indexer/display_names.h"
#include "indexer/entities/surname_resolver.h"
#include "schemas/index_layout.h"

namespace newsfacet {

Status WriteClusterMetadata(const Xapian::Database& shards, const std::filesystem::path& copy) {
  try {
    const KnownPeople known = GatherKnownPeople(shards);
    const DisplayNames organisations = ChooseDisplayNames(shards, layout::kOrganisationSpellingPrefix);
    Xapian::WritableDatabase metadata(copy.string(), Xapian::DB_CREATE_OR_OPEN);
    WritePeopleMetadata(metadata, known);
    SyncMetadata(metadata, layout::kOrganisationNameKey, organisations);
    metadata.commit();
  } catch (const Xapian::Error& error) {
    return Status::Error("cannot write the cluster's metadata copy " + copy.string() + ": " +
                         error.get_description());
  }
  return Status::Ok();
}

}  // namespace newsfacet
