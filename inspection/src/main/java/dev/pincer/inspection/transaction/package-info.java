/**
 * The edge's inspection of one request as a transaction with explicit phases (request head,
 * request body prefix, request end, response head, response body prefix, close), and the contract
 * of its participants: the edge controls and the rule engine, each in its own package. Netty-free.
 */
package dev.pincer.inspection.transaction;
