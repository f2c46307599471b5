-- The CTE-day workload for wrk: signed-in school staff reading the guide, their results table and their catalogue,
-- and, in "mixed" mode, 30 % durable writes (bitácora agreements, group observations, comments on a card), each with
-- an Idempotency-Key as the web UI sends them.
-- Usage: wrk ... -s cte-day.lua URL -- read|mixed|write|swap sessions.txt DEADLINE [GUIDE_PATH]
-- sessions.txt: one signed-in director per line: cct|cookie|csrf|username|cardId
-- "swap" is "mixed" reading GUIDE_PATH (the guide whose editions are being installed) and counting answers by status,
-- for the hot-swap run. "write" sends only the writes, to measure what one costs (docs/performance.md).

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local GUIDE = "/api/v1/guides/SEP:2016-2017:preescolar:ordinaria-3"

function init(args)
  mode = args[1] or "read"
  deadline = args[3]
  if mode == "swap" then
    GUIDE = args[4]
    response = function(status, headers, body)
      local name = "s" .. status
      _G[name] = (_G[name] or 0) + 1
      if status == 404 or status >= 500 and status ~= 503 then
        -- what failed and where: the problem document names the path
        io.write("UNEXPECTED " .. status .. " " .. body:sub(1, 300):gsub("\n", " ") .. "\n")
      end
    end
  end
  sessions = {}
  for line in io.lines(args[2]) do
    local cct, cookie, csrf, user, card = line:match("^([^|]+)|([^|]+)|([^|]+)|([^|]+)|([^|]+)$")
    if cct then
      sessions[#sessions + 1] = {cct = cct, cookie = cookie, csrf = csrf, user = user, card = card}
    end
  end
  math.randomseed(id * 7919 + os.time())
end

local SESSION = "SEP:2016-2017:preescolar:ordinaria-3"

function request()
  counter = counter + 1
  local s = sessions[math.random(#sessions)]
  local headers = {["Cookie"] = s.cookie, ["Accept"] = "application/json"}
  local roll = math.random(100)
  if mode == "write" or mode ~= "read" and roll <= 30 then
    headers["Content-Type"] = "application/json"
    headers["X-CSRF-Token"] = s.csrf
    -- As the web UI's outbox sends every edit: with its own key, which the platform records with the answer.
    headers["Idempotency-Key"] = string.format("carga-%02d-%09d-%09d", id, counter, math.random(999999999))
    local which = roll % 3
    if which == 0 then
      return wrk.format("POST", "/api/v1/logbook/" .. s.cct .. "/agreements", headers,
        '{"sesion": "' .. SESSION .. '", "actividad": 21, "acuerdo": "Acuerdo de carga ' .. counter ..
        '", "responsables": ["' .. s.user .. '"], "compromisos": "Revisar avances", "fechaLimite": "' ..
        deadline .. '"}')
    elseif which == 1 then
      return wrk.format("POST", "/api/v1/results/" .. s.cct .. "/groups/2/A/observations", headers,
        '{"periodo": "2016-11", "agente": "usaer", "texto": "Observación de carga ' .. counter .. '"}')
    else
      return wrk.format("POST", "/api/v1/cards/" .. s.cct .. "/" .. s.card .. "/comments", headers,
        '{"sugerencia": false, "texto": "Comentario de carga ' .. counter .. '"}')
    end
  end
  local which = roll % 3
  if which == 0 then
    return wrk.format("GET", GUIDE, headers)
  elseif which == 1 then
    return wrk.format("GET", "/api/v1/results/" .. s.cct .. "/expected?periodo=2016-11", headers)
  else
    return wrk.format("GET", "/api/v1/catalogue/" .. s.cct .. "/resources?q=lectura", headers)
  end
end

-- Answers by status, summed over the threads; only "swap" mode counts them. done() runs in wrk's main Lua state,
-- which knows the threads but not what init() set in them.
local function statusLine()
  local totals = {}
  for _, thread in ipairs(threads) do
    for _, code in ipairs({200, 201, 204, 304, 400, 401, 403, 404, 405, 409, 413, 422, 500, 502, 503, 504}) do
      local n = thread:get("s" .. code)
      if n then
        totals[code] = (totals[code] or 0) + n
      end
    end
  end
  local parts = {}
  for code, n in pairs(totals) do
    parts[#parts + 1] = code .. "=" .. n
  end
  if #parts == 0 then
    return ""
  end
  table.sort(parts)
  return "STATUSES " .. table.concat(parts, " ") .. "\n"
end

function done(summary, latency, requests)
  io.write(statusLine())
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d " ..
    "status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
