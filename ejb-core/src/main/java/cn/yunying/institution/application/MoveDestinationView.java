package cn.yunying.institution.application;

import java.io.Serializable;

/** A registered AE that may receive C-MOVE sub-operations: where it listens and whose it is. */
public record MoveDestinationView(String aeTitle, String host, int port, Long institutionId) implements Serializable {
}
