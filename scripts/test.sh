#!/usr/bin/env bash
# What `npm test` runs. Every step runs even after a failure, so the summary is complete; the
# summary counts failed steps too, ends with `total: N passed, N failed, N skipped` and sets the exit code.
set -uo pipefail
cd "$(dirname "$0")/.."

failed_steps=()
step() {
  local name=$1
  shift
  printf '\n=== %s\n' "$name"
  "$@" || failed_steps+=("$name")
}

mkdir -p reports
rm -f reports/unit.json reports/e2e.json

step typecheck npm run --silent typecheck
step lint npm run --silent lint
step "unit tests" npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json
step build npm run --silent build
# Playwright uses CHROMIUM_PATH or the system Chromium (see playwright.config.ts); with neither, its own browser,
# which a fresh machine must download once.
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  step "browser install" npx playwright install chromium
fi
# When the build step succeeded, the e2e server serves its dist/ rather than building a second time.
prebuilt=1
for failed in "${failed_steps[@]}"; do [ "$failed" = build ] && prebuilt=0; done
step e2e env E2E_PREBUILT=$prebuilt npx playwright test

printf '\n=== summary\n'
node .ci/summary.mjs "${failed_steps[@]}"
