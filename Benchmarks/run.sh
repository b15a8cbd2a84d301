#!/usr/bin/env bash
# soxready benchmarks: one command builds in release mode, generates synthetic stores and times
# every command with hyperfine, next to the sqlite3 command line reading the same rows; then the
# same stores copied into a throw-away PostgreSQL server, next to psql (PG=0 skips that part).
#   bash Benchmarks/run.sh            (FULL=1 also times 2,000 applications; PG=0 skips PostgreSQL)
# Prints one table: median, spread (min–max), peak memory, ratio to the sqlite3 floor; the time to
# the first prompt over the process start (`soxready --version`), with the questionnaire cache warm
# and cold; and the growth when applications and runs double. Data goes to $BENCH_DIR (default
# /tmp/soxready-bench), the compiled-questionnaire cache to $BENCH_DIR/cache.
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
# The questionnaire cache of the benchmarks: in the data folder, never the home folder's.
export SOXREADY_CACHE="$dir/cache"

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
rm -rf assess*.sqlite* prompt.sqlite* "$dir/plans" "$dir/plans-base"
"$bin" assess --store prompt.sqlite --answers answers.yaml --questionnaire "$q" >/dev/null 2>&1
# assess is timed on a store where the application has one earlier run, restored before each run
# (its plans go to their own folder: a plan folder holds the plans of one store only).
"$bin" assess --store assess-base.sqlite --answers answers.yaml --questionnaire "$q" --output "$dir/plans-base" >/dev/null 2>&1

results=results.tsv
: > "$results"
bench() {  # name floor-name command...
    local name=$1 floor=$2; shift 2
    hyperfine -N --warmup 3 --runs "${RUNS:-20}" ${PREPARE:+--prepare "$PREPARE"} --export-json "bench-$name.json" "$*" >/dev/null
    local peak
    if [[ -n "${PREPARE:-}" ]]; then sh -c "$PREPARE"; fi
    peak=$(/usr/bin/time -f %M sh -c "$* >/dev/null 2>&1" 2>&1 | tail -1)
    printf '%s\t%s\t%s\t%s\n' "$name" "$floor" "$peak" "$*" >> "$results"
}
apps_sql="SELECT app.name, app.slug, run.* FROM app LEFT JOIN run ON run.appID = app.id AND run.number = (SELECT MAX(number) FROM run AS latest WHERE latest.appID = app.id) ORDER BY app.name"
history_sql="SELECT * FROM run WHERE appID = (SELECT id FROM app WHERE name = '$app') ORDER BY number"
# The portfolio's four queries (SQLiteStore+Portfolio.swift), as one sqlite3 call.
portfolio_sql="SELECT id, name, slug FROM app WHERE archivedAt IS NULL ORDER BY name; SELECT run.appID, run.number, run.recordedAt, run.readiness, run.score, run.confidence, run.result, run.questionnaireHash FROM run WHERE run.number = (SELECT MAX(number) FROM run AS other WHERE other.appID = run.appID AND other.recordedAt <= '9999'); SELECT appID, number, recordedAt, readiness FROM run WHERE recordedAt <= '9999'; SELECT * FROM signOff WHERE id IN (SELECT MAX(id) FROM signOff WHERE recordedAt <= '9999' GROUP BY appID, runNumber); SELECT hash, content FROM questionnaireContent"
report_sql="SELECT run.*, questionnaireContent.content FROM run JOIN questionnaireContent ON questionnaireContent.hash = run.questionnaireHash WHERE run.appID = 1 AND run.number >= 23"

bench validate - "$bin" questionnaire validate "$q"
cat > first-prompt.sh <<SH
printf ':quit\n' | '$bin' assess --store prompt.sqlite --app 'Prompt app' --restart --questionnaire '$q'
SH
cat > shell-floor.sh <<'SH'
true
SH
# The time to the first prompt against the process start, measured one after the other: with the
# compiled questionnaire in the cache (warm), and with the cache emptied before every run (cold:
# the YAML is parsed, validated and compiled, as after the questionnaire changes).
bench process-start - "$bin" --version
bench first-prompt process-start sh first-prompt.sh
PREPARE="rm -rf '$dir/cache'" bench first-prompt-cold process-start sh first-prompt.sh
bench floor-shell - sh shell-floor.sh
PREPARE="cp assess-base.sqlite assess.sqlite" bench assess-answers - "$bin" assess --store assess.sqlite --answers answers.yaml --questionnaire "$q" --output "$dir/plans"
bench report-html-24 floor-report-24 "$bin" report --store runs24.sqlite --app "'$app'" --format html --output -
bench floor-report-24 - sqlite3 runs24.sqlite "'$report_sql'"
bench report-html-12 - "$bin" report --store runs12.sqlite --app "'$app'" --format html --output -
bench apps-500 floor-apps-500 "$bin" apps --store apps500.sqlite
bench floor-apps-500 - sqlite3 apps500.sqlite "'$apps_sql'"
bench apps-1000 floor-apps-1000 "$bin" apps --store apps1000.sqlite
bench floor-apps-1000 - sqlite3 apps1000.sqlite "'$apps_sql'"
bench portfolio-json-500 floor-portfolio-500 "$bin" portfolio --store apps500.sqlite --format json --output -
bench floor-portfolio-500 - sqlite3 apps500.sqlite "\"$portfolio_sql\""
bench portfolio-json-1000 floor-portfolio-1000 "$bin" portfolio --store apps1000.sqlite --format json --output -
bench floor-portfolio-1000 - sqlite3 apps1000.sqlite "\"$portfolio_sql\""
bench portfolio-html-500 - "$bin" portfolio --store apps500.sqlite --format html --output -
bench portfolio-html-1000 - "$bin" portfolio --store apps1000.sqlite --format html --output -
bench history-1000x12 floor-history-1000x12 "$bin" history --store apps1000.sqlite --app "'$app'"
bench floor-history-1000x12 - sqlite3 apps1000.sqlite "\"$history_sql\""
bench history-24 - "$bin" history --store runs24.sqlite --app "'$app'"
bench history-12 - "$bin" history --store runs12.sqlite --app "'$app'"
# The team store: the same stores copied into a throw-away PostgreSQL server on a loopback port
# (PG=0 skips it), timed next to psql running the statements PostgresStore runs.
if [[ "${PG:-1}" == 1 ]]; then
    pg_dir="$dir/pg-server"
    bash "$root/scripts/pg-test-server.sh" stop "$pg_dir" 2>/dev/null || true
    eval "$(bash "$root/scripts/pg-test-server.sh" start "$pg_dir")"
    trap 'bash "$root/scripts/pg-test-server.sh" stop "$pg_dir" >/dev/null 2>&1 || true' EXIT
    pg_url() { printf 'postgresql://%s@127.0.0.1:%s/%s' "$PGUSER" "$PGPORT" "$1"; }
    pg_sizes=(500 1000); [[ "${FULL:-0}" == 1 ]] && pg_sizes+=(2000)
    for n in "${pg_sizes[@]}"; do
        psql -X -q -d "$PGDATABASE" -c "CREATE DATABASE apps$n" >/dev/null
        echo "copying apps$n.sqlite into PostgreSQL …"
        "$bin" store copy "apps$n.sqlite" "$(pg_url "apps$n")" >/dev/null
    done
    cat > pg-apps.sql <<'SQL'
SELECT id, name, slug, created_at, archived_at FROM soxready.apps ORDER BY name COLLATE "C"; SELECT a.id AS app_id, r.* FROM soxready.apps a CROSS JOIN LATERAL (SELECT number, recorded_at, questionnaire_id, questionnaire_version, readiness, score, confidence, stars, blockers, high_gaps, medium_gaps, low_gaps FROM soxready.runs WHERE runs.app_id = a.id ORDER BY number DESC LIMIT 2) r ORDER BY a.id, r.number DESC; SELECT d.app_id, d.updated_at, (SELECT count(*) FROM soxready.draft_answers a WHERE a.app_id = d.app_id AND a.answer IS NOT NULL) FROM soxready.drafts d; SELECT DISTINCT ON (s.app_id) s.* FROM soxready.sign_offs s WHERE s.run_number = (SELECT max(number) FROM soxready.runs r WHERE r.app_id = s.app_id) ORDER BY s.app_id, s.number DESC;
SQL
    cat > pg-portfolio.sql <<'SQL'
SELECT id, name, slug, created_at, archived_at FROM soxready.apps WHERE archived_at IS NULL ORDER BY name COLLATE "C"; SELECT a.id AS app_id, r.* FROM soxready.apps a CROSS JOIN LATERAL (SELECT number, recorded_at, questionnaire_id, questionnaire_version, readiness, score, confidence, stars, blockers, high_gaps, medium_gaps, low_gaps, result, questionnaire_hash FROM soxready.runs WHERE runs.app_id = a.id AND runs.recorded_at <= '9999-12-31' ORDER BY number DESC LIMIT 1) r WHERE a.archived_at IS NULL; SELECT r.app_id, r.number, r.recorded_at, r.readiness FROM soxready.runs r JOIN soxready.apps a ON a.id = r.app_id WHERE a.archived_at IS NULL AND r.recorded_at <= '9999-12-31'; SELECT DISTINCT ON (s.app_id, s.run_number) s.* FROM soxready.sign_offs s WHERE s.recorded_at <= '9999-12-31' ORDER BY s.app_id, s.run_number, s.number DESC; SELECT hash, content FROM soxready.questionnaire_contents;
SQL
    for n in "${pg_sizes[@]}"; do
        url=$(pg_url "apps$n")
        bench "pg-apps-$n" "floor-pg-apps-$n" "$bin" apps --store "$url"
        bench "floor-pg-apps-$n" - psql -X -q -A -t -d "apps$n" -f pg-apps.sql
        bench "pg-portfolio-json-$n" "floor-pg-portfolio-$n" "$bin" portfolio --store "$url" --format json --output -
        bench "floor-pg-portfolio-$n" - psql -X -q -A -t -d "apps$n" -f pg-portfolio.sql
        bench "pg-portfolio-html-$n" - "$bin" portfolio --store "$url" --format html --output -
    done
fi
if [[ "${FULL:-0}" == 1 ]]; then
    bench apps-2000 floor-apps-2000 "$bin" apps --store apps2000.sqlite
    bench floor-apps-2000 - sqlite3 apps2000.sqlite "'$apps_sql'"
    bench portfolio-json-2000 floor-portfolio-2000 "$bin" portfolio --store apps2000.sqlite --format json --output -
    bench floor-portfolio-2000 - sqlite3 apps2000.sqlite "\"$portfolio_sql\""
    bench portfolio-html-2000 - "$bin" portfolio --store apps2000.sqlite --format html --output -
fi
# The first-prompt rows time the whole process, :quit included (releasing the draft, exiting).
# This times the moment the prompt is printed: soxready is started with pipes, its output read
# until the prompt line; runs alternate with `soxready --version` and `true` (what starting a
# process from this script costs, taken off both), timed the same way.
python3 - "$bin" "$q" "${RUNS:-20}" > prompt-printed.json <<'PY'
import json, os, subprocess, sys, time
binary, questionnaire, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def timed(arguments, prompt):
    start = time.perf_counter()
    child = subprocess.Popen(arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
    shown = None
    if prompt:
        output = b""
        while not output.endswith(b">\n"):
            chunk = os.read(child.stdout.fileno(), 65536)
            if not chunk:
                sys.exit("soxready ended before its first prompt")
            output += chunk
        shown = (time.perf_counter() - start) * 1000
        child.stdin.write(b":quit\n")
    child.stdin.close()
    child.stdout.read()
    child.wait()
    return shown if prompt else (time.perf_counter() - start) * 1000
assess = [binary, "assess", "--store", "prompt.sqlite", "--app", "Prompt app", "--restart", "--questionnaire", questionnaire]
printed, started, floor = [], [], []
for index in range(runs + 3):  # the first three warm up
    shown, version, nothing = timed(assess, True), timed([binary, "--version"], False), timed(["true"], False)
    if index >= 3:
        printed.append(shown)
        started.append(version)
        floor.append(nothing)
json.dump({"printed": printed, "started": started, "floor": floor}, sys.stdout)
PY

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
# "× floor": against sqlite3 reading the same rows; for the first prompt, against the process start.
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
if "first-prompt" in data and "process-start" in data:
    start = data["process-start"]
    for name, label in (("first-prompt", "warm cache"), ("first-prompt-cold", "cold cache")):
        if name in data:
            fp = data[name]
            print(f"first prompt / process start ({label}): {fp[0]:.1f} / {start[0]:.1f} ms = {fp[0] / start[0]:.2f}× "
                  f"(spread {fp[1]:.1f}–{fp[2]:.1f} / {start[1]:.1f}–{start[2]:.1f} ms)")
try:
    printed = json.load(open("prompt-printed.json"))
    def middle(values):
        values = sorted(values)
        half = len(values) // 2
        return values[half] if len(values) % 2 else (values[half - 1] + values[half]) / 2
    shown, started, floor = middle(printed["printed"]), middle(printed["started"]), middle(printed["floor"])
    print(f"prompt printed / process start (warm cache, alternating runs, less {floor:.1f} ms of starting `true`): "
          f"{shown - floor:.1f} / {started - floor:.1f} ms = {(shown - floor) / (started - floor):.2f}× "
          f"(as measured {shown:.1f} / {started:.1f} ms; spread {min(printed['printed']):.1f}–{max(printed['printed']):.1f} / "
          f"{min(printed['started']):.1f}–{max(printed['started']):.1f} ms)")
except (OSError, ValueError, KeyError):
    pass
def growth(a, b, what):
    if a in data and b in data:
        print(f"doubling {what}: {data[b][0] / data[a][0]:.2f}× ({a} {data[a][0]:.1f} ms → {b} {data[b][0]:.1f} ms)")
growth("apps-500", "apps-1000", "applications (apps)")
growth("apps-1000", "apps-2000", "applications (apps)")
growth("portfolio-json-500", "portfolio-json-1000", "applications (portfolio json)")
growth("portfolio-json-1000", "portfolio-json-2000", "applications (portfolio json)")
growth("portfolio-html-500", "portfolio-html-1000", "applications (portfolio html)")
growth("portfolio-html-1000", "portfolio-html-2000", "applications (portfolio html)")
growth("pg-apps-500", "pg-apps-1000", "applications (apps, PostgreSQL)")
growth("pg-apps-1000", "pg-apps-2000", "applications (apps, PostgreSQL)")
growth("pg-portfolio-json-500", "pg-portfolio-json-1000", "applications (portfolio json, PostgreSQL)")
growth("pg-portfolio-json-1000", "pg-portfolio-json-2000", "applications (portfolio json, PostgreSQL)")
growth("pg-portfolio-html-500", "pg-portfolio-html-1000", "applications (portfolio html, PostgreSQL)")
growth("history-12", "history-24", "runs (history)")
growth("report-html-12", "report-html-24", "runs (report html)")
PY
