package cn.yunying.institution.application;

import java.io.Serializable;
import java.time.Instant;

/** A submitted document without its bytes. */
public record DocumentView(Long id, String fileName, String contentType, long sizeBytes, String sha256,
                           Instant uploadedAt) implements Serializable {
}
