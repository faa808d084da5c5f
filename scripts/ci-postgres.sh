#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests, from Debian's packages.
#
#   scripts/ci-postgres.sh start   install PostgreSQL if missing, start a private cluster in a
#                                  temporary folder on a free loopback port, create a user and a
#                                  database, and print its URL (the only line on stdout)
#   scripts/ci-postgres.sh stop    stop that cluster and delete its folder
#
# The cluster is private (its own data folder, socket folder and port), so it does not touch a
# server the machine already runs, nor another engineer's. State lives in $NEWSINT_PG_STATE
# (default /tmp/newsint-ci-postgres). Runs as root (CI) or as any user who can run initdb.
set -euo pipefail

STATE="${NEWSINT_PG_STATE:-/tmp/newsint-ci-postgres}"
DB_USER=newsint
DB_PASS=newsint
DB_NAME=newsint_test

log() { echo "ci-postgres: $*" >&2; }

bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    echo "$dir"
}

as_owner() {
    # initdb and postgres refuse to run as root: run them as the postgres user then.
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

install_postgres() {
    if [ -n "$(bindir)" ]; then
        return
    fi
    log "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    install_postgres
    local bin port
    bin=$(bindir)
    if [ -f "$STATE/port" ] && as_owner "$bin/pg_ctl" -D "$STATE/data" status >/dev/null 2>&1; then
        port=$(cat "$STATE/port")
        log "already running on port $port"
        echo "postgresql+psycopg://$DB_USER:$DB_PASS@127.0.0.1:$port/$DB_NAME"
        return
    fi
    rm -rf "$STATE"
    mkdir -p "$STATE/socket"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$STATE"
    port=$(free_port)
    echo "$port" >"$STATE/port"
    as_owner "$bin/initdb" -D "$STATE/data" -A trust -U postgres --no-sync >"$STATE/initdb.log" 2>&1 \
        || { cat "$STATE/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $STATE/socket -c fsync=off" start >&2 \
        || { cat "$STATE/server.log" >&2; exit 1; }
    as_owner "$bin/psql" -h "$STATE/socket" -p "$port" -U postgres -q -v ON_ERROR_STOP=1 <<SQL >&2
CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASS';
CREATE DATABASE $DB_NAME OWNER $DB_USER;
SQL
    log "PostgreSQL running on 127.0.0.1:$port (data in $STATE/data)"
    echo "postgresql+psycopg://$DB_USER:$DB_PASS@127.0.0.1:$port/$DB_NAME"
}

stop() {
    local bin
    bin=$(bindir)
    if [ -n "$bin" ] && [ -d "$STATE/data" ]; then
        as_owner "$bin/pg_ctl" -D "$STATE/data" -m fast -w stop >&2 || true
        log "stopped"
    fi
    rm -rf "$STATE"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
