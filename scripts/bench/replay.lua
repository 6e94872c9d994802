-- wrk script: replays the requests listed in a file, in order, round robin.
-- One request per line, tab-separated: METHOD, PATH, COOKIE (or -), BODY (or -).
-- Prints one JSON line at the end: counts, errors and latency percentiles.
local requests = {}
local index = 0
local threads = {}

-- Per-thread counters must be globals: done() reads them with thread:get.
errors = 0
statuses = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    local method, path, cookie, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    local headers = {}
    if cookie ~= "-" then headers["Cookie"] = cookie end
    if body == "-" then body = nil else headers["Content-Type"] = "application/json" end
    table.insert(requests, wrk.format(method, path, headers, body))
  end
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 400 then errors = errors + 1 end
end

function done(summary, latency, requests)
  local errs, codes = 0, {}
  for _, t in ipairs(threads) do
    errs = errs + t:get("errors")
    for code, n in pairs(t:get("statuses")) do codes[code] = (codes[code] or 0) + n end
  end
  local parts = {}
  for code, n in pairs(codes) do table.insert(parts, string.format('"%d":%d', code, n)) end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"http_errors":%d,"socket_errors":%d,"statuses":{%s},' ..
    '"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, errs, e.connect + e.read + e.write + e.timeout,
    table.concat(parts, ","), latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
