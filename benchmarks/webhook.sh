#!/usr/bin/env bash
# The webhook benchmark: aerona:webhook against a bare platform-http route, loaded by wrk (installed from Debian's
# packages when missing). Run after `mvn -B -q -DskipTests install`.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk > /dev/null; then
  apt-get install -y wrk || (apt-get update && apt-get install -y wrk)
fi
mvn -B -q -pl benchmarks exec:exec \
  -Dexec.args="-classpath %classpath io.github.camelaerona.benchmarks.BenchmarkMain webhook"
