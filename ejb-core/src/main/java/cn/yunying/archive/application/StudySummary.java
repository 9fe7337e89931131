package cn.yunying.archive.application;

import java.io.Serializable;

/** One study as the portal lists it; {@code vip} when the study or its patient is VIP-flagged. */
public record StudySummary(String studyUid, String patientName, String patientId, String birthDate, String sex,
                           String studyDate, String accessionNumber, String modalities, String description,
                           int numberOfSeries, int numberOfInstances, boolean vip) implements Serializable {
}
