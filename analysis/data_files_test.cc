#include "analysis/data_files.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

using namespace newsfacet;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for the scope of one test.
class EnvironmentScope {
 public:
  EnvironmentScope(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value, 1);
  }
  ~EnvironmentScope() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("a build tree's executables find the source tree's schemas/ and web/ through the marker file") {
  CHECK(fs::equivalent(DataDirectory(), fs::path(NEWSFACET_SOURCE_DIR) / "schemas"));
  CHECK(fs::equivalent(WebDirectory(), fs::path(NEWSFACET_SOURCE_DIR) / "web"));
  CHECK(fs::exists(ExecutableDirectory() / kSourceTreeMarker));
}

TEST_CASE("the command line's directories win over the environment's, which win over the found ones") {
  {
    EnvironmentScope data("NEWSFACET_DATA_DIR", "/from/environment/data");
    EnvironmentScope web("NEWSFACET_WEB_DIR", "/from/environment/web");
    CHECK(DataDirectory() == "/from/environment/data");
    CHECK(WebDirectory() == "/from/environment/web");
    SetDataDirectory("/from/command/line/data");
    SetWebDirectory("/from/command/line/web");
    CHECK(DataDirectory() == "/from/command/line/data");
    CHECK(WebDirectory() == "/from/command/line/web");
    SetDataDirectory({});
    SetWebDirectory({});
    CHECK(DataDirectory() == "/from/environment/data");
  }
  {
    EnvironmentScope empty("NEWSFACET_DATA_DIR", "");  // set but empty: as if unset
    CHECK(fs::equivalent(DataDirectory(), fs::path(NEWSFACET_SOURCE_DIR) / "schemas"));
  }
}
