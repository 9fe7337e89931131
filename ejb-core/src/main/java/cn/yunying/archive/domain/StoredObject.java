package cn.yunying.archive.domain;

/** A file in the online storage folder: its path below the root, size, checksums and transfer syntax. */
public record StoredObject(String relativePath, long size, String md5, String sha256, String transferSyntaxUid) {
}
