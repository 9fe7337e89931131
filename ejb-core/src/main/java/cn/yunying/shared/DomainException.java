package cn.yunying.shared;

import jakarta.ejb.ApplicationException;

/**
 * A business rule said no. It carries an {@link ErrorCode} so that each boundary can answer in its own terms,
 * and it rolls the transaction back so that nothing is stored half-way.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public DomainException(ErrorCode code, String detail) {
        super(code.key() + ": " + detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
