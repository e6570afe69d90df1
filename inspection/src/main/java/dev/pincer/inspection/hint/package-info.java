/**
 * The request-context hint: which sink families a request's inputs could affect, so the in-app
 * sensor may skip the correlator for the others. {@link dev.pincer.inspection.hint.InputHint}
 * holds the rules; the grammars for inert headers are package-private.
 */
package dev.pincer.inspection.hint;
