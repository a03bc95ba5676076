#!/usr/bin/env bash
# Installs what newsfacet needs to build and test, from Debian's packages.
# Run as root (or with sudo available). Installs only what is missing.
set -euo pipefail

build_packages=(build-essential cmake pkg-config libxapian-dev xapian-tools libicu-dev
                libcpp-httplib-dev nlohmann-json3-dev doctest-dev libxml2-dev libzstd-dev zlib1g-dev libjemalloc-dev)
# Browser tests (tests/web/): Debian's Chromium, and Node.js with npm unless a
# node is already installed (its own npm comes with it).
# strace: the crash-recovery tests kill the indexer at chosen syscalls with it.
# clang: the fuzz targets (tests/fuzz/, scripts/fuzz.sh) and the sanitizer build.
test_packages=(python3 python3-jsonschema chromium strace clang)
if ! command -v node >/dev/null; then test_packages+=(nodejs npm); fi

wanted=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then wanted+=("${test_packages[@]}"); fi

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then exit 0; fi

echo "newsfacet: installing ${missing[*]}" >&2
sudo_if_needed=()
if [[ $(id -u) -ne 0 ]]; then sudo_if_needed=(sudo); fi
"${sudo_if_needed[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
