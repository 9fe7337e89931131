package cn.yunying.identity.domain;

/** Whether an account may log in. PENDING accounts wait for their institution administrator's approval. */
public enum UserStatus {
    PENDING, ACTIVE, DISABLED
}
