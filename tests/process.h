// Running the built `newsfacet` tool from end-to-end tests.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/temp_dir.h"

namespace newsfacet::testing {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Starts `newsfacet ARGS...` with stdout and stderr sent to files; returns the pid.
inline pid_t StartNewsfacet(const std::vector<std::string>& args, const std::filesystem::path& out,
                            const std::filesystem::path& err) {
  std::fflush(nullptr);  // or the child would write our buffered output again
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDOUT_FILENO);
    ::dup2(::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDERR_FILENO);
    ::dup2(::open("/dev/null", O_RDONLY), STDIN_FILENO);
    std::vector<char*> argv;
    std::string binary = NEWSFACET_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = args;
    for (std::string& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

inline int WaitExitCode(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

// Runs `newsfacet ARGS...` to the end.
inline ProcessResult RunNewsfacet(const std::vector<std::string>& args) {
  TempDir scratch;
  ProcessResult result;
  result.exit_code = WaitExitCode(StartNewsfacet(args, scratch / "out", scratch / "err"));
  result.out = Slurp(scratch / "out");
  result.err = Slurp(scratch / "err");
  return result;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

inline std::filesystem::path SourceDir() { return NEWSFACET_SOURCE_DIR; }

// ../shared beside the repository, when this machine has it.
inline std::filesystem::path SharedDir() { return SourceDir().parent_path() / "shared"; }

// ../shared/<relative> when this machine has it; otherwise the test says it
// is skipped, and gets an empty path to return on.
inline std::filesystem::path SharedOrSkip(const std::string& relative) {
  std::filesystem::path path = SharedDir() / relative;
  if (std::filesystem::exists(path)) return path;
  MESSAGE("skipped: " << path << " is not on this machine");
  return {};
}

}  // namespace newsfacet::testing
