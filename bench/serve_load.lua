-- wrk script for bench/serve_load.sh: POSTs the questions of queries/ in
-- turn (each thread starting at another one), as a form, asking for
-- SPARQL JSON results; counts the answers by status (wrk only counts the
-- ones that are not 2xx or 3xx).
local queries = {}
local next_query = 0

local function urlencode(text)
  return (text:gsub("[^%w%-_%.~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

function init(args)
  for _, path in ipairs(args) do
    local file = assert(io.open(path, "rb"))
    table.insert(queries, "query=" .. urlencode(file:read("*a")))
    file:close()
  end
  next_query = math.random(#queries)
end

function request()
  next_query = next_query % #queries + 1
  return wrk.format("POST", "/query", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/sparql-results+json",
  }, queries[next_query])
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

statuses = {}

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done()
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("status %d: %d\n", status, n))
  end
end
