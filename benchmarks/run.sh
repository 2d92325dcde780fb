#!/usr/bin/env bash
# Every benchmark, with what they need: wrk for the webhook row comes from Debian's packages when missing (the
# benchmark main prints "not measured" for that row when it cannot be had, and the rest of the table still).
# Builds the project first. Arguments pick a subset (budget, restart, logins, overhead, waiting, webhook, cluster, priority, tenants).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk > /dev/null; then
  apt-get install -y wrk > /dev/null 2>&1 || (apt-get update > /dev/null 2>&1 && apt-get install -y wrk > /dev/null 2>&1) \
    || echo "wrk could not be installed: the webhook row will say not measured" >&2
fi
mvn -B -q -DskipTests install
mvn -B -q -pl benchmarks exec:exec -Dexec.args="-classpath %classpath io.github.camelaerona.benchmarks.BenchmarkMain $*"
