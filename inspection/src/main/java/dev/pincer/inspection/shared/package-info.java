/**
 * What the rate limits and the automatic bans share and what outlives a config generation: the
 * Redis link several instances share state through ({@link dev.pincer.inspection.shared.RedisLink}),
 * their metrics ({@link dev.pincer.inspection.shared.LimitMetrics}) and a clock tests can drive.
 */
package dev.pincer.inspection.shared;
