package cn.yunying.institution.domain;

import java.util.Optional;

/**
 * The document formats an application may carry, recognised by their first bytes (never by the name or the type the
 * browser claims): PDF starts with {@code %PDF-}, JPEG with {@code FF D8 FF}.
 */
public enum DocumentType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final String contentType;
    private final byte[] magic;

    DocumentType(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<DocumentType> sniff(byte[] content) {
        for (DocumentType type : values()) {
            if (content.length >= type.magic.length && startsWith(content, type.magic)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
