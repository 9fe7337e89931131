package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.VR;
import java.io.IOException;

/**
 * The responses of a C-FIND, read as the caller asks for them. {@link #cancel()} sends a C-CANCEL;
 * matches already on the way are still delivered until the final response.
 */
public final class FindResults implements AutoCloseable {
    private final Association association;
    private final int contextId;
    private final int messageId;
    private boolean done;
    private boolean cancelled;
    private int status = -1;

    FindResults(Association association, int contextId, int messageId) {
        this.association = association;
        this.contextId = contextId;
        this.messageId = messageId;
    }

    /**
     * The next match, or null after the final response.
     *
     * @throws DimseException if the final status is a failure
     */
    public Attributes next() throws IOException {
        while (!done) {
            DimseChannel.Message m = association.readResponse(messageId);
            int s = Commands.status(m.command());
            if (Status.isPending(s)) {
                if (m.data() != null) {
                    return Identifiers.read(m.data(), association.transferSyntaxOf(m.contextId()));
                }
                continue;
            }
            if (m.data() != null) {
                m.data().drain();
            }
            done = true;
            status = s;
            Association.failIfFailure(m.command());
        }
        return null;
    }

    /** Asks the SCP to stop (C-CANCEL-RQ); keep calling {@link #next()} or {@link #close()} to finish. */
    public void cancel() throws IOException {
        if (!done && !cancelled) {
            cancelled = true;
            Attributes cmd = Commands.request(Commands.C_CANCEL_RQ, null, 0, false);
            cmd.remove(Commands.MESSAGE_ID);
            cmd.setInt(Commands.MESSAGE_ID_RESPONDED_TO, VR.US, messageId);
            association.channel().send(contextId, cmd, null);
        }
    }

    /** The final status (0x0000 success, 0xFE00 cancelled), or -1 before the final response. */
    public int status() {
        return status;
    }

    public boolean isDone() {
        return done;
    }

    /** Cancels if still running and reads up to the final response, so the association can be reused. */
    @Override
    public void close() throws IOException {
        if (!done) {
            cancel();
            while (next() != null) {
                // discard matches that were already on their way
            }
        }
    }
}
