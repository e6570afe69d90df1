package dev.pincer.sensor.deser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.sensor.client.ReportCounters;
import dev.pincer.sensor.config.FailMode;
import dev.pincer.sensor.internal.Decider;
import java.io.ObjectInputFilter;
import java.io.ObjectInputFilter.Status;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The filter's chaining and fast path, in process, with a decider that has no correlator: under
 * {@code fail=closed} every class it asks about is refused (and counted), under {@code fail=open}
 * none is. The child-JVM behaviour (installation, real streams, the JRMP chain) is DeserFilterIT's.
 */
class SerialFilterTest {
    record Info(Class<?> serialClass) implements ObjectInputFilter.FilterInfo {
        @Override
        public long arrayLength() {
            return -1;
        }

        @Override
        public long depth() {
            return 1;
        }

        @Override
        public long references() {
            return 1;
        }

        @Override
        public long streamBytes() {
            return 10;
        }
    }

    static final class Thing implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final ReportCounters closedCounts = new ReportCounters();
    private final SerialFilter closed = filter(FailMode.CLOSED, closedCounts);
    private final SerialFilter open = filter(FailMode.OPEN, new ReportCounters());

    private static SerialFilter filter(FailMode mode, ReportCounters counters) {
        try {
            return new SerialFilter(ObjectInputFilter.class, new Decider(null, mode, counters));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Status check(Object filter, Class<?> c) {
        return ((ObjectInputFilter) filter).checkInput(new Info(c));
    }

    @Test
    void aRefusalIsRejectedWhateverTheNextFilterSays() {
        ObjectInputFilter allowAll = i -> Status.ALLOWED;
        assertEquals(Status.REJECTED, check(closed.chain(allowAll), Thing.class));
        assertEquals(Status.REJECTED, check(closed.chain(null), Thing.class));
    }

    @Test
    void otherwiseTheNextFilterDecidesAndWithoutOneNothingIsDecided() {
        ObjectInputFilter refuseThing = i -> i.serialClass() == Thing.class ? Status.REJECTED : Status.ALLOWED;
        assertEquals(Status.REJECTED, check(open.chain(refuseThing), Thing.class));
        assertEquals(Status.ALLOWED, check(open.chain(refuseThing), ArrayList.class));
        assertEquals(Status.UNDECIDED, check(open.chain(null), ArrayList.class));
    }

    @Test
    void theNextFiltersOwnExceptionPassesAsItWouldWithoutUs() {
        ObjectInputFilter broken = i -> {
            throw new IllegalStateException("the app's filter");
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> check(open.chain(broken), Thing.class));
        assertEquals("the app's filter", e.getMessage());
    }

    @Test
    void noClassPrimitivesPrimitiveArraysAndProxyClassesAreNeverAsked() {
        long before = closedCounts.totalFailClosed();
        Object f = closed.chain(null);
        assertEquals(Status.UNDECIDED, check(f, null));
        assertEquals(Status.UNDECIDED, check(f, int.class));
        assertEquals(Status.UNDECIDED, check(f, byte[].class));
        assertEquals(Status.UNDECIDED, check(f, long[][].class));
        Object proxy = java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Runnable.class}, (p, m, a) -> null);
        assertEquals(Status.UNDECIDED, check(f, proxy.getClass()));
        assertEquals(before, closedCounts.totalFailClosed(), "nothing was asked");
        assertEquals(Status.REJECTED, check(f, Thing[].class), "an array of a class is asked about");
        assertEquals(before + 1, closedCounts.totalFailClosed());
    }

    @Test
    void afterStopEveryClassIsLeftToTheOtherFilters() {
        SerialFilter f = filter(FailMode.CLOSED, new ReportCounters());
        Object chained = f.chain(null);
        assertEquals(Status.REJECTED, check(chained, Thing.class));
        f.deactivate();
        assertEquals(Status.UNDECIDED, check(chained, Thing.class));
    }

    @Test
    void chainingIsIdempotentAndUnwrapGivesTheFilterBehind() {
        ObjectInputFilter app = i -> Status.UNDECIDED;
        Object ours = open.chain(app);
        assertSame(ours, open.chain(ours), "a stream given another stream's filter is judged once");
        assertSame(app, SerialFilter.unwrap(ours));
        assertSame(app, SerialFilter.unwrap(app));
        assertEquals(null, SerialFilter.unwrap(null));
        assertTrue(ours.toString().startsWith("pincer deserialization filter, then "), ours.toString());
    }

    /** The factory hands the previous factory what it produced before (never ours) and never returns null. */
    @Test
    void theFactoryWrapsWhatThePreviousFactoryReturns() {
        AtomicInteger sawOurs = new AtomicInteger();
        BinaryOperator<ObjectInputFilter> previous = (current, requested) -> {
            if (current != null && current.toString().startsWith("pincer")) {
                sawOurs.incrementAndGet();
            }
            return requested;
        };
        SerialFilterInstaller.ChainingFactory factory = new SerialFilterInstaller.ChainingFactory(closed, previous);
        ObjectInputFilter jvmWide = i -> Status.UNDECIDED;
        Object atConstruction = factory.apply(null, jvmWide);
        assertSame(jvmWide, SerialFilter.unwrap(atConstruction));
        Object streamOwn = factory.apply(atConstruction, (ObjectInputFilter) i -> Status.ALLOWED);
        assertEquals(0, sawOurs.get());
        assertEquals(Status.REJECTED, check(streamOwn, Thing.class));
        Object none = factory.apply(null, null);
        assertEquals(Status.REJECTED, check(none, Thing.class), "no filter at all still gets ours");
    }
}
