#!/usr/bin/env bash
# Installs the outside linters the tests run, into .ci/node_modules (gitignored), pinned:
#   @redocly/cli 2.77.0         lints schema/portal-api.yaml (OpenApiLintTest)
#   @action-validator/cli 0.6.0 checks action.yml and .github/workflows/*.yml (ActionValidatorTest)
#   gitlab-ci-local 4.52.0      checks examples/ci/gitlab-ci.yml against GitLab's schema (GitLabCiTest)
# Idempotent (skips when the pinned versions are there), quiet, bounded in time. Never fails the
# run: without npm or the registry, the tests that need these tools skip with a loud message.
set -uo pipefail
cd "$(dirname "$0")"
want="@redocly/cli@2.77.0 @action-validator/cli@0.6.0 gitlab-ci-local@4.52.0"
installed() {
  [ -f node_modules/@redocly/cli/package.json ] && grep -q '"version": "2.77.0"' node_modules/@redocly/cli/package.json &&
  [ -f node_modules/@action-validator/cli/package.json ] && grep -q '"version": "0.6.0"' node_modules/@action-validator/cli/package.json &&
  [ -f node_modules/gitlab-ci-local/package.json ] && grep -q '"version": "4.52.0"' node_modules/gitlab-ci-local/package.json
}
if installed; then echo "setup-npm-linters: already installed ($want)"; exit 0; fi
if ! command -v npm >/dev/null 2>&1; then
  echo "setup-npm-linters: WARNING: npm not found; the OpenAPI, action and GitLab CI lint tests will SKIP" >&2
  exit 0
fi
[ -f package.json ] || echo '{"name": "roleform-ci-linters", "private": true}' > package.json
if timeout 600 npm install --no-audit --no-fund --loglevel=error --no-save --prefix . $want >/dev/null; then
  echo "setup-npm-linters: installed $want into .ci/node_modules"
else
  echo "setup-npm-linters: WARNING: npm install failed; the OpenAPI, action and GitLab CI lint tests will SKIP" >&2
fi
exit 0
