#!/bin/sh
# Entrypoint of the offline PostgreSQL image. It behaves like the official image's as far as
# Testcontainers and apps rely on it: POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB make the
# first cluster, a temporary server runs during set-up (so "database system is ready to accept
# connections" is logged twice, which the PostgreSQL module's wait strategy counts), and extra
# arguments such as `-c fsync=off` go to the final server.
set -e
bin=/usr/lib/postgresql/15/bin
: "${PGDATA:=/var/lib/postgresql/data}"

if [ "${1#-}" != "$1" ]; then
  set -- postgres "$@"
fi
if [ "$1" != postgres ]; then
  exec "$@"
fi
shift

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  user="${POSTGRES_USER:-postgres}"
  db="${POSTGRES_DB:-$user}"
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "${POSTGRES_HOST_AUTH_METHOD:-}" != trust ]; then
    echo "Error: POSTGRES_PASSWORD is empty. Set it (-e POSTGRES_PASSWORD=...) or set POSTGRES_HOST_AUTH_METHOD=trust." >&2
    exit 1
  fi
  pwfile="$(mktemp)"
  printf '%s\n' "${POSTGRES_PASSWORD:-}" >"$pwfile"
  # UTF8, as the official image: the minimal rootfs has no locale, and initdb would fall back to
  # SQL_ASCII, which turns non-ASCII text (emoji, CJK) into server errors.
  "$bin/initdb" -D "$PGDATA" -U "$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C >/dev/null
  rm -f "$pwfile"
  echo "host all all all ${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  "$bin/pg_ctl" -D "$PGDATA" -o "-c listen_addresses='' -c unix_socket_directories=/tmp" -w start
  if [ "$db" != postgres ]; then
    "$bin/psql" -h /tmp -U "$user" -d postgres -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE \"$db\""
  fi
  for f in /docker-entrypoint-initdb.d/*.sql; do
    if [ -e "$f" ]; then
      "$bin/psql" -h /tmp -U "$user" -d "$db" -v ON_ERROR_STOP=1 -q -f "$f"
    fi
  done
  "$bin/pg_ctl" -D "$PGDATA" -m fast -w stop
  echo "PostgreSQL init process complete; ready for start up."
fi

exec "$bin/postgres" -D "$PGDATA" -c unix_socket_directories=/tmp "$@"
