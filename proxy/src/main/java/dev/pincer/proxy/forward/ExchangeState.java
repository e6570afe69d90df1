package dev.pincer.proxy.forward;

/**
 * Where an {@link Exchange} is, and the one table of the moves between states
 * ({@link #canGo}). The request side leads until a response head arrives; from then on the state
 * follows the response, whether or not the request body is still streaming up.
 *
 * <pre>
 * HEAD ─┬─► HOLDING_BODY ─► CONNECTING ─► STREAMING_REQUEST ─► AWAITING_RESPONSE ─┬─► HOLDING_RESPONSE ─► STREAMING_RESPONSE ─► DONE
 *       └──────────────────►    ▲  ↺            └────────────────────────────────┤           (any state ─► DONE)
 *                               └──── a stale pooled connection: replay ◄─────────┘
 * </pre>
 *
 * <p>Example: a GET with no body and no check: HEAD, CONNECTING, STREAMING_REQUEST,
 * AWAITING_RESPONSE, STREAMING_RESPONSE, DONE.
 */
enum ExchangeState {
    /** Routing and the transaction's request-head phase; nothing leased. */
    HEAD,
    /** The request is held while inspection reads its body prefix; nothing leased. */
    HOLDING_BODY,
    /** Leasing an upstream connection: next server, queue, or a stale-connection replay. */
    CONNECTING,
    /** Connected: the request head went up and its body follows as the client sends it. */
    STREAMING_REQUEST,
    /** The whole request was written; the response timeout runs. */
    AWAITING_RESPONSE,
    /** The response head and prefix are held while a check judges them; nothing went out. */
    HOLDING_RESPONSE,
    /** The response goes to the client (the request body may still be going up). */
    STREAMING_RESPONSE,
    /** Ended: timer off, everything held released, the upstream pooled or closed, logged. */
    DONE;

    /** The transition table: true when an exchange in this state may move to {@code next}. */
    boolean canGo(ExchangeState next) {
        if (next == DONE) {
            return this != DONE;
        }
        return switch (this) {
            case HEAD -> next == HOLDING_BODY || next == CONNECTING;
            case HOLDING_BODY -> next == CONNECTING;
            case CONNECTING -> next == CONNECTING || next == STREAMING_REQUEST;
            case STREAMING_REQUEST -> next == AWAITING_RESPONSE || next == HOLDING_RESPONSE
                    || next == STREAMING_RESPONSE || next == CONNECTING;
            case AWAITING_RESPONSE -> next == HOLDING_RESPONSE || next == STREAMING_RESPONSE || next == CONNECTING;
            case HOLDING_RESPONSE -> next == STREAMING_RESPONSE;
            case STREAMING_RESPONSE, DONE -> false;
        };
    }

    /** True while nothing of the upstream's response went to the client, and none is held. */
    boolean beforeResponse() {
        return ordinal() < HOLDING_RESPONSE.ordinal();
    }
}
