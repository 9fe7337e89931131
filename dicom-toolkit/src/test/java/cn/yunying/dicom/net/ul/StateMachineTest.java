package cn.yunying.dicom.net.ul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StateMachineTest {

    private static StateMachine established(boolean requestor) {
        StateMachine m = new StateMachine(requestor);
        if (requestor) {
            assertEquals(Action.AE_1, m.fire(Event.EVT1));
            assertEquals(State.STA4, m.state());
            assertEquals(Action.AE_2, m.fire(Event.EVT2));
            assertEquals(State.STA5, m.state());
            assertEquals(Action.AE_3, m.fire(Event.EVT3));
        } else {
            assertEquals(Action.AE_5, m.fire(Event.EVT5));
            assertEquals(State.STA2, m.state());
            assertEquals(Action.AE_6, m.fire(Event.EVT6));
            assertEquals(State.STA3, m.state());
            assertEquals(Action.AE_7, m.fire(Event.EVT7));
        }
        assertEquals(State.STA6, m.state());
        return m;
    }

    @Test
    void dataTransferAndNormalRelease() {
        StateMachine m = established(true);
        assertEquals(Action.DT_1, m.fire(Event.EVT9));
        assertEquals(Action.DT_2, m.fire(Event.EVT10));
        assertEquals(Action.AR_1, m.fire(Event.EVT11));
        assertEquals(State.STA7, m.state());
        assertEquals(Action.AR_6, m.fire(Event.EVT10)); // data still arriving while we wait for the RP
        assertEquals(Action.AR_3, m.fire(Event.EVT13));
        assertEquals(State.STA1, m.state());

        StateMachine a = established(false);
        assertEquals(Action.AR_2, a.fire(Event.EVT12));
        assertEquals(State.STA8, a.state());
        assertEquals(Action.AR_7, a.fire(Event.EVT9)); // may still send data before answering
        assertEquals(Action.AR_4, a.fire(Event.EVT14));
        assertEquals(State.STA13, a.state());
        assertEquals(Action.AR_5, a.fire(Event.EVT17));
        assertEquals(State.STA1, a.state());
    }

    @Test
    void releaseCollisionRequestorSide() {
        StateMachine m = established(true);
        m.fire(Event.EVT11);
        assertEquals(Action.AR_8, m.fire(Event.EVT12));
        assertEquals(State.STA9, m.state());
        assertEquals(Action.AR_9, m.fire(Event.EVT14));
        assertEquals(State.STA11, m.state());
        assertEquals(Action.AR_3, m.fire(Event.EVT13));
        assertEquals(State.STA1, m.state());
    }

    @Test
    void releaseCollisionAcceptorSide() {
        StateMachine m = established(false);
        m.fire(Event.EVT11);
        assertEquals(Action.AR_8, m.fire(Event.EVT12));
        assertEquals(State.STA10, m.state());
        assertEquals(Action.AR_10, m.fire(Event.EVT13));
        assertEquals(State.STA12, m.state());
        assertEquals(Action.AR_4, m.fire(Event.EVT14));
        assertEquals(State.STA13, m.state());
    }

    @Test
    void abortInSeveralStates() {
        StateMachine connecting = new StateMachine(true);
        connecting.fire(Event.EVT1);
        assertEquals(Action.AA_2, connecting.fire(Event.EVT15)); // Sta4: nothing to send yet
        assertEquals(State.STA1, connecting.state());

        StateMachine awaitingAc = new StateMachine(true);
        awaitingAc.fire(Event.EVT1);
        awaitingAc.fire(Event.EVT2);
        assertEquals(Action.AA_1, awaitingAc.fire(Event.EVT15));
        assertEquals(State.STA13, awaitingAc.state());
        assertEquals(Action.AA_6, awaitingAc.fire(Event.EVT10)); // late data is ignored in Sta13
        assertEquals(Action.AA_2, awaitingAc.fire(Event.EVT18)); // ARTIM expiry closes

        StateMachine releasing = established(true);
        releasing.fire(Event.EVT11);
        assertEquals(Action.AA_3, releasing.fire(Event.EVT16)); // peer aborts during release
        assertEquals(State.STA1, releasing.state());

        StateMachine collision = established(false);
        collision.fire(Event.EVT11);
        collision.fire(Event.EVT12);
        assertEquals(Action.AA_1, collision.fire(Event.EVT15));

        StateMachine waitingRq = new StateMachine(false);
        waitingRq.fire(Event.EVT5);
        assertEquals(Action.AA_2, waitingRq.fire(Event.EVT16));
        assertEquals(Action.AA_4, established(true).fire(Event.EVT17));
    }

    @Test
    void protocolErrorsAbortWithProviderSource() {
        StateMachine m = established(true);
        assertEquals(Action.AA_8, m.fire(Event.EVT19));
        assertEquals(State.STA13, m.state());
        assertEquals(Action.AA_7, m.fire(Event.EVT6)); // an A-ASSOCIATE-RQ in Sta13 is answered by abort

        StateMachine idle = new StateMachine(false);
        idle.fire(Event.EVT5);
        assertEquals(Action.AA_1, idle.fire(Event.EVT10)); // data before the association exists
        assertEquals(Action.AA_8, established(false).fire(Event.EVT6)); // a second A-ASSOCIATE-RQ
        assertEquals(Action.AA_8, established(false).fire(Event.EVT3));
    }

    @Test
    void localPrimitivesAtTheWrongTimeAreRefused() {
        StateMachine m = new StateMachine(true);
        assertThrows(IllegalStateException.class, () -> m.fire(Event.EVT9));
        assertThrows(IllegalStateException.class, () -> m.fire(Event.EVT11));
        StateMachine e = established(true);
        e.fire(Event.EVT11);
        assertThrows(IllegalStateException.class, () -> e.fire(Event.EVT9)); // no data after our own A-RELEASE-RQ
    }

    @Test
    void everyReceivedPduEventHasAnEntryInEveryConnectedState() {
        Event[] received = {Event.EVT3, Event.EVT4, Event.EVT6, Event.EVT10, Event.EVT12, Event.EVT13, Event.EVT16,
                Event.EVT17, Event.EVT19};
        for (State s : State.values()) {
            if (s == State.STA1 || s == State.STA4) {
                continue;
            }
            for (Event e : received) {
                assertNotNull(StateMachine.lookup(s, e), e + " in " + s);
            }
        }
        assertNull(StateMachine.lookup(State.STA1, Event.EVT10));
    }
}
