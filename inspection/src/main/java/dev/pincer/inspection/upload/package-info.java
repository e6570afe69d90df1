/**
 * The upload detector: for multipart file parts and raw binary bodies, the real type from the
 * bytes (Tika's magic detection on a bounded prefix), compared with the declared type and the file
 * name; executables, server-side scripts and archives, shell scripts and polyglots are blocked.
 * {@link dev.pincer.inspection.upload.Uploads} is its only public class.
 */
package dev.pincer.inspection.upload;
