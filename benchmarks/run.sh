#!/usr/bin/env bash
# Builds the benchmark suite, runs it, and prints Markdown tables: JMH (time, allocation, overhead over direct
# and relative to Chainmail), cold start, and build time. Works from any directory.
#
#   benchmarks/run.sh            full run: 2 forks x (3 x 2 s warm-up + 5 x 2 s measurement); about 75 minutes
#   benchmarks/run.sh --quick    smoke test: 1 fork x (1 x 200 ms + 1 x 300 ms); about 5 minutes; numbers are
#                                not fit to publish
#   benchmarks/run.sh --skip-build [--quick]   reuse benchmarks/target/benchmarks.jar as it is
#   benchmarks/run.sh [--quick] -- REGEX...    run only the JMH benchmarks matching REGEX (e.g. RetrySuccess);
#                                cold start and build time are skipped
#   benchmarks/run.sh [--quick] --postgres      run only the PostgreSQL benchmarks, on one embedded server that
#                                every fork shares, at 1 and 8 threads, beside DBOS Transact; about 13 minutes
#
# A full run measures the PostgreSQL scenarios as --postgres does, after the others.
# Results go to benchmarks/target/results/ (jmh.json, jmh.log, *.md); the tables are printed at the end.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

quick=false
build=true
postgres=false
patterns=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true ;;
    --skip-build) build=false ;;
    --postgres) postgres=true ;;
    --) shift; patterns=("$@"); break ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="benchmarks/target/benchmarks.jar"
out="benchmarks/target/results"
started=$SECONDS

if $quick; then
  jmh_opts=(-f 1 -wi 1 -w 200ms -i 1 -r 300ms)
  cold_runs=3 cold_warmup=1
  build_classes=50 build_runs=1
else
  jmh_opts=()    # the classes' own @Fork(2) @Warmup(3 x 2 s) @Measurement(5 x 2 s)
  cold_runs=20 cold_warmup=3
  build_classes=500 build_runs=5
fi

step() { printf '\n== %s (%ds)\n' "$1" $((SECONDS - started)) >&2; }

# 1. Build: the reactor builds the module and everything it needs, the processor included.
if $build; then
  step "build"
  mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true
fi
[[ -f "$jar" ]] || { echo "run.sh: $jar is missing; build without --skip-build" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"

# The PostgreSQL scenarios: one server for every fork, 1 and 8 threads, beside DBOS (PostgresBenchmarks).
postgres_phase() {
  step "PostgreSQL $($quick && echo '(quick)' || echo '(full)'), log: $out/postgres.log"
  "$java" -cp "$jar" dev.chainmail.benchmarks.PostgresBenchmarks $($quick && echo --quick) "$out" \
    > "$out/postgres.log" 2>&1 || { tail -40 "$out/postgres.log" >&2; exit 1; }
}

if $postgres; then
  postgres_phase
  cat "$out/postgres.md"
  echo "Total time: $((SECONDS - started)) s."
  exit 0
fi

# 2. JMH, with the GC profiler for bytes per operation. -foe: a failed sanity check in @Setup fails the run. A full
# run leaves the PostgreSQL scenarios to their own phase, which shares one server between forks.
step "JMH $($quick && echo '(quick)' || echo '(full)'), log: $out/jmh.log"
selection=(-e Postgres)
[[ ${#patterns[@]} -gt 0 ]] && selection=("${patterns[@]}")
"$java" -jar "$jar" "${jmh_opts[@]}" -foe true -prof gc -rf json -rff "$out/jmh.json" "${selection[@]}" \
  2>&1 | tee "$out/jmh.log" | grep --line-buffered -E '^# (Benchmark|Run progress):' >&2
"$java" -cp "$jar" dev.chainmail.benchmarks.report.ResultsTable "$out/jmh.json" > "$out/jmh.md"

if [[ ${#patterns[@]} -eq 0 ]]; then
  postgres_phase

  # 3. Cold start: one JVM per run. hyperfine if present (a full run installs it when it can), else a Java loop.
  step "cold start"
  if ! command -v hyperfine > /dev/null && ! $quick && [[ $(id -u) -eq 0 ]] && command -v apt-get > /dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q hyperfine > /dev/null 2>&1 \
      || { apt-get update -q > /dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q hyperfine \
           > /dev/null 2>&1; } || true
  fi
  if command -v hyperfine > /dev/null; then
    commands=()
    while read -r name main; do
      commands+=(-n "$name" "$java -cp $jar $main")
    done < <("$java" -cp "$jar" dev.chainmail.benchmarks.coldstart.ColdStartRunner list)
    hyperfine -N --warmup "$cold_warmup" --runs "$cold_runs" --export-json "$out/coldstart.json" "${commands[@]}" \
      > "$out/coldstart.log" 2>&1
    "$java" -cp "$jar" dev.chainmail.benchmarks.coldstart.ColdStartRunner table "$out/coldstart.json" \
      > "$out/coldstart.md"
  else
    "$java" -cp "$jar" dev.chainmail.benchmarks.coldstart.ColdStartRunner run "$cold_runs" "$cold_warmup" "$jar" \
      > "$out/coldstart.md"
  fi

  # 4. Build time: javac on a generated project, with and without the processor.
  step "build time"
  "$java" -cp "$jar" dev.chainmail.benchmarks.buildtime.BuildTimeBenchmark benchmarks/target/processor-path \
    "$build_classes" "$build_runs" > "$out/buildtime.md"
fi

step "done"
{
  if $quick; then
    echo "**Quick run (--quick): a smoke test, one short iteration per benchmark. These numbers are not fit to"
    echo "publish.**"
    echo
  fi
  for table in jmh postgres coldstart buildtime; do
    [[ -f "$out/$table.md" ]] && { cat "$out/$table.md"; echo; }
  done
  echo "Total time: $((SECONDS - started)) s."
} | tee "$out/summary.md"
