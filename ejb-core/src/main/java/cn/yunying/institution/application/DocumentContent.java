package cn.yunying.institution.application;

/** A document's bytes with what a browser needs to show it. */
public record DocumentContent(String fileName, String contentType, String sha256, byte[] content) {
}
