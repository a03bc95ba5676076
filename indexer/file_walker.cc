#include "indexer/file_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

namespace newsfacet {
namespace {

using DirectoryIdentity = std::pair<dev_t, ino_t>;

std::string KindOf(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

class Walker {
 public:
  Walker(std::filesystem::path root, const std::filesystem::path& exclude)
      : root_(std::move(root)) {
    struct stat info;
    if (!exclude.empty() && ::stat(exclude.c_str(), &info) == 0) {
      excluded_ = DirectoryIdentity{info.st_dev, info.st_ino};
    }
  }

  WalkResult Walk() {
    struct stat info;
    if (::stat(root_.c_str(), &info) == 0) {
      active_.insert({info.st_dev, info.st_ino});
      Visit(root_, "");
    }
    std::sort(result_.files.begin(), result_.files.end(),
              [](const FoundFile& a, const FoundFile& b) { return a.relative_path < b.relative_path; });
    return std::move(result_);
  }

 private:
  // `active_` holds the directories on the current path from the root: a
  // link back into one of them is a loop. A directory reached twice by
  // different routes (not a loop) is walked twice, as its files are.
  void Visit(const std::filesystem::path& directory, const std::string& relative) {
    std::error_code error;
    std::filesystem::directory_iterator it(directory, error);
    if (error) {
      result_.problems.push_back({relative.empty() ? "." : relative, 0,
                                  "cannot read directory: " + error.message()});
      return;
    }
    for (; it != std::filesystem::directory_iterator(); it.increment(error)) {
      if (error) break;
      const std::filesystem::path& path = it->path();
      std::string name = path.filename().string();
      if (name.empty() || name[0] == '.') continue;
      std::string child_relative = relative.empty() ? name : relative + "/" + name;
      struct stat info;
      if (::stat(path.c_str(), &info) != 0) {
        std::string why = errno == ENOENT  ? "broken symbolic link: its target does not exist"
                          : errno == ELOOP ? "symbolic link loop: the link leads back to itself"
                                           : std::string("cannot read: ") + std::strerror(errno);
        result_.problems.push_back({child_relative, 0, why});
        continue;
      }
      if (S_ISDIR(info.st_mode)) {
        DirectoryIdentity identity{info.st_dev, info.st_ino};
        if (identity == excluded_) continue;
        if (active_.count(identity)) {
          result_.problems.push_back({child_relative, 0,
                                      "symbolic link loop: leads back to a directory above it; not followed"});
          continue;
        }
        active_.insert(identity);
        Visit(path, child_relative);
        active_.erase(identity);
      } else if (S_ISREG(info.st_mode)) {
        FileFormat format = FormatOfPath(path);
        if (format == FileFormat::kUnsupported) {
          ++result_.unsupported;
          ++result_.unsupported_by_extension[LowerExtension(path)];
          continue;
        }
        result_.files.push_back({path, child_relative, format, static_cast<uint64_t>(info.st_size),
                                 static_cast<int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec});
      } else if (FormatOfPath(path) != FileFormat::kUnsupported) {
        // Never opened: reading a FIFO blocks until a writer comes, and a
        // device such as /dev/zero never ends.
        result_.problems.push_back({child_relative, 0, "not a regular file (" + KindOf(info.st_mode) + "); skipped"});
      }
    }
    if (error) {
      result_.problems.push_back({relative.empty() ? "." : relative, 0,
                                  "cannot read directory: " + error.message()});
    }
  }

  std::filesystem::path root_;
  DirectoryIdentity excluded_{0, 0};
  std::set<DirectoryIdentity> active_;
  WalkResult result_;
};

}  // namespace

WalkResult WalkArticleFiles(const std::filesystem::path& root, const std::filesystem::path& exclude) {
  return Walker(root, exclude).Walk();
}

}  // namespace newsfacet
