package cn.yunying.dicom.net.ul;

/**
 * The actions of PS3.8 table 9-10 with the state each leads to. AE-6 and AR-8 have two possible next
 * states; {@link StateMachine} resolves them (AE-6 by whether the request is acceptable, AR-8 by
 * which side of the association we are).
 */
public enum Action {
    AE_1("Issue TRANSPORT CONNECT request", State.STA4),
    AE_2("Send A-ASSOCIATE-RQ PDU", State.STA5),
    AE_3("Issue A-ASSOCIATE confirmation (accept)", State.STA6),
    AE_4("Issue A-ASSOCIATE confirmation (reject), close transport", State.STA1),
    AE_5("Issue transport connection response, start ARTIM", State.STA2),
    AE_6("Stop ARTIM; issue A-ASSOCIATE indication or send A-ASSOCIATE-RJ and start ARTIM", State.STA3),
    AE_7("Send A-ASSOCIATE-AC PDU", State.STA6),
    AE_8("Send A-ASSOCIATE-RJ PDU, start ARTIM", State.STA13),
    DT_1("Send P-DATA-TF PDU", State.STA6),
    DT_2("Issue P-DATA indication", State.STA6),
    AR_1("Send A-RELEASE-RQ PDU", State.STA7),
    AR_2("Issue A-RELEASE indication", State.STA8),
    AR_3("Issue A-RELEASE confirmation, close transport", State.STA1),
    AR_4("Send A-RELEASE-RP PDU, start ARTIM", State.STA13),
    AR_5("Stop ARTIM", State.STA1),
    AR_6("Issue P-DATA indication", State.STA7),
    AR_7("Send P-DATA-TF PDU", State.STA8),
    AR_8("Issue A-RELEASE indication (release collision)", State.STA9),
    AR_9("Send A-RELEASE-RP PDU", State.STA11),
    AR_10("Issue A-RELEASE confirmation", State.STA12),
    AA_1("Send A-ABORT PDU (service-user source), start or restart ARTIM", State.STA13),
    AA_2("Stop ARTIM if running, close transport", State.STA1),
    AA_3("Issue A-ABORT or A-P-ABORT indication, close transport", State.STA1),
    AA_4("Issue A-P-ABORT indication", State.STA1),
    AA_5("Stop ARTIM", State.STA1),
    AA_6("Ignore PDU", State.STA13),
    AA_7("Send A-ABORT PDU", State.STA13),
    AA_8("Send A-ABORT PDU (service-provider source), issue A-P-ABORT indication, start ARTIM", State.STA13);

    private final String description;
    private final State next;

    Action(String description, State next) {
        this.description = description;
        this.next = next;
    }

    public String description() {
        return description;
    }

    /** The next state (for AE-6 and AR-8 the first of the two alternatives). */
    public State next() {
        return next;
    }
}
