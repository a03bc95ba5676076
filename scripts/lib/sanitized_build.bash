# Sourced by scripts/test.sh --sanitize and scripts/fuzz.sh: the one clang
# build both use, in build-fuzz/. Everything in it is compiled with
# AddressSanitizer and UndefinedBehaviorSanitizer (and libFuzzer's coverage
# hooks), so the sanitized test suite and the fuzz targets share the
# compiled code and CI compiles it once. -O1 with line tables compiles in
# about half the time of -O2 -g and still gives stack traces with lines.
SANITIZED_BUILD_DIR=build-fuzz

configure_sanitized_build() {
  local werror=OFF
  if [[ "${CI:-}" == true ]]; then werror=ON; fi
  CC=clang CXX=clang++ cmake -S . -B "$SANITIZED_BUILD_DIR" -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DNEWSFACET_FUZZ=ON -DNEWSFACET_WERROR="$werror" >/dev/null
}
