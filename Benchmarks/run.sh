#!/usr/bin/env bash
# soxready benchmarks: one command builds in release mode, generates synthetic stores and times
# every command with hyperfine, next to the sqlite3 command line reading the same rows.
#   bash Benchmarks/run.sh            (FULL=1 also times 2,000 applications)
# Prints one table: median, spread (min–max), peak memory, ratio to the sqlite3 floor; and the
# growth when applications and runs double. Data goes to $BENCH_DIR (default /tmp/soxready-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
missing=()
for tool in hyperfine sqlite3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
    sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
bash scripts/install-deps.sh --test >/dev/null
swift build -c release --product soxready --static-swift-stdlib 2>&1 | grep -v "warning: Using 'mktemp'" | tail -1
bin="$root/.build/release/soxready"
q="$root/Questionnaires/sox-azure-migration.yaml"
dir=${BENCH_DIR:-/tmp/soxready-bench}
mkdir -p "$dir"
cd "$dir"
export NO_COLOR=1

generate() {  # store apps runs
    if [[ ! -f "$1.done" ]]; then
        rm -f "$1" "$1-wal" "$1-shm"
        "$bin" bench-generate --store "$1" --apps "$2" --runs "$3" --questionnaire "$q" >/dev/null
        touch "$1.done"
    fi
}
echo "generating stores in $dir (first time only) …"
generate apps500.sqlite 500 12
generate apps1000.sqlite 1000 12
[[ "${FULL:-0}" == 1 ]] && generate apps2000.sqlite 2000 12
generate runs12.sqlite 1 12
generate runs24.sqlite 1 24
app="Synthetic application 00001"
cp "$root/Questionnaires/examples/general-ledger.yaml" answers.yaml
rm -f assess*.sqlite* prompt.sqlite*
"$bin" assess --store prompt.sqlite --answers answers.yaml --questionnaire "$q" >/dev/null 2>&1
# assess is timed on a store where the application has one earlier run, restored before each run.
"$bin" assess --store assess-base.sqlite --answers answers.yaml --questionnaire "$q" --output "$dir/plans" >/dev/null 2>&1

results=results.tsv
: > "$results"
bench() {  # name floor-name command...
    local name=$1 floor=$2; shift 2
    hyperfine -N --warmup 3 --runs "${RUNS:-20}" ${PREPARE:+--prepare "$PREPARE"} --export-json "bench-$name.json" "$*" >/dev/null
    local peak
    peak=$(/usr/bin/time -f %M sh -c "$* >/dev/null 2>&1" 2>&1 | tail -1)
    printf '%s\t%s\t%s\t%s\n' "$name" "$floor" "$peak" "$*" >> "$results"
}
apps_sql="SELECT app.name, app.slug, run.* FROM app LEFT JOIN run ON run.appID = app.id AND run.number = (SELECT MAX(number) FROM run AS latest WHERE latest.appID = app.id) ORDER BY app.name"
history_sql="SELECT * FROM run WHERE appID = (SELECT id FROM app WHERE name = '$app') ORDER BY number"
report_sql="SELECT run.*, questionnaireContent.content FROM run JOIN questionnaireContent ON questionnaireContent.hash = run.questionnaireHash WHERE run.appID = 1 AND run.number >= 23"

bench validate - "$bin" questionnaire validate "$q"
cat > first-prompt.sh <<SH
printf ':quit\n' | '$bin' assess --store prompt.sqlite --app 'Prompt app' --restart --questionnaire '$q'
SH
cat > shell-floor.sh <<'SH'
true
SH
bench first-prompt - sh first-prompt.sh
bench floor-shell - sh shell-floor.sh
PREPARE="cp assess-base.sqlite assess.sqlite" bench assess-answers - "$bin" assess --store assess.sqlite --answers answers.yaml --questionnaire "$q" --output "$dir/plans"
bench report-html-24 floor-report-24 "$bin" report --store runs24.sqlite --app "'$app'" --format html --output -
bench floor-report-24 - sqlite3 runs24.sqlite "'$report_sql'"
bench report-html-12 - "$bin" report --store runs12.sqlite --app "'$app'" --format html --output -
bench apps-500 floor-apps-500 "$bin" apps --store apps500.sqlite
bench floor-apps-500 - sqlite3 apps500.sqlite "'$apps_sql'"
bench apps-1000 floor-apps-1000 "$bin" apps --store apps1000.sqlite
bench floor-apps-1000 - sqlite3 apps1000.sqlite "'$apps_sql'"
bench history-1000x12 floor-history-1000x12 "$bin" history --store apps1000.sqlite --app "'$app'"
bench floor-history-1000x12 - sqlite3 apps1000.sqlite "\"$history_sql\""
bench history-24 - "$bin" history --store runs24.sqlite --app "'$app'"
bench history-12 - "$bin" history --store runs12.sqlite --app "'$app'"
if [[ "${FULL:-0}" == 1 ]]; then
    bench apps-2000 floor-apps-2000 "$bin" apps --store apps2000.sqlite
    bench floor-apps-2000 - sqlite3 apps2000.sqlite "'$apps_sql'"
fi

python3 - "$results" <<'PY'
import json, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
data = {}
for name, floor, peak, command in rows:
    result = json.load(open(f"bench-{name}.json"))["results"][0]
    times = sorted(t * 1000 for t in result["times"])
    median = times[len(times) // 2] if len(times) % 2 else (times[len(times) // 2 - 1] + times[len(times) // 2]) / 2
    cpu = (result["user"] + result["system"]) * 1000
    data[name] = (median, times[0], times[-1], int(peak) / 1024, floor, cpu)
print(f"{'benchmark':<24}{'median ms':>11}{'min–max ms':>16}{'cpu ms':>9}{'peak MB':>9}{'× floor':>9}")
for name, (median, low, high, peak, floor, cpu) in data.items():
    if name.startswith("floor-"):
        continue
    ratio = f"{median / data[floor][0]:.2f}" if floor in data and floor != "floor-shell" else "–"
    print(f"{name:<24}{median:>11.1f}{f'{low:.1f}–{high:.1f}':>16}{cpu:>9.1f}{peak:>9.1f}{ratio:>9}")
for name, (median, low, high, peak, floor, cpu) in data.items():
    if name.startswith("floor-"):
        print(f"{name:<24}{median:>11.1f}{f'{low:.1f}–{high:.1f}':>16}{cpu:>9.1f}{peak:>9.1f}{'':>9}")
print()
def growth(a, b, what):
    if a in data and b in data:
        print(f"doubling {what}: {data[b][0] / data[a][0]:.2f}× ({a} {data[a][0]:.1f} ms → {b} {data[b][0]:.1f} ms)")
growth("apps-500", "apps-1000", "applications (apps)")
growth("apps-1000", "apps-2000", "applications (apps)")
growth("history-12", "history-24", "runs (history)")
growth("report-html-12", "report-html-24", "runs (report html)")
PY
