#!/bin/sh
# The streaming replica: on first start, a base backup of the primary (pg_basebackup of the
# same major version, with -R: standby.signal and primary_conninfo written for us), then the
# image's usual entrypoint, which finds the data directory and starts a hot standby.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  until gosu postgres env PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup \
    --host=postgres --username=replicator --pgdata="$PGDATA" \
    --wal-method=stream --slot=replica1 --write-recovery-conf --checkpoint=fast; do
    echo "waiting for the primary..."
    rm -rf "${PGDATA:?}"/*
    sleep 2
  done
fi
exec docker-entrypoint.sh postgres -c hot_standby=on -c hot_standby_feedback=on
