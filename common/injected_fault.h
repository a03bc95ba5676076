// A test seam: faults that end-to-end tests inject into the real binary,
// named in the environment variable NEWSFACET_INJECT_FAULT, to prove that
// an exception on any worker thread ends a run with exit 2 and a message
// rather than std::terminate. Unset (every real run) it costs one getenv
// per process.
//
//   NEWSFACET_INJECT_FAULT=writer-throws   a shard writer throws
//                                          std::runtime_error on its first article
//   NEWSFACET_INJECT_FAULT=reader-throws   a reader thread throws
//                                          std::runtime_error on its first file
#pragma once

namespace newsfacet {

enum class InjectedFault { kNone, kWriterThrows, kReaderThrows };

// The fault named in the environment when first asked.
InjectedFault FaultToInject();

// Throws std::runtime_error("injected fault ...") when `fault` is the one
// named in the environment.
void ThrowIfInjected(InjectedFault fault);

}  // namespace newsfacet
