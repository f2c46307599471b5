#!/usr/bin/env bash
# Builds the platform and starts it in the background on its embedded defaults, then prints where it answers.
# Stop it with: karaf-assembly/cte-distribution/target/assembly/bin/stop
set -euo pipefail
cd "$(dirname "$0")"

KARAF_DIR=karaf-assembly/cte-distribution/target/assembly
HTTP_PORT=${CTE_HTTP_PORT:-8181}
URL="http://localhost:${HTTP_PORT}"

if [ -x "$KARAF_DIR/bin/status" ] && "$KARAF_DIR/bin/status" >/dev/null 2>&1; then
    echo "A CTE platform built here is already running; stopping it before the rebuild."
    "$KARAF_DIR/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do "$KARAF_DIR/bin/status" >/dev/null 2>&1 || break; sleep 0.5; done
fi

./mvnw -q -B install -DskipTests
if [ "$HTTP_PORT" != 8181 ]; then
    sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = ${HTTP_PORT}/" "$KARAF_DIR/etc/org.ops4j.pax.web.cfg"
fi
"$KARAF_DIR/bin/start"

deadline=$((SECONDS + 90))
until curl -fsS "$URL/api/v1/health" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
        echo "The platform did not answer $URL/api/v1/health within 90 s; see $KARAF_DIR/data/log/karaf.log" >&2
        exit 1
    fi
    sleep 0.5
done

echo
echo "CTE platform running at $URL"
echo "  web UI:        $URL/ui/"
echo "  health:        $URL/api/v1/health"
echo "  guides:        $URL/api/v1/guides"
echo "  admin shell:   cd $KARAF_DIR && echo 'bundle:list' | bin/client -k etc/admin.key -b"
if [ -f "$KARAF_DIR/etc/admin.password" ]; then
    echo "  admin password (user 'admin'): $KARAF_DIR/etc/admin.password"
fi
echo "  stop:          $KARAF_DIR/bin/stop"
demo_accounts="$KARAF_DIR/etc/cuentas-demo.txt"
for _ in $(seq 1 40); do [ -s "$demo_accounts" ] && break; sleep 0.5; done
if [ -s "$demo_accounts" ]; then
    echo
    echo "Demo accounts (zone 15-preescolar-015; sign in at $URL/ui/ or with POST $URL/api/v1/session):"
    grep -v '^#' "$demo_accounts" | while read -r user password role; do
        printf '  %-20s %-18s %s\n' "$user" "$password" "$role"
    done
fi
