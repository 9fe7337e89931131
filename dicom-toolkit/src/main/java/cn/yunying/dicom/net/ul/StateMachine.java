package cn.yunying.dicom.net.ul;

import static cn.yunying.dicom.net.ul.Action.*;
import static cn.yunying.dicom.net.ul.State.*;

import java.util.EnumMap;
import java.util.Map;

/**
 * PS3.8 table 9-10 as data, plus the current state of one association. Not thread-safe on its own:
 * the association serialises access.
 */
public final class StateMachine {
    private static final Map<Event, Map<State, Action>> TABLE = new EnumMap<>(Event.class);

    static {
        State[] s6to12 = {STA6, STA7, STA8, STA9, STA10, STA11, STA12};
        State[] s5to12 = {STA5, STA6, STA7, STA8, STA9, STA10, STA11, STA12};
        State[] s8to12 = {STA8, STA9, STA10, STA11, STA12};
        put(Event.EVT1, AE_1, STA1);
        put(Event.EVT2, AE_2, STA4);
        for (Event e : new Event[] {Event.EVT3, Event.EVT4}) {
            put(e, AA_1, STA2);
            put(e, AA_8, STA3);
            put(e, AA_8, s6to12);
            put(e, AA_6, STA13);
        }
        put(Event.EVT3, AE_3, STA5);
        put(Event.EVT4, AE_4, STA5);
        put(Event.EVT5, AE_5, STA1);
        put(Event.EVT6, AE_6, STA2);
        put(Event.EVT6, AA_8, STA3);
        put(Event.EVT6, AA_8, s5to12);
        put(Event.EVT6, AA_7, STA13);
        put(Event.EVT7, AE_7, STA3);
        put(Event.EVT8, AE_8, STA3);
        put(Event.EVT9, DT_1, STA6);
        put(Event.EVT9, AR_7, STA8);
        put(Event.EVT10, AA_1, STA2);
        put(Event.EVT10, AA_8, STA3, STA5);
        put(Event.EVT10, DT_2, STA6);
        put(Event.EVT10, AR_6, STA7);
        put(Event.EVT10, AA_8, s8to12);
        put(Event.EVT10, AA_6, STA13);
        put(Event.EVT11, AR_1, STA6);
        put(Event.EVT12, AA_1, STA2);
        put(Event.EVT12, AA_8, STA3, STA5);
        put(Event.EVT12, AR_2, STA6);
        put(Event.EVT12, AR_8, STA7);
        put(Event.EVT12, AA_8, s8to12);
        put(Event.EVT12, AA_6, STA13);
        put(Event.EVT13, AA_1, STA2);
        put(Event.EVT13, AA_8, STA3, STA5, STA6);
        put(Event.EVT13, AR_3, STA7);
        put(Event.EVT13, AA_8, STA8, STA9);
        put(Event.EVT13, AR_10, STA10);
        put(Event.EVT13, AR_3, STA11);
        put(Event.EVT13, AA_8, STA12);
        put(Event.EVT13, AA_6, STA13);
        put(Event.EVT14, AR_4, STA8);
        put(Event.EVT14, AR_9, STA9);
        put(Event.EVT14, AR_4, STA12);
        put(Event.EVT15, AA_1, STA3);
        put(Event.EVT15, AA_2, STA4);
        put(Event.EVT15, AA_1, s5to12);
        put(Event.EVT16, AA_2, STA2);
        put(Event.EVT16, AA_3, STA3);
        put(Event.EVT16, AA_3, s5to12);
        put(Event.EVT16, AA_2, STA13);
        put(Event.EVT17, AA_5, STA2);
        put(Event.EVT17, AA_4, STA3, STA4);
        put(Event.EVT17, AA_4, s5to12);
        put(Event.EVT17, AR_5, STA13);
        put(Event.EVT18, AA_2, STA2);
        put(Event.EVT18, AA_2, STA13);
        put(Event.EVT19, AA_1, STA2);
        put(Event.EVT19, AA_8, STA3);
        put(Event.EVT19, AA_8, s5to12);
        put(Event.EVT19, AA_7, STA13);
    }

    private static void put(Event e, Action a, State... states) {
        Map<State, Action> row = TABLE.computeIfAbsent(e, k -> new EnumMap<>(State.class));
        for (State s : states) {
            if (row.put(s, a) != null) {
                throw new AssertionError("duplicate table entry " + e + "/" + s);
            }
        }
    }

    /** The action PS3.8 table 9-10 prescribes, or null if the table has no entry (not a valid event there). */
    public static Action lookup(State state, Event event) {
        return TABLE.get(event).get(state);
    }

    private final boolean requestor;
    private State state;

    /** @param requestor whether this side requested the association (decides AR-8's next state) */
    public StateMachine(boolean requestor) {
        this.requestor = requestor;
        this.state = STA1;
    }

    public State state() {
        return state;
    }

    public boolean isRequestor() {
        return requestor;
    }

    /**
     * Applies an event: returns the action to perform and moves to its next state.
     *
     * @throws IllegalStateException if the table has no entry for the event in the current state
     *                               (a local primitive issued at the wrong time)
     */
    public Action fire(Event event) {
        Action a = lookup(state, event);
        if (a == null) {
            throw new IllegalStateException(event.description() + " is not valid in " + state + " (" + state.description() + ")");
        }
        state = a == AR_8 ? (requestor ? STA9 : STA10) : a.next();
        return a;
    }

    /** AE-6 found the A-ASSOCIATE-RQ unacceptable: it sent an A-ASSOCIATE-RJ instead (Sta13). */
    public void associateRequestRejected() {
        if (state != STA3) {
            throw new IllegalStateException("not after AE-6: " + state);
        }
        state = STA13;
    }

    @Override
    public String toString() {
        return (requestor ? "requestor " : "acceptor ") + state;
    }
}
