#!/usr/bin/env bash
# Runs the toolkit's JMH benchmarks (profile -Pbench, sources in src/jmh/java).
# Usage: ./bench.sh [JMH options]   default: -wi 2 -i 3 -f 1 -w 2s -r 3s
# Do not run it while other builds use the CPU: the figures would be meaningless.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
mvn -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
if [[ $# -eq 0 ]]; then set -- -wi 2 -i 3 -f 1 -w 2s -r 3s; fi
exec java -cp "$cp" org.openjdk.jmh.Main "$@" cn.yunying.dicom.bench
