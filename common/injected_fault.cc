#include "common/injected_fault.h"

#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace newsfacet {

InjectedFault FaultToInject() {
  static const InjectedFault fault = [] {
    const char* name = std::getenv("NEWSFACET_INJECT_FAULT");
    if (name == nullptr) return InjectedFault::kNone;
    if (std::string_view(name) == "writer-throws") return InjectedFault::kWriterThrows;
    if (std::string_view(name) == "reader-throws") return InjectedFault::kReaderThrows;
    return InjectedFault::kNone;
  }();
  return fault;
}

void ThrowIfInjected(InjectedFault fault) {
  if (fault != InjectedFault::kNone && fault == FaultToInject()) {
    throw std::runtime_error(fault == InjectedFault::kWriterThrows ? "injected fault: writer-throws"
                                                                   : "injected fault: reader-throws");
  }
}

}  // namespace newsfacet
