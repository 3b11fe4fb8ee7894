#!/usr/bin/env bash
# Run once by the postgres image on an empty data folder: the engine's two roles and database, Temporal's role and its
# two databases. Passwords come from postgres.env (never committed).
set -euo pipefail
: "${TDKT_OWNER_PASSWORD:?}" "${TDKT_APP_PASSWORD:?}" "${POSTGRES_PWD:?}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_pw="$TDKT_OWNER_PASSWORD" -v app_pw="$TDKT_APP_PASSWORD" -v temporal_pw="$POSTGRES_PWD" <<'SQL'
-- tdkt_owner owns the schema and runs the migrations; tdkt_app (the API and worker) owns nothing: migrate grants it.
CREATE ROLE tdkt_owner LOGIN PASSWORD :'owner_pw';
CREATE ROLE tdkt_app LOGIN PASSWORD :'app_pw';
CREATE DATABASE tdkt OWNER tdkt_owner;
REVOKE ALL ON DATABASE tdkt FROM PUBLIC;
GRANT CONNECT ON DATABASE tdkt TO tdkt_app;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_pw';
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname tdkt -c 'ALTER SCHEMA public OWNER TO tdkt_owner'
