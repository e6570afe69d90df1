-- One request, read from a request file, sent over and over: the workloads of load-compare.sh.
--
--   wrk -t2 -c32 -d15s --latency -s bench/load/request.lua http://127.0.0.1:18080 -- bench/load/get.http [PACE_MS]
--
-- The file (see get.http): "#" comment lines, then "METHOD TARGET", header lines "Name: value",
-- and after an empty line an optional body, whose final newlines are not sent. wrk adds
-- Content-Length for a body. The file's Host replaces the one wrk derives from the URL.
-- PACE_MS > 0: each connection waits about that long between requests (the paced runs).

local function read_request(path)
    local f = assert(io.open(path, "rb"))
    local text = f:read("*a")
    f:close()
    local head, body = text:match("^(.-)\n\n(.*)$")
    if not head then
        head = text
    end
    local lines = {}
    for line in (head .. "\n"):gmatch("(.-)\n") do
        if line ~= "" and (#lines > 0 or not line:match("^#")) then
            lines[#lines + 1] = line
        end
    end
    local method, target = (lines[1] or ""):match("^(%u+) (%S+)$")
    assert(method, path .. ": the first line must be METHOD TARGET")
    local headers = {}
    for i = 2, #lines do
        local name, value = lines[i]:match("^([%w-]+):%s*(.-)%s*$")
        assert(name, path .. ": not a header line: " .. lines[i])
        headers[name] = value
    end
    if body then
        body = body:gsub("\n+$", "")
        if body == "" then
            body = nil
        end
    end
    return method, target, headers, body
end

function init(args)
    assert(args[1], "usage: wrk ... -s request.lua URL -- REQUEST_FILE [PACE_MS]")
    local method, target, headers, body = read_request(args[1])
    wrk.method = method
    wrk.path = target
    for name, value in pairs(headers) do
        wrk.headers[name] = value
    end
    wrk.body = body
    local pace = tonumber(args[2] or "0") or 0
    if pace > 0 then
        -- wrk looks for a global delay() after init, so defining it here paces the connections.
        -- A pause drawn evenly from pace +- pace/2 (mean pace) keeps connections that start together
        -- from arriving together for the whole run.
        math.randomseed(os.time())
        local half = math.floor(pace / 2)
        local low, high = pace - half, pace + half
        delay = function() return math.random(low, high) end
    end
end
