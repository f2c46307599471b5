-- The ceiling: the same load generator against a bare Jetty servlet answering a fixed JSON. Prints the same line as
-- cte-day.lua. A separate script on purpose: one that defines request() makes wrk call Lua for every request, which
-- would lower the ceiling it measures.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d " ..
    "status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
