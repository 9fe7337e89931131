package cn.yunying.institution.application;

/** A file as it arrived; its type is decided from its content, not from {@code claimedContentType}. */
public record UploadedDocument(String fileName, String claimedContentType, byte[] content) {
}
