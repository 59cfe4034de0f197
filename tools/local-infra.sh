# Sourced, not run: a private Redis (membership) and PostgreSQL (grain state, archive, keys, EHR outbox) on free
# loopback ports with their data under a folder, for tools/cluster.sh and tools/bench-fanout.sh. Needs the Debian
# packages redis-server and postgresql-15. PostgreSQL refuses to run as root, so as root it runs as the postgres user.
#   infra_start DIR   starts both, exports the server's cluster settings (Orleans__*, Storage__*) and sets
#                     infra_redis_port, infra_pg_port and infra_pids (the Redis pid, for the caller's cleanup)
#   infra_stop DIR    stops PostgreSQL (Redis is one of the caller's pids)
infra_pgbin=/usr/lib/postgresql/15/bin
infra_as_pg=()
[ "$(id -u)" -eq 0 ] && infra_as_pg=(runuser -u postgres --)
infra_pg_started=false

infra_free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

infra_start() {
  local dir=$1 need
  for need in /usr/bin/redis-server "$infra_pgbin/postgres"; do
    [ -x "$need" ] || { echo "$need is missing: apt-get install redis-server postgresql-15" >&2; return 1; }
  done
  infra_redis_port=$(infra_free_port)
  mkdir -p "$dir/redis"
  /usr/bin/redis-server --port "$infra_redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir/redis" \
    >"$dir/redis/log" 2>&1 &
  infra_pids=($!)

  infra_pg_port=$(infra_free_port)
  mkdir -p "$dir/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/pg"
  "${infra_as_pg[@]}" "$infra_pgbin/initdb" -D "$dir/pg/data" -A trust -U postgres -E UTF8 >"$dir/pg/initdb.log" 2>&1 \
    || { cat "$dir/pg/initdb.log" >&2; return 1; }
  "${infra_as_pg[@]}" "$infra_pgbin/pg_ctl" -D "$dir/pg/data" -w -t 60 -l "$dir/pg/log" \
    -o "-p $infra_pg_port -k $dir/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  infra_pg_started=true
  "$infra_pgbin/psql" -h 127.0.0.1 -p "$infra_pg_port" -U postgres -qc "CREATE DATABASE emergencylink" >/dev/null
  for _ in $(seq 1 100); do redis-cli -p "$infra_redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

  export Orleans__ClusteringMode=Redis Orleans__Redis__ConnectionString="127.0.0.1:$infra_redis_port" Orleans__AdvertisedIP=127.0.0.1
  export Storage__Provider=PostgreSql
  export Storage__PostgreSql__ConnectionString="Host=127.0.0.1;Port=$infra_pg_port;Username=postgres;Database=emergencylink"
}

infra_stop() {
  $infra_pg_started && "${infra_as_pg[@]}" "$infra_pgbin/pg_ctl" -D "$1/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  infra_pg_started=false
}
