package cn.yunying.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The UID registry of PS3.6 Annex A, loaded lazily from {@code uids.tsv}. */
public final class UidRegistry {
    private final Map<String, UidEntry> byUid;
    private final Map<String, UidEntry> byKeyword;

    private UidRegistry(Map<String, UidEntry> byUid) {
        this.byUid = byUid;
        this.byKeyword = new HashMap<>();
        for (UidEntry e : byUid.values()) {
            byKeyword.putIfAbsent(e.keyword(), e);
        }
    }

    private static final class Holder {
        static final UidRegistry INSTANCE = load();
    }

    public static UidRegistry standard() {
        return Holder.INSTANCE;
    }

    /** Entry for a UID, or null. */
    public UidEntry entry(String uid) {
        return uid == null ? null : byUid.get(uid);
    }

    /** Entry for a keyword, or null. */
    public UidEntry byKeyword(String keyword) {
        return byKeyword.get(keyword);
    }

    /** Name of a UID ("Explicit VR Little Endian"), or the UID itself if not registered. */
    public static String nameOf(String uid) {
        UidEntry e = standard().entry(uid);
        return e == null ? uid : e.name();
    }

    public Collection<UidEntry> entries() {
        return Collections.unmodifiableCollection(byUid.values());
    }

    private static UidRegistry load() {
        Map<String, UidEntry> map = new LinkedHashMap<>();
        try (BufferedReader reader = ElementDictionary.open("uids.tsv")) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                String[] f = ElementDictionary.split(line, '\t');
                map.put(f[0], new UidEntry(f[0], "-".equals(f[1]) ? "" : f[1], f[2], "R".equals(f[3]), f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load UID registry", e);
        }
        return new UidRegistry(map);
    }
}
