#!/usr/bin/env bash
# The browser tests, as ctest runs them (see README.md): checks for node, npm
# and Chromium, installs playwright-core from package-lock.json when it is
# not there yet, then runs node's test runner. Without the tools it skips
# (exit 77), except under CI, which is meant to have them: there it fails.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

missing=()
command -v node >/dev/null || missing+=(node)
command -v npm >/dev/null || missing+=(npm)
[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || missing+=("chromium (${CHROMIUM:-/usr/bin/chromium})")
if ((${#missing[@]})); then
  message="the browser tests need ${missing[*]}: scripts/install-deps.sh --test installs them"
  if [[ -n "${CI:-}" ]]; then echo "FAILED: $message" >&2; exit 1; fi
  echo "SKIPPED: $message" >&2
  exit 77
fi

for package in playwright-core axe-core; do
  wanted=$(node -p "require('$here/package-lock.json').packages['node_modules/$package'].version")
  installed=$(node -p "try { require('$here/node_modules/$package/package.json').version } catch { '' }")
  if [[ "$installed" != "$wanted" ]]; then
    echo "installing $package $wanted (npm ci)" >&2
    npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >&2
    break
  fi
done

# One file at a time: each drives its own Chromium and server.
exec node --test --test-concurrency=1 "$here/search_page.test.mjs" "$here/organisations.test.mjs" \
  "$here/search_ux.test.mjs" "$here/estimates.test.mjs"
