package cn.yunying.dicom.dict;

import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PS3.6 data dictionary, loaded lazily from {@code elements.tsv} on first use.
 *
 * <p>Ordinary entries live in a sorted {@code int[]} searched by bisection so that
 * implicit-VR decoding costs no boxing; repeating-group entries such as (60xx,3000)
 * are matched by mask afterwards.
 */
public final class ElementDictionary {
    private static final String RESOURCE = "elements.tsv";

    private final int[] tags;
    private final ElementEntry[] entries;
    private final ElementEntry[] repeating;
    private final Map<String, ElementEntry> byKeyword;

    private ElementDictionary(List<ElementEntry> plain, List<ElementEntry> repeatingGroups) {
        plain.sort((a, b) -> Integer.compareUnsigned(a.tag(), b.tag()));
        tags = new int[plain.size()];
        entries = plain.toArray(new ElementEntry[0]);
        for (int i = 0; i < tags.length; i++) {
            tags[i] = entries[i].tag();
        }
        repeating = repeatingGroups.toArray(new ElementEntry[0]);
        byKeyword = new HashMap<>(plain.size() * 2);
        for (ElementEntry e : entries) {
            byKeyword.putIfAbsent(e.keyword(), e);
        }
        for (ElementEntry e : repeating) {
            byKeyword.putIfAbsent(e.keyword(), e);
        }
    }

    private static final class Holder {
        static final ElementDictionary INSTANCE = load();
    }

    /** The shared dictionary; the resource is parsed on the first call. */
    public static ElementDictionary standard() {
        return Holder.INSTANCE;
    }

    /** Entry for a tag (exact match first, then repeating groups), or null. */
    public ElementEntry entry(int tag) {
        int index = unsignedSearch(tag);
        if (index >= 0) {
            return entries[index];
        }
        for (ElementEntry e : repeating) {
            if (e.matches(tag)) {
                return e;
            }
        }
        return null;
    }

    /** Entry for a keyword, or null. */
    public ElementEntry entry(String keyword) {
        return byKeyword.get(keyword);
    }

    /** The VR to assume for a public tag in implicit VR encoding; UN if unknown. */
    public static VR vrOf(int tag) {
        if (Tag.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tag.group(tag) == 0) {
            // every DIMSE message is an implicit VR command set: decoding one must not wait for the whole dictionary
            // to load (~40 ms, most of a short-lived tool's start)
            VR command = commandVr(tag);
            if (command != null) {
                return command;
            }
        }
        if (Tag.isPrivateCreator(tag)) {
            return VR.LO;
        }
        if (Tag.isPrivate(tag)) {
            return VR.UN;
        }
        ElementEntry e = standard().entry(tag);
        return e == null ? VR.UN : e.vr();
    }

    /** The VRs of the current command elements (PS3.7 E.1); null for others, which the dictionary answers. */
    private static VR commandVr(int tag) {
        switch (tag & 0xFFFF) {
            case 0x0002, 0x0003, 0x1000, 0x1001:
                return VR.UI;
            case 0x0100, 0x0110, 0x0120, 0x0700, 0x0800, 0x0900, 0x0903, 0x1002, 0x1008, 0x1020, 0x1021, 0x1022, 0x1023,
                 0x1031:
                return VR.US;
            case 0x0600, 0x1030:
                return VR.AE;
            case 0x0901, 0x1005:
                return VR.AT;
            case 0x0902:
                return VR.LO;
            default:
                return null;
        }
    }

    /** Keyword of a tag, or "" if the tag is private or unknown. */
    public static String keywordOf(int tag) {
        if (Tag.isPrivate(tag)) {
            return "";
        }
        ElementEntry e = standard().entry(tag);
        return e == null ? "" : e.keyword();
    }

    /** Tag for a keyword; throws IllegalArgumentException for unknown keywords. */
    public static int tagOf(String keyword) {
        ElementEntry e = standard().entry(keyword);
        if (e == null) {
            throw new IllegalArgumentException("unknown keyword: " + keyword);
        }
        return e.tag();
    }

    /** Number of entries (including repeating groups). */
    public int size() {
        return entries.length + repeating.length;
    }

    private int unsignedSearch(int tag) {
        int low = 0;
        int high = tags.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = Integer.compareUnsigned(tags[mid], tag);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private static ElementDictionary load() {
        List<ElementEntry> plain = new ArrayList<>(5000);
        List<ElementEntry> repeatingGroups = new ArrayList<>();
        try (BufferedReader reader = open(RESOURCE)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                String[] f = split(line, '\t');
                int mask = 0;
                int tag = 0;
                for (int i = 0; i < 8; i++) {
                    char c = f[0].charAt(i);
                    mask <<= 4;
                    tag <<= 4;
                    if (c != 'x') {
                        mask |= 0xF;
                        tag |= Character.digit(c, 16);
                    }
                }
                ElementEntry entry = new ElementEntry(tag, mask, parseVrs(f[1]), f[2], "R".equals(f[3]),
                        "-".equals(f[4]) ? "" : f[4], f[5]);
                (mask == 0xFFFFFFFF ? plain : repeatingGroups).add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load data dictionary", e);
        }
        return new ElementDictionary(plain, repeatingGroups);
    }

    private static final Map<String, List<VR>> VR_LISTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** "OB|OW" to [OB, OW]; the few distinct combinations are shared. */
    static List<VR> parseVrs(String field) {
        List<VR> cached = VR_LISTS.get(field);
        if (cached != null) {
            return cached;
        }
        List<VR> list = new ArrayList<>(2);
        if (!"NONE".equals(field)) {
            for (String part : split(field.replace('_', '|'), '|')) {
                VR vr = VR.ofName(part);
                if (vr == null) {
                    throw new IllegalArgumentException("unknown VR " + part);
                }
                list.add(vr);
            }
        }
        List<VR> result = List.copyOf(list);
        VR_LISTS.put(field, result);
        return result;
    }

    /** String.split without regular expressions, keeping empty fields. */
    static String[] split(String line, char separator) {
        List<String> parts = new ArrayList<>(8);
        int start = 0;
        for (int i = line.indexOf(separator); i >= 0; i = line.indexOf(separator, start)) {
            parts.add(line.substring(start, i));
            start = i + 1;
        }
        parts.add(line.substring(start));
        return parts.toArray(new String[0]);
    }

    static BufferedReader open(String resource) {
        InputStream in = ElementDictionary.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing dictionary resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }
}
