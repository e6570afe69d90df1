/**
 * Request bodies held for inspection past their memory bound: {@link dev.pincer.proxy.spool.BodySpool}
 * (one per server: the global cap, the metrics) and {@link dev.pincer.proxy.spool.SpoolFile} (one
 * request's bytes on disk, unlinked at creation, closed when its exchange ends).
 */
package dev.pincer.proxy.spool;
