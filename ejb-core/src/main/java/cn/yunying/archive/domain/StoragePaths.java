package cn.yunying.archive.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where an instance lives below the storage root: {@code <2 hex of SHA-256(study UID)>/<study UID>/<series UID>/
 * <SOP instance UID>.<first 16 hex of the file's SHA-256>.dcm}. The fan-out keeps directories small; the content hash
 * in the name means a differing duplicate never overwrites a stored file. Only valid UIDs reach the file system.
 */
public final class StoragePaths {

    /** PS3.5 9.1: digits and dots, components without leading zeros, at most 64 characters. */
    private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

    private StoragePaths() {
    }

    public static boolean isValidUid(String uid) {
        return uid != null && uid.length() <= 64 && UID.matcher(uid).matches();
    }

    public static String of(String studyUid, String seriesUid, String sopInstanceUid, String sha256) {
        for (String uid : new String[] {studyUid, seriesUid, sopInstanceUid}) {
            if (!isValidUid(uid)) {
                throw new IllegalArgumentException("not a valid UID: " + uid);
            }
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return fanOut(studyUid) + "/" + studyUid + "/" + seriesUid + "/" + sopInstanceUid + "."
                + sha256.substring(0, 16) + ".dcm";
    }

    private static String fanOut(String studyUid) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(studyUid.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash, 0, 1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
