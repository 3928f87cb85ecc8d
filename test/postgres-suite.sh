#!/usr/bin/env bash
# The turn-level tests and the storage contract again, with the bot on PostgreSQL (issue 11).
# Needs TEST_POSTGRES_URL (a server the tests may create databases on; .ci/run starts one).
set -euo pipefail
if [[ -z "${TEST_POSTGRES_URL:-}" ]]; then
  if [[ "${CI:-}" == "true" ]]; then
    echo "test:pg: TEST_POSTGRES_URL is not set; CI must run the PostgreSQL suites" >&2
    exit 1
  fi
  echo "test:pg: skipped — set TEST_POSTGRES_URL=postgres://user@host:port/db to run the suites on PostgreSQL"
  exit 0
fi
TEST_ENGINE=postgres exec npx vitest run test/teams test/storage "$@"
