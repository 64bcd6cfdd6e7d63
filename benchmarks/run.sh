#!/usr/bin/env bash
# Builds the benchmarks module, runs the JMH ratio benchmarks and the two absolute checks, and prints the ratio
# table. Run from anywhere: benchmarks/run.sh. Takes about 15 minutes. Settings can be overridden through the
# environment: FORKS, WARMUPS, WARMUP_TIME, ITERATIONS, ITERATION_TIME, BENCH (a JMH regex), TARGET (build folder),
# CHECKS=0 (skip the two absolute checks).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${TARGET:-target-bench}
JAR=benchmarks/$TARGET/benchmarks.jar
OUT=benchmarks/$TARGET/results
./mvnw -o -q -B package -DskipTests -pl benchmarks -am -Drammearkitektur.target="$TARGET"
mkdir -p "$OUT"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
  echo "jdk: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "load before: $(uptime)"
} | tee "$OUT/machine.txt"
# Warm-up per benchmark class (@Warmup): 3 x 2 s, and JMH's default 5 x 10 s for the CPR lookup; WARMUPS and
# WARMUP_TIME override them all.
WARMUP_ARGS=()
[ -n "${WARMUPS:-}" ] && WARMUP_ARGS+=(-wi "$WARMUPS")
[ -n "${WARMUP_TIME:-}" ] && WARMUP_ARGS+=(-w "$WARMUP_TIME")
java -jar "$JAR" -f "${FORKS:-2}" "${WARMUP_ARGS[@]}" -i "${ITERATIONS:-5}" \
  -r "${ITERATION_TIME:-2s}" -prof dk.rammearkitektur.benchmarks.CpuTimeProfiler \
  -rf json -rff "$OUT/jmh.json" "${BENCH:-dk.rammearkitektur.benchmarks.*Benchmark}" > "$OUT/jmh.txt"
echo "load after JMH: $(uptime)" | tee -a "$OUT/machine.txt"
status=0
if [ "${CHECKS:-1}" != 0 ]; then
  java -Xmx64m -cp "$JAR" dk.rammearkitektur.benchmarks.LargeAttachmentCheck send 2>"$OUT/large.err" \
    | tee "$OUT/checks.txt" || status=1
  java -cp "$JAR" dk.rammearkitektur.benchmarks.StsTokenCheck 2>"$OUT/sts.err" | tee -a "$OUT/checks.txt" || status=1
fi
echo
java -cp "$JAR" dk.rammearkitektur.benchmarks.RatioTable "$OUT/jmh.json" | tee "$OUT/ratios.txt"
exit $status
