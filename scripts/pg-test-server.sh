#!/usr/bin/env bash
# pg-test-server.sh: a throw-away PostgreSQL server for tests and CI.
#
#   pg-test-server.sh install                 install PostgreSQL from Debian's packages if missing
#   pg-test-server.sh start [--tls|--tls-only] [DIR]
#                                             create a cluster in DIR (default: a new temporary
#                                             folder), start it on 127.0.0.1 and a free port, print
#                                             `export ...` lines on stdout (everything else: stderr)
#   pg-test-server.sh env DIR                 print the export lines again
#   pg-test-server.sh status DIR              exit 0 when the server in DIR is running
#   pg-test-server.sh stop DIR                stop the server and remove DIR (no-op if absent)
#
# Use:   eval "$(scripts/pg-test-server.sh start "$tmp")"; ...; scripts/pg-test-server.sh stop "$tmp"
#
# --tls       ssl=on with a self-signed certificate (CN=localhost, SAN localhost + 127.0.0.1);
#             plain and TLS connections both accepted (tests sslmode=prefer/require/disable).
# --tls-only  as --tls, and pg_hba.conf rejects connections without TLS (hostnossl ... reject).
#
# Environment: PG_TEST_USER (default soxready), PG_TEST_DB (default soxready_test),
#              PG_TEST_PASSWORD (default: random), PG_TEST_PORT (default: a free port).
#
# The server runs as the invoking user, or as `postgres` when invoked as root (root cannot run
# postgres). It listens on 127.0.0.1 only; its Unix socket is in DIR (mode 0700), never in
# /var/run/postgresql. Settings favour speed over durability (fsync=off): for tests only.
set -euo pipefail

MARKER=.soxready-pg-test
log() { printf 'pg-test-server: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The directory of initdb/pg_ctl/postgres: PG_BINDIR, PATH, then Debian's versioned folders.
find_bindir() {
    if [ -n "${PG_BINDIR:-}" ] && [ -x "$PG_BINDIR/pg_ctl" ]; then echo "$PG_BINDIR"; return 0; fi
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
    if [ -n "$d" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then
        echo "$d"; return 0
    fi
    if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"; return 0
    fi
    return 1
}

do_install() {
    if find_bindir >/dev/null && command -v psql >/dev/null; then return 0; fi
    command -v apt-get >/dev/null || die "PostgreSQL is missing and apt-get is not available"
    log "installing PostgreSQL from Debian's packages"
    local t0=$SECONDS
    # No default cluster, and no service start during the install: we start our own server.
    as_root mkdir -p /etc/postgresql-common/createcluster.d
    echo 'create_main_cluster = false' | as_root tee /etc/postgresql-common/createcluster.d/50-no-main-cluster.conf >/dev/null
    local rcd_added=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
        as_root chmod 755 /usr/sbin/policy-rc.d
        rcd_added=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o Dpkg::Options::=--force-confold postgresql postgresql-client openssl >&2
    [ -n "$rcd_added" ] && as_root rm -f /usr/sbin/policy-rc.d
    find_bindir >/dev/null || die "PostgreSQL installed but initdb/pg_ctl not found"
    log "installed in $((SECONDS - t0)) s"
}

# Run a command as the server's owner.
SERVER_USER=""
as_server() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u "$SERVER_USER" -- "$@"; else "$@"; fi
}

pick_server_user() {
    if [ "$(id -u)" -ne 0 ]; then SERVER_USER=$(id -un); return; fi
    SERVER_USER=${PG_TEST_OS_USER:-postgres}
    if ! id -u "$SERVER_USER" >/dev/null 2>&1; then
        log "creating system user $SERVER_USER"
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$SERVER_USER"
    fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local p i
    for i in $(seq 1 50); do
        p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        port_in_use "$p" || { echo "$p"; return 0; }
    done
    die "no free port found"
}

print_env() {
    local dir=$1
    [ -f "$dir/env" ] || die "$dir has no server (no env file)"
    cat "$dir/env"
}

# The postmaster's PID if it is alive. A killed postmaster can linger as a zombie when PID 1
# does not reap orphans (as in this sandbox): kill -0 and `pg_ctl status` still succeed then.
live_postmaster() {
    local dir=$1 pid
    pid=$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null) || return 1
    [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
    grep -q ') [ZX] ' "/proc/$pid/stat" && return 1
    echo "$pid"
}

is_running() {   # alive and accepting connections
    local dir=$1 port bindir
    live_postmaster "$dir" >/dev/null || return 1
    port=$(sed -n 4p "$dir/data/postmaster.pid")
    bindir=$(find_bindir) || return 1
    if [ -x "$bindir/pg_isready" ]; then
        "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -t 5
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
    fi
}

url_encode() {  # percent-encode everything but unreserved characters
    local s=$1 out="" c i
    for (( i = 0; i < ${#s}; i++ )); do
        c=${s:i:1}
        case $c in [a-zA-Z0-9.~_-]) out+=$c ;; *) out+=$(printf '%%%02X' "'$c") ;; esac
    done
    printf '%s' "$out"
}

make_cert() {
    local dir=$1
    command -v openssl >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >&2
    # EC P-256 keys are made in milliseconds (RSA 2048 takes ~0.1-0.5 s).
    openssl req -x509 -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
        -keyout "$dir/server.key" -out "$dir/server.crt" -days 30 -subj "/CN=localhost" \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" >/dev/null 2>&1 \
        || die "openssl could not make a certificate"
    chmod 600 "$dir/server.key"
    chmod 644 "$dir/server.crt"
}

do_start() {
    local tls="" dir=""
    while [ $# -gt 0 ]; do
        case $1 in
            --tls) tls=on ;;
            --tls-only) tls=only ;;
            -*) die "unknown option $1" ;;
            *) [ -z "$dir" ] || die "one DIR only"; dir=$1 ;;
        esac
        shift
    done
    local t0; t0=$(date +%s.%N)
    do_install
    local bindir; bindir=$(find_bindir)
    pick_server_user

    if [ -z "$dir" ]; then dir=$(mktemp -d "${TMPDIR:-/tmp}/soxready-pg.XXXXXX"); fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd -P)
    [ ${#dir} -lt 80 ] || die "DIR path too long for a Unix socket (${#dir} chars): use a shorter one"

    # Idempotent: a running server in DIR is reused.
    if [ -f "$dir/$MARKER" ] && is_running "$dir"; then
        log "already running in $dir"
        print_env "$dir"; return 0
    fi
    if [ -n "$(ls -A "$dir")" ] && [ ! -f "$dir/$MARKER" ]; then
        die "$dir is not empty and not a pg-test-server folder"
    fi
    # A crashed server leaves postmaster.pid behind (possibly naming a zombie): remove it.
    if [ -f "$dir/data/postmaster.pid" ] && ! live_postmaster "$dir" >/dev/null; then
        log "removing stale postmaster.pid (server in $dir had died)"
        rm -f "$dir/data/postmaster.pid"
    fi
    touch "$dir/$MARKER"
    chmod 700 "$dir"
    [ "$(id -u)" -eq 0 ] && chown "$SERVER_USER" "$dir"
    as_server test -w "$dir" || die "user $SERVER_USER cannot write $dir (a parent folder is not traversable?)"

    local user=${PG_TEST_USER:-soxready} db=${PG_TEST_DB:-soxready_test}
    local pass
    if [ -f "$dir/password" ]; then pass=$(cat "$dir/password")
    else pass=${PG_TEST_PASSWORD:-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}; fi

    if [ ! -f "$dir/data/PG_VERSION" ]; then
        rm -rf "$dir/data"
        printf '%s\n' "$pass" > "$dir/password"
        chmod 600 "$dir/password"
        [ "$(id -u)" -eq 0 ] && chown "$SERVER_USER" "$dir/password"
        local locale=C
        if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then locale=C.UTF-8; fi
        as_server "$bindir/initdb" -D "$dir/data" --username="$user" --pwfile="$dir/password" \
            --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale="$locale" \
            --no-sync --no-instructions >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
        if [ -n "$tls" ]; then
            make_cert "$dir"
            [ "$(id -u)" -eq 0 ] && chown "$SERVER_USER" "$dir/server.key" "$dir/server.crt"
        fi
        {
            echo "listen_addresses = '127.0.0.1'"
            echo "unix_socket_directories = '$dir'"
            echo "unix_socket_permissions = 0700"
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
            echo "max_connections = 100"
            echo "shared_buffers = 32MB"
            echo "log_min_messages = warning"
            echo "log_min_error_statement = panic"   # tests provoke errors on purpose: keep the log short
            if [ -n "$tls" ]; then
                echo "ssl = on"
                echo "ssl_cert_file = '$dir/server.crt'"
                echo "ssl_key_file = '$dir/server.key'"
            fi
        } | as_server tee -a "$dir/data/postgresql.conf" >/dev/null
        if [ "$tls" = only ]; then
            {
                echo "local     all all                scram-sha-256"
                echo "hostnossl all all 0.0.0.0/0      reject"
                echo "hostssl   all all 127.0.0.1/32   scram-sha-256"
            } | as_server tee "$dir/data/pg_hba.conf" >/dev/null
        fi
    fi

    # Start on a free port; retry on a port race.
    local port attempt ok=""
    for attempt in 1 2 3 4 5; do
        port=${PG_TEST_PORT:-$(free_port)}
        if as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 30 start >/dev/null 2>&1; then
            ok=1; break
        fi
        [ -n "${PG_TEST_PORT:-}" ] && break
        log "start on port $port failed (attempt $attempt), retrying"
    done
    [ -n "$ok" ] || { tail -n 20 "$dir/server.log" >&2 || true; die "server did not start"; }

    # The test database (idempotent).
    local psql_bin="$bindir/psql"; [ -x "$psql_bin" ] || psql_bin=psql
    PGPASSWORD=$pass "$psql_bin" -X -q -h "$dir" -p "$port" -U "$user" -d postgres -v ON_ERROR_STOP=1 -tA \
        -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
        || PGPASSWORD=$pass "$psql_bin" -X -q -h "$dir" -p "$port" -U "$user" -d postgres -v ON_ERROR_STOP=1 \
            -c "CREATE DATABASE \"$db\"" >&2

    # A pgpass file for the password-free variants (libpq wants 0600).
    local pu pp
    pu=$(printf '%s' "$user" | sed 's/[\\:]/\\&/g'); pp=$(printf '%s' "$pass" | sed 's/[\\:]/\\&/g')
    printf '127.0.0.1:%s:*:%s:%s\nlocalhost:%s:*:%s:%s\n' "$port" "$pu" "$pp" "$port" "$pu" "$pp" > "$dir/pgpass"
    chmod 600 "$dir/pgpass"

    local epass; epass=$(url_encode "$pass")
    local q=""; [ "$tls" = only ] && q="?sslmode=require"
    {
        echo "export SOXREADY_TEST_PG='postgresql://$user:$epass@127.0.0.1:$port/$db$q'"
        echo "export SOXREADY_TEST_PG_NOPASS='postgresql://$user@127.0.0.1:$port/$db$q'"
        echo "export SOXREADY_TEST_PG_DIR='$dir'"
        echo "export PGHOST=127.0.0.1 PGPORT=$port PGUSER='$user' PGDATABASE='$db'"
        echo "export PGPASSFILE='$dir/pgpass'"
        if [ -n "$tls" ]; then
            echo "export SOXREADY_TEST_PG_TLS='postgresql://$user:$epass@127.0.0.1:$port/$db?sslmode=require'"
            echo "export SOXREADY_TEST_PG_CA='$dir/server.crt'"
        fi
    } > "$dir/env"
    local t1; t1=$(date +%s.%N)
    log "ready on 127.0.0.1:$port in $(awk "BEGIN{printf \"%.2f\", $t1 - $t0}") s (dir $dir${tls:+, tls=$tls})"
    print_env "$dir"
}

do_stop() {
    local dir=${1:-}
    [ -n "$dir" ] || die "usage: stop DIR"
    [ -d "$dir" ] || { log "nothing to stop in $dir"; return 0; }
    [ -f "$dir/$MARKER" ] || die "$dir is not a pg-test-server folder: not touching it"
    if live_postmaster "$dir" >/dev/null; then
        local bindir; bindir=$(find_bindir) || die "pg_ctl not found"
        pick_server_user
        as_server "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
            || as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    log "stopped and removed $dir"
}

cmd=${1:-}; shift || true
case $cmd in
    install) do_install ;;
    start) do_start "$@" ;;
    stop) do_stop "$@" ;;
    env) print_env "${1:?usage: env DIR}" ;;
    status) is_running "${1:?usage: status DIR}" ;;
    *) sed -n '2,25p' "$0" >&2; exit 2 ;;
esac
