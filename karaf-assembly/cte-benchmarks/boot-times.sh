#!/bin/bash
# First-start boot time of the built distribution, measured as an operator sees it: a fresh copy of
# karaf-assembly/cte-distribution/target/assembly, bin/start, then health polled every 50 ms until it answers 200 and
# sign-in is routed (401 without a session). Prints the seconds; the copy is killed and removed afterwards.
#
#   karaf-assembly/cte-benchmarks/boot-times.sh [RUNS] [EXTRA_JAVA_OPTS] [RESTARTS]
#   e.g. boot-times.sh 3 "-Xms64m -Xmx256m -XX:+UseSerialGC"   (empty options: bin/setenv's defaults)
# RESTARTS (default 0): after each first start, the copy is stopped with bin/stop and started again that many times,
# each restart measured the same way (the bundles from the framework's cache, the schemas and demo data in place).
# Each line also gives the JVM's CPU time and loaded classes at that first 200.
# CTE_ASSEMBLY=DIR measures another assembled distribution instead (e.g. a copy with other boot features).
set -u
runs=${1:-3}
options=${2:-}
restarts=${3:-0}
assembly="$(cd "${CTE_ASSEMBLY:-$(dirname "$0")/../cte-distribution/target/assembly}" && pwd)"
for run in $(seq "$runs"); do
    copy=$(mktemp -d "${TMPDIR:-/tmp}/cte-boot-XXXX")
    cp -r "$assembly/." "$copy/"
    rm -rf "$copy/data"
    port=$((20000 + RANDOM % 20000))
    sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$copy/etc/org.ops4j.pax.web.cfg"
    sed -i "s/^sshPort *=.*/sshPort = $((port + 1))/" "$copy/etc/org.apache.karaf.shell.cfg"
    sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $((port + 2))/; s/^rmiServerPort *=.*/rmiServerPort = $((port + 3))/" \
        "$copy/etc/org.apache.karaf.management.cfg"
    for attempt in $(seq 0 "$restarts"); do
        if [ "$attempt" -gt 0 ]; then
            (cd "$copy" && bin/stop >/dev/null 2>&1)
            stop_deadline=$(( $(date +%s) + 60 ))
            while [ -f "$copy/karaf.pid" ] && kill -0 "$(cat "$copy/karaf.pid")" 2>/dev/null \
                && [ "$(date +%s)" -lt "$stop_deadline" ]; do
                sleep 0.2
            done
            label="run $run, restart $attempt"
        else
            label="run $run"
        fi
        started=$(date +%s%N)
        (cd "$copy" && if [ -n "$options" ]; then export EXTRA_JAVA_OPTS="$options"; fi && bin/start >/dev/null 2>&1)
        deadline=$(( $(date +%s) + 120 ))
        answered=no
        while [ "$(date +%s)" -lt "$deadline" ]; do
            if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://localhost:$port/api/v1/health")" = 200 ] \
                && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://localhost:$port/api/v1/session")" = 401 ]; then
                answered=yes
                break
            fi
            sleep 0.05
        done
        finished=$(date +%s%N)
        if [ "$answered" = yes ]; then
            # The JVM's CPU time and classes by then: less at the mercy of the machine's other work than the clock.
            pid=$(cat "$copy/karaf.pid" 2>/dev/null)
            cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat" 2>/dev/null)
            classes=$(jcmd "$pid" PerfCounter.print 2>/dev/null | sed -n 's/^java.cls.loadedClasses=//p')
            echo "$label: $(( (finished - started) / 1000000 )) ms to the first 200 of health with sign-in routed," \
                "JVM CPU ${cpu_ms:-?} ms, ${classes:-?} classes [${options:-bin/setenv defaults}]"
        else
            echo "$label: no answer within 120 s; see $copy/data/log/karaf.log" >&2
            break
        fi
        # Let the start's background work (demo data, first checks) finish before stopping.
        [ "$attempt" -lt "$restarts" ] && sleep 8
    done
    [ -f "$copy/karaf.pid" ] && kill -9 "$(cat "$copy/karaf.pid")" 2>/dev/null
    sleep 1
    [ "$answered" = yes ] && rm -rf "$copy"
done
