// Where newsfacet finds the files it ships: its data (events.json,
// data/*.json, data/name_tagger.bin) and its web page.
//
// In order, the first that applies:
//   1. a directory given on the command line (SetDataDirectory,
//      SetWebDirectory: `--data-dir`, `--web-dir`);
//   2. $NEWSFACET_DATA_DIR, $NEWSFACET_WEB_DIR;
//   3. the installed layout, relative to the executable, so that an
//      installed tree can be moved: PREFIX/bin/newsfacet reads
//      PREFIX/share/newsfacet/ (data) and PREFIX/share/newsfacet/web/;
//   4. a build tree: the file `newsfacet-source-tree` beside the executable
//      names the source tree it was configured from (schemas/ and web/).
//      Only build trees have that file, so no source path is compiled into
//      the executable and none reaches an installed one.
// When none applies, the installed layout's path is returned, so that the
// error a caller reports says where the files were expected.
#pragma once

#include <filesystem>

namespace newsfacet {

std::filesystem::path DataDirectory();
std::filesystem::path WebDirectory();

// Overrides for the rest of the process; call before any thread starts.
void SetDataDirectory(const std::filesystem::path& directory);
void SetWebDirectory(const std::filesystem::path& directory);

// The directory of the running executable (empty if it cannot be told).
std::filesystem::path ExecutableDirectory();

// Relative to the installation prefix; also what CMake's install() uses.
inline constexpr char kInstalledDataSubdir[] = "share/newsfacet";
inline constexpr char kInstalledWebSubdir[] = "share/newsfacet/web";
inline constexpr char kSourceTreeMarker[] = "newsfacet-source-tree";

}  // namespace newsfacet
