package cn.yunying.archive.domain;

/** The query/retrieve levels of PS3.4 C.6 (patient root and study root). */
public enum QueryLevel {
    PATIENT, STUDY, SERIES, IMAGE
}
