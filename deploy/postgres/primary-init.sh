#!/bin/sh
# Runs once, when the primary's data directory is created (the postgres image's
# /docker-entrypoint-initdb.d): a role for the streaming replica, allowed to connect for
# replication from the compose network, and a slot that keeps the WAL the replica still needs.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD}';
SELECT pg_create_physical_replication_slot('replica1');
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
