-- One rate-limit decision for RedisRateLimiter: a greedy token bucket in one hash.
-- KEYS[1]  the bucket: fields tokens (may be fractional) and at (Redis TIME in microseconds)
-- ARGV[1]  capacity (tokens); ARGV[2] period (microseconds) over which capacity refills;
-- ARGV[3]  time to live of the key (milliseconds)
-- Returns {allowed (1|0), whole tokens left, microseconds until full, microseconds until a token}.
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])

local tokens = capacity
local state = redis.pcall('HMGET', KEYS[1], 'tokens', 'at')
if state.err then
  redis.call('DEL', KEYS[1])
elseif state[1] and state[2] then
  local elapsed = math.max(0, now - tonumber(state[2]))
  tokens = math.min(capacity, tonumber(state[1]) + elapsed * capacity / period)
end

local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', now))
redis.call('PEXPIRE', KEYS[1], ARGV[3])

local wait = 0
if allowed == 0 then
  wait = math.ceil((1 - tokens) * period / capacity)
end
return {allowed, math.floor(tokens), math.ceil((capacity - tokens) * period / capacity), wait}
