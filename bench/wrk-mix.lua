-- wrk script for the benchmark query mix (docs/benchmarks.md):
--   wrk -t2 -c16 -d15s --latency -s bench/wrk-mix.lua http://127.0.0.1:PORT -- MIXFILE [PATH]
-- Each request is GET PATH?LINE (PATH defaults to /api/v1/search), cycling through the mix
-- file's lines; each wrk thread starts at a different line. done() prints one line that
-- scripts/bench.sh reads:
--   WRK requests=N seconds=S rps=R mean_ms=.. p50_ms=.. p95_ms=.. p99_ms=.. max_ms=.. non2xx=N errors=N

local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  local file = args[1] or error("give the mix file after --")
  path = args[2] or "/api/v1/search"
  lines = {}
  for line in io.lines(file) do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      table.insert(lines, line)
    end
  end
  if #lines == 0 then error("no queries in " .. file) end
  index = (id * 7919) % #lines
end

function request()
  index = index % #lines + 1
  return wrk.format("GET", path .. "?" .. lines[index])
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "WRK requests=%d seconds=%.2f rps=%.1f mean_ms=%.3f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d errors=%d errors_by_kind=connect:%d,read:%d,write:%d,timeout:%d\n",
    summary.requests, seconds, summary.requests / seconds, latency.mean / 1000,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout))
end
