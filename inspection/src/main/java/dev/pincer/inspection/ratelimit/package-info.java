/**
 * Token-bucket rate limits at the request head: {@link dev.pincer.inspection.ratelimit.RateLimits}
 * compiles a route's limits into a participant, {@link dev.pincer.inspection.ratelimit.RateStore}
 * holds the buckets (bounded, expiring; shared through Redis when configured).
 */
package dev.pincer.inspection.ratelimit;
