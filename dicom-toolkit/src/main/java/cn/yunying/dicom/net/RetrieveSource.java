package cn.yunying.dicom.net;

import java.util.List;

/**
 * The provider's answer to a C-MOVE/C-GET: the instances to send and, for C-MOVE, where to; or a
 * refusal status (e.g. {@link Status#MOVE_DESTINATION_UNKNOWN}).
 */
public record RetrieveSource(int refusalStatus, MoveDestination destination, List<RetrieveInstance> instances) {
    public RetrieveSource {
        instances = instances == null ? List.of() : List.copyOf(instances);
    }

    /** For C-GET: send these back on the same association. */
    public static RetrieveSource of(List<RetrieveInstance> instances) {
        return new RetrieveSource(Status.SUCCESS, null, instances);
    }

    /** For C-MOVE: send these to the destination. */
    public static RetrieveSource of(List<RetrieveInstance> instances, MoveDestination destination) {
        return new RetrieveSource(Status.SUCCESS, destination, instances);
    }

    public static RetrieveSource refused(int status) {
        return new RetrieveSource(status, null, List.of());
    }

    public boolean isRefused() {
        return refusalStatus != Status.SUCCESS;
    }
}
