package cn.yunying.dicom.net.pdu;

import java.util.List;

/**
 * A presentation context item. In an A-ASSOCIATE-RQ it proposes an abstract syntax with one or more
 * transfer syntaxes ({@code result} unused); in an A-ASSOCIATE-AC it carries the result and, if accepted,
 * exactly one transfer syntax ({@code abstractSyntax} is null there: the AC does not repeat it).
 */
public record PresentationContext(int id, int result, String abstractSyntax, List<String> transferSyntaxes) {
    public static final int ACCEPTANCE = 0;
    public static final int USER_REJECTION = 1;
    public static final int NO_REASON = 2;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public PresentationContext {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    public static PresentationContext proposal(int id, String abstractSyntax, String... transferSyntaxes) {
        return new PresentationContext(id, 0, abstractSyntax, List.of(transferSyntaxes));
    }

    public static PresentationContext accepted(int id, String transferSyntax) {
        return new PresentationContext(id, ACCEPTANCE, null, List.of(transferSyntax));
    }

    public static PresentationContext rejected(int id, int reason) {
        return new PresentationContext(id, reason, null, List.of());
    }

    public boolean isAccepted() {
        return result == ACCEPTANCE;
    }

    /** The single transfer syntax of an accepted context. */
    public String transferSyntax() {
        return transferSyntaxes.isEmpty() ? null : transferSyntaxes.get(0);
    }
}
