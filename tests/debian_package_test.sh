#!/usr/bin/env bash
# `cpack -G DEB` makes a package that installs newsfacet under /usr, its data
# and web page under /usr/share/newsfacet and its systemd unit, and depends
# on Debian's runtime libraries (never on -dev packages). Skips (77) without
# dpkg-deb and dpkg-shlibdeps.
set -euo pipefail
source_dir=$(realpath "$1") build_dir=$(realpath "$2")
for tool in dpkg-deb dpkg-shlibdeps cpack; do
  command -v "$tool" >/dev/null || { echo "debian_package_test: skipped: no $tool"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "debian_package_test: $*" >&2; exit 1; }

(cd "$work" && cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) ||
  fail "cpack failed: $(tail -20 "$work/cpack.log")"
shopt -s nullglob
packages=("$work"/out/newsfacet_*.deb)
((${#packages[@]} == 1)) || fail "expected one newsfacet_*.deb, found ${#packages[@]}: $(ls "$work/out")"
deb=${packages[0]}

dpkg-deb -c "$deb" | awk '{print $NF}' >"$work/contents"
for path in ./usr/bin/newsfacet ./usr/share/newsfacet/events.json ./usr/share/newsfacet/data/countries.json \
            ./usr/share/newsfacet/data/name_tagger.bin ./usr/share/newsfacet/web/index.html \
            ./usr/lib/systemd/system/newsfacet.service; do
  grep -qx -- "$path" "$work/contents" || fail "$path is not in the package"
done
if grep -E '_test|\.cc$|\.h$|unit_tests|/tests/' "$work/contents"; then fail "the package holds test or source files"; fi

depends=$(dpkg-deb -f "$deb" Depends)
[[ -n $depends ]] || fail "the package has no Depends"
for library in libxapian libicu libxml2 libzstd libstdc++6 libc6; do
  grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done
if grep -q -- '-dev' <<<"$depends"; then fail "Depends names a -dev package: $depends"; fi
[[ $(dpkg-deb -f "$deb" Package) == newsfacet ]] || fail "Package is not newsfacet"

# The packaged executable is stripped and runs.
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/newsfacet" --version | grep -q '^newsfacet ' || fail "the packaged newsfacet does not run"
echo "debian_package_test: $(basename "$deb"): Depends: $depends"
