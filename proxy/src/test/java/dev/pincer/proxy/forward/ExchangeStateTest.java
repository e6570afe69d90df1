package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exchange's transition table, whole: for every state, exactly the moves the state machine
 * documents (the tests of the proxy run with assertions on, so an exchange that moved any other
 * way fails them).
 */
class ExchangeStateTest {
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(ExchangeState.HEAD, EnumSet.of(ExchangeState.HOLDING_BODY, ExchangeState.CONNECTING,
                        ExchangeState.DONE)),
                Arguments.of(ExchangeState.HOLDING_BODY, EnumSet.of(ExchangeState.CONNECTING, ExchangeState.DONE)),
                Arguments.of(ExchangeState.CONNECTING, EnumSet.of(ExchangeState.CONNECTING,
                        ExchangeState.STREAMING_REQUEST, ExchangeState.DONE)),
                Arguments.of(ExchangeState.STREAMING_REQUEST, EnumSet.of(ExchangeState.AWAITING_RESPONSE,
                        ExchangeState.HOLDING_RESPONSE, ExchangeState.STREAMING_RESPONSE, ExchangeState.CONNECTING,
                        ExchangeState.DONE)),
                Arguments.of(ExchangeState.AWAITING_RESPONSE, EnumSet.of(ExchangeState.HOLDING_RESPONSE,
                        ExchangeState.STREAMING_RESPONSE, ExchangeState.CONNECTING, ExchangeState.DONE)),
                Arguments.of(ExchangeState.HOLDING_RESPONSE, EnumSet.of(ExchangeState.STREAMING_RESPONSE,
                        ExchangeState.DONE)),
                Arguments.of(ExchangeState.STREAMING_RESPONSE, EnumSet.of(ExchangeState.DONE)),
                Arguments.of(ExchangeState.DONE, EnumSet.noneOf(ExchangeState.class)));
    }

    @ParameterizedTest
    @MethodSource("table")
    void movesAreExactlyTheTables(ExchangeState from, Set<ExchangeState> allowed) {
        Set<ExchangeState> actual = EnumSet.noneOf(ExchangeState.class);
        for (ExchangeState to : ExchangeState.values()) {
            if (from.canGo(to)) {
                actual.add(to);
            }
        }
        assertEquals(allowed, actual);
    }
}
