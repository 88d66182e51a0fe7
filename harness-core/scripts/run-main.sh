#!/usr/bin/env bash
# Runs a main class from a module's test sources (the benchmarks) on the module's test classpath,
# from the module's folder, without exec:java (whose plugin may not resolve offline). Build first:
#   mvn -B -o -q -pl harness-core -am test-compile
#   bash harness-core/scripts/run-main.sh harness-core dev.tollgate.bench.EngineBench [args...]
# The dependency jars' classpath comes from the dependency plugin, into <module>/target/test.classpath.
# No -o on that step: a build does not fetch that plugin, so a fresh machine must fetch it once;
# where it is already in the local repository it runs offline as it is.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 <module folder> <main class> [args...]   e.g. $0 harness-core dev.tollgate.bench.EngineBench" >&2
  exit 2
fi
module=$1
main=$2
shift 2
cd "$(dirname "$0")/../.."
if [ ! -d "$module/target/test-classes" ]; then
  echo "expected compiled test classes in $module/target/test-classes, found none;" \
       "build first: mvn -B -o -q -pl $module -am test-compile" >&2
  exit 2
fi
mvn -B -q -pl "$module" dependency:build-classpath -Dmdep.outputFile=target/test.classpath
cd "$module"
exec java -cp "target/test-classes:target/classes:$(cat target/test.classpath)" "$main" "$@"
