package cn.yunying.institution.application;

import java.io.Serializable;

/**
 * The outcome of a connectivity check of a registered AE: whether it answered a C-ECHO, how long the whole exchange
 * took (association, echo, release), and why not when it did not.
 */
public record AeEchoResult(String aeTitle, String host, Integer port, boolean reachable, long millis, String problem)
        implements Serializable {
}
