# Shared helpers of bin/start and bin/verify. Sourced, not run.

die() {
  echo "error: $*" >&2
  exit 1
}

require_java() {
  command -v java >/dev/null 2>&1 || die "Java 17 or newer is needed (Debian: apt-get install openjdk-17-jdk-headless)"
  local version
  version=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  [ "${version%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or newer is needed, found ${version:-unknown}"
}

# true when something accepts TCP connections on 127.0.0.1:$1
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

check_port_free() {
  if port_in_use "$1"; then
    die "port $1 for $2 is already in use: stop what uses it or choose another port"
  fi
}

# Checks that the host:port of a jdbc:postgresql URL accepts connections.
check_database_reachable() {
  local url=$1 hostport host port
  hostport=$(sed -E 's#^jdbc:postgresql://([^/?]+).*#\1#' <<<"$url")
  host=${hostport%%:*}
  port=${hostport##*:}
  [ "$port" != "$hostport" ] || port=5432
  [ "$host" != localhost ] || host=127.0.0.1
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null \
    || die "cannot reach the database at $host:$port: check YUNYING_DB_URL ($url)"
}

# The first line of a failed deployment that says why, without the stack trace.
first_failure_reason() {
  local log=$1/log/server.log line
  for pattern in 'Cannot reach the database.*' 'Production mode and no user yet.*' \
                 'DICOM port [0-9]+ \([^)]*\) is already in use.*' 'yunying\.[a-z.]+ \([A-Z_]+\) must .*'; do
    line=$(grep -ohE "$pattern" "$log" 2>/dev/null | head -1 || true)
    if [ -n "$line" ]; then echo "$line"; return; fi
  done
  line=$(grep -ohE '(PSQLException|JdbcSQL[A-Za-z]*Exception|ConnectException): .*' "$log" 2>/dev/null | head -1 || true)
  if [ -n "$line" ]; then
    echo "the database refused: ${line#*: } (check YUNYING_DB_URL, YUNYING_DB_USER, YUNYING_DB_PASSWORD)"
  fi
}
