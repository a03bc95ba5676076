#include "indexer/catalog.h"

#include <cinttypes>
#include <cstdio>

#include "schemas/index_layout.h"

namespace newsfacet {
namespace {

std::string Key(const std::string& relative_path) {
  return layout::KeyOf(layout::kCatalogFileKey, relative_path);
}

// "size mtime hash articles path": the path last, whole, because the key
// may hold only a cut of it.
bool Parse(const std::string& value, FileRecord* record, std::string* path) {
  int path_offset = 0;
  if (std::sscanf(value.c_str(), "%" SCNu64 " %" SCNd64 " %" SCNx64 " %" SCNd64 " %n", &record->size,
                  &record->mtime_ns, &record->content_hash, &record->articles, &path_offset) != 4 ||
      path_offset == 0) {
    return false;
  }
  if (path) *path = value.substr(static_cast<size_t>(path_offset));
  return true;
}

}  // namespace

Status Catalog::Open(const std::string& directory, std::unique_ptr<Catalog>* catalog) {
  try {
    catalog->reset(new Catalog(Xapian::WritableDatabase(directory, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS)));
  } catch (const Xapian::Error& e) {
    return Status::Error("cannot open the catalog " + directory + ": " + e.get_description());
  }
  (*catalog)->directory_ = directory;
  return Status::Ok();
}

Status Catalog::Failed(const char* doing, const Xapian::Error& error) const {
  return Status::Error(std::string(doing) + " the catalog " + directory_ + " failed: " + error.get_description());
}

Status Catalog::Find(const std::string& relative_path, std::optional<FileRecord>* found) const {
  found->reset();
  try {
    FileRecord record;
    if (Parse(db_.get_metadata(Key(relative_path)), &record, nullptr)) *found = record;
  } catch (const Xapian::Error& e) {
    return Failed("reading", e);
  }
  return Status::Ok();
}

Status Catalog::Put(const std::string& relative_path, const FileRecord& record) {
  char numbers[96];
  std::snprintf(numbers, sizeof numbers, "%" PRIu64 " %" PRId64 " %016" PRIx64 " %" PRId64 " ",
                record.size, record.mtime_ns, record.content_hash, record.articles);
  try {
    db_.set_metadata(Key(relative_path), numbers + relative_path);
  } catch (const Xapian::Error& e) {
    return Failed("writing", e);
  }
  return Status::Ok();
}

Status Catalog::Remove(const std::string& relative_path) {
  try {
    db_.set_metadata(Key(relative_path), "");
  } catch (const Xapian::Error& e) {
    return Failed("writing", e);
  }
  return Status::Ok();
}

Status Catalog::Commit() {
  try {
    db_.commit();
  } catch (const Xapian::Error& e) {
    return Failed("committing", e);
  }
  return Status::Ok();
}

Status Catalog::ForEachPath(const std::function<void(const std::string&)>& visit) const {
  const std::string prefix(layout::kCatalogFileKey);
  try {
    for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
      FileRecord record;
      std::string path;
      if (Parse(db_.get_metadata(*it), &record, &path)) visit(path);
    }
  } catch (const Xapian::Error& e) {
    return Failed("reading", e);
  }
  return Status::Ok();
}

}  // namespace newsfacet
