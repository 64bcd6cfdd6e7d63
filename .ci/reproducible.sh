#!/usr/bin/env bash
# Reproducible builds check: builds the project twice from clean, into two separate build folders, and fails unless
# every jar the two builds produced is byte for byte the same (docs/releasing.md, "Reproducibility").
#
# Both builds use the release profile without signing (-Prelease -Dgpg.skip), so the jars compared are the ones a
# release publishes, the javadoc and sources jars of cli, examples and clients/all included. Tests are skipped: they
# ran in the build before this one. Extra arguments go to both Maven runs (e.g. -o to build offline).
#
# Exit status: 0 when the builds are identical, 1 when a jar differs or exists in one build only, the Maven exit status
# when a build fails. The two build folders (target-repro-a, target-repro-b in every module) are kept after a failure
# for inspection and deleted after a success.
set -euo pipefail
cd "$(dirname "$0")/.."

a=target-repro-a
b=target-repro-b
start=$(date +%s)

build() {
  local dir=$1
  shift
  echo "reproducible: build into */$dir"
  ./mvnw -B -q -DskipTests -Prelease -Dgpg.skip "-Drammearkitektur.target=$dir" "$@" clean package
}
# REPRO_COMPARE_ONLY=1 compares the build folders of an earlier run (kept after a failure) without building again.
if [ "${REPRO_COMPARE_ONLY:-}" != 1 ]; then
  build "$a" "$@"
  build "$b" "$@"
fi

# Every jar of either build, as a path with the build folder name replaced by a placeholder.
list() {
  find . -path ./.git -prune -o -type f -name '*.jar' -path "*/$1/*" -print \
    | { grep -v '/\.mvn/' || true; } | sed "s#/$1/#/@/#" | LC_ALL=C sort
}
list "$a" >"${TMPDIR:-/tmp}/repro-a.$$"
list "$b" >"${TMPDIR:-/tmp}/repro-b.$$"

differing=()
while IFS= read -r jar; do
  differing+=("${jar/\/@\//\/$a\/} (only in $a)")
done < <(LC_ALL=C comm -23 "${TMPDIR:-/tmp}/repro-a.$$" "${TMPDIR:-/tmp}/repro-b.$$")
while IFS= read -r jar; do
  differing+=("${jar/\/@\//\/$b\/} (only in $b)")
done < <(LC_ALL=C comm -13 "${TMPDIR:-/tmp}/repro-a.$$" "${TMPDIR:-/tmp}/repro-b.$$")
count=0
while IFS= read -r jar; do
  count=$((count + 1))
  if ! cmp -s "${jar/\/@\//\/$a\/}" "${jar/\/@\//\/$b\/}"; then
    differing+=("${jar/\/@\//\/$a|$b\/}")
  fi
done < <(LC_ALL=C comm -12 "${TMPDIR:-/tmp}/repro-a.$$" "${TMPDIR:-/tmp}/repro-b.$$")
rm -f "${TMPDIR:-/tmp}/repro-a.$$" "${TMPDIR:-/tmp}/repro-b.$$"

seconds=$(($(date +%s) - start))
if [ "${#differing[@]}" -gt 0 ]; then
  echo "FAIL: two clean builds gave different jars (${#differing[@]} differences; $count jars in both builds; build folders kept):"
  printf '  %s\n' "${differing[@]}"
  # Which entries differ, when python3 is at hand (the first differing jars only).
  if command -v python3 >/dev/null 2>&1; then
    for entry in "${differing[@]:0:5}"; do
      case "$entry" in *"(only in "*) continue ;; esac
      python3 - "${entry/$a|$b/$a}" "${entry/$a|$b/$b}" <<'EOF'
import sys, zipfile
x, y = (zipfile.ZipFile(p) for p in sys.argv[1:3])
ex, ey = ({i.filename: i for i in z.infolist()} for z in (x, y))
print("  " + sys.argv[1] + ":")
if list(ex) != list(ey):
    print("    entries differ or are in another order")
for name in sorted(ex.keys() & ey.keys()):
    i, j = ex[name], ey[name]
    if i.CRC != j.CRC:
        print("    content: " + name)
    elif i.date_time != j.date_time:
        print("    timestamp: %s %s / %s" % (name, i.date_time, j.date_time))
EOF
    done
  fi
  exit 1
fi
if [ "$count" -eq 0 ]; then
  echo "FAIL: the builds produced no jar to compare"
  exit 1
fi
find . -path ./.git -prune -o -type d \( -name "$a" -o -name "$b" \) -prune -exec rm -rf {} +
echo "reproducible: the two builds gave $count identical jars (${seconds}s)"
