/**
 * The request as the proxy sees it at the edge ({@link dev.pincer.inspection.request.RequestHead},
 * {@link dev.pincer.inspection.request.BodyPrefix}) and the one entry point that turns it into
 * {@link dev.pincer.inspection.input.RequestInputs}: {@link dev.pincer.inspection.request.InputExtractor}.
 */
package dev.pincer.inspection.request;
