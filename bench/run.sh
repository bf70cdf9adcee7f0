#!/usr/bin/env bash
# Runs a ReelForge benchmark: bench/run.sh jobs [options]   (see bench/README.md)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="$("$ROOT/scripts/find-jdk")"
export JAVA_HOME
if "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
(cd "$ROOT" && ./mvnw -q -B -Pbench -DskipTests -Dspotless.check.skip=true -pl bench -am package)
which="${1:-jobs}"
shift || true
case "$which" in
  jobs) main=dev.reelforge.bench.JobEngineBenchmark ;;
  render) main=dev.reelforge.bench.RenderBenchmark ;;
  tiers) main=dev.reelforge.bench.TierBenchmark ;;
  motion) main=dev.reelforge.bench.MotionBenchmark ;;
  brand) main=dev.reelforge.bench.BrandBenchmark ;;
  publish) main=dev.reelforge.bench.PublishBenchmark ;;
  clips) main=dev.reelforge.bench.ClipsBenchmark ;;
  story)
    (cd "$ROOT" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl reelforge-app -am package)
    main=dev.reelforge.bench.StoryBenchmark ;;
  load)
    (cd "$ROOT" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl reelforge-app -am package)
    main=dev.reelforge.bench.LoadBenchmark ;;
  cli)
    (cd "$ROOT" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl reelforge-app -am package)
    main=dev.reelforge.bench.CliBenchmark ;;
  media)
    # The packaged app, unpacked by the launcher (its jars in target/app/lib), provides the
    # providers and the engines; the benchmark starts it in-process as the generate command does.
    (cd "$ROOT" && ./reelforge version >/dev/null)
    cd "$ROOT"
    exec "$JAVA_HOME/bin/java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -cp "$ROOT/bench/target/bench.jar:$ROOT/reelforge-app/target/app/reelforge.jar:$ROOT/reelforge-app/target/app/lib/*" \
      dev.reelforge.bench.MediaBenchmark "$@" ;;
    *) echo "unknown benchmark '$which' (known: jobs, render, tiers, motion, brand, publish, clips, story, load, cli, media)" >&2; exit 2 ;;
esac
cd "$ROOT"
exec "$JAVA_HOME/bin/java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$ROOT/bench/target/bench.jar:$ROOT/bench/target/lib/*" "$main" "$@"
