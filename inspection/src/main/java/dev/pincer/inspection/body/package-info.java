/**
 * Body processors: one class per body format, each turning a bounded body prefix into inputs
 * without recursion, without regexes and without ever throwing. {@link
 * dev.pincer.inspection.body.BodyProcessors} chooses one by {@code Content-Type}; everything else
 * here is package-private.
 */
package dev.pincer.inspection.body;
