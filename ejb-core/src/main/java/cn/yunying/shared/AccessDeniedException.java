package cn.yunying.shared;

import jakarta.ejb.ApplicationException;

/** The caller is not allowed to do this. Boundaries answer 403 (REST), a message (portal) or a DIMSE refusal. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String what) {
        super(what);
    }
}
