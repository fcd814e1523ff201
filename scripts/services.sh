#!/usr/bin/env bash
# Throwaway MariaDB and Redis on 127.0.0.1 for tests and benchmarks. Source it, then call start_services;
# stop_services (also run on EXIT) removes everything it made. Never touches system services.

need_packages() {
  local missing=()
  command -v mariadbd >/dev/null 2>&1 || command -v mysqld >/dev/null 2>&1 || missing+=(mariadb-server)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} with apt-get..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

start_services() {
  need_packages || return 1
  SERVICES_DIR=$(mktemp -d /tmp/renovation-services.XXXXXX)
  trap stop_services EXIT

  local mysqld; mysqld=$(command -v mariadbd || command -v mysqld)
  local install_db; install_db=$(command -v mariadb-install-db || command -v mysql_install_db)
  MYSQL_PORT=$(free_port)
  "$install_db" --no-defaults --datadir="$SERVICES_DIR/mysql" --auth-root-authentication-method=normal \
    --skip-test-db --user="$(id -un)" >"$SERVICES_DIR/mysql-install.log" 2>&1 \
    || { echo "MariaDB could not initialise its data folder:" >&2; tail -20 "$SERVICES_DIR/mysql-install.log" >&2; return 1; }
  # Durability settings are relaxed: this server lives for one test run. Every test class has its own database and
  # so its own connection pool, whose idle connections linger for minutes: hence the many connections.
  "$mysqld" --no-defaults --datadir="$SERVICES_DIR/mysql" --socket="$SERVICES_DIR/mysql.sock" \
    --port="$MYSQL_PORT" --bind-address=127.0.0.1 --user="$(id -un)" --skip-log-bin \
    --innodb-buffer-pool-size=512M --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 \
    --max-connections=2000 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    >"$SERVICES_DIR/mysql.log" 2>&1 &
  MYSQL_PID=$!

  REDIS_PORT=$(free_port)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    >"$SERVICES_DIR/redis.log" 2>&1 &
  REDIS_PID=$!

  for _ in $(seq 1 120); do
    if mariadb-admin --no-defaults -h127.0.0.1 -P"$MYSQL_PORT" -uroot ping >/dev/null 2>&1 \
       && redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
      export RC_TEST_MYSQL="Server=127.0.0.1;Port=$MYSQL_PORT;User ID=root;Password=;Pooling=true;Maximum Pool Size=200"
      export RC_TEST_REDIS="127.0.0.1:$REDIS_PORT"
      echo "MariaDB on 127.0.0.1:$MYSQL_PORT, Redis on 127.0.0.1:$REDIS_PORT"
      return 0
    fi
    sleep 0.5
  done
  echo "MariaDB or Redis did not start:" >&2
  tail -20 "$SERVICES_DIR/mysql.log" "$SERVICES_DIR/redis.log" >&2
  return 1
}

stop_services() {
  [ -n "${MYSQL_PID:-}" ] && kill "$MYSQL_PID" 2>/dev/null && wait "$MYSQL_PID" 2>/dev/null
  [ -n "${REDIS_PID:-}" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null
  [ -n "${SERVICES_DIR:-}" ] && rm -rf "$SERVICES_DIR"
  MYSQL_PID=; REDIS_PID=; SERVICES_DIR=
}
