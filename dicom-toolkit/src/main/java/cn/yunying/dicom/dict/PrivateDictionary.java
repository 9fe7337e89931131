package cn.yunying.dicom.dict;

import cn.yunying.dicom.data.VR;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Known private attributes, keyed by (private creator, group, element offset).
 * Used to give private elements their VR when a stream is implicit VR; the
 * element offset is the low byte of the element number (the block byte is
 * whatever the data set reserved for the creator).
 */
public final class PrivateDictionary {
    /** One known private attribute. */
    public record Entry(String creator, int group, int offset, List<VR> vrs, String vm, String name) {
        public VR vr() {
            return vrs.isEmpty() ? VR.UN : vrs.contains(VR.OW) ? VR.OW : vrs.get(0);
        }
    }

    private final Map<String, Entry> entries;

    private PrivateDictionary(Map<String, Entry> entries) {
        this.entries = entries;
    }

    private static final class Holder {
        static final PrivateDictionary INSTANCE = load();
    }

    public static PrivateDictionary standard() {
        return Holder.INSTANCE;
    }

    /** Entry for creator, group and element offset (0x00-0xFF), or null. */
    public Entry entry(String creator, int group, int offset) {
        if (creator == null) {
            return null;
        }
        return entries.get(key(creator.strip(), group, offset & 0xFF));
    }

    /** VR of a private element given its creator, or UN if not known. */
    public static VR vrOf(String creator, int tag) {
        Entry e = standard().entry(creator, tag >>> 16, tag & 0xFF);
        return e == null ? VR.UN : e.vr();
    }

    private static String key(String creator, int group, int offset) {
        return creator + '\u0000' + (group << 8 | offset);
    }

    private static PrivateDictionary load() {
        Map<String, Entry> map = new HashMap<>(16384);
        try (BufferedReader reader = ElementDictionary.open("private.tsv")) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                String[] f = ElementDictionary.split(line, '\t');
                String tag = f[1];
                if (tag.length() != 8 || tag.indexOf('x') != 4 || tag.lastIndexOf('x') != 5
                        || f[2].isEmpty()) {
                    continue; // only the regular gggg,xxee form is meaningful for lookups
                }
                int group = Integer.parseInt(tag.substring(0, 4), 16);
                int offset = Integer.parseInt(tag.substring(6), 16);
                List<VR> vrs;
                try {
                    vrs = ElementDictionary.parseVrs(f[2]);
                } catch (IllegalArgumentException unknownVr) {
                    continue;
                }
                map.putIfAbsent(key(f[0], group, offset), new Entry(f[0], group, offset, vrs, f[3], f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load private dictionary", e);
        }
        return new PrivateDictionary(map);
    }
}
