package cn.yunying.dicom.data;

import java.util.Arrays;

/**
 * A PN value (PS3.5 6.2.1): up to three component groups (alphabetic,
 * ideographic, phonetic) separated by '=', each with up to five components
 * (family, given, middle, prefix, suffix) separated by '^'.
 */
public final class PersonName {
    /** The three component groups. */
    public enum Group { ALPHABETIC, IDEOGRAPHIC, PHONETIC }

    /** The five components of a group. */
    public enum Component { FAMILY, GIVEN, MIDDLE, PREFIX, SUFFIX }

    private final String[][] parts = new String[3][5];

    public PersonName() {
        for (String[] group : parts) {
            Arrays.fill(group, "");
        }
    }

    /** Parses a single PN value (no backslash). */
    public static PersonName parse(String value) {
        PersonName pn = new PersonName();
        String[] groups = value.split("=", -1);
        for (int g = 0; g < Math.min(3, groups.length); g++) {
            pn.setGroup(Group.values()[g], groups[g]);
        }
        return pn;
    }

    /** Sets a whole group from its '^'-separated text. */
    public PersonName setGroup(Group group, String text) {
        String[] components = text.split("\\^", -1);
        for (int c = 0; c < 5; c++) {
            parts[group.ordinal()][c] = c < components.length ? components[c].strip() : "";
        }
        if (components.length > 5) {
            // Extra components are not allowed; keep them in the suffix rather than lose them.
            parts[group.ordinal()][4] = String.join("^", Arrays.copyOfRange(components, 4, components.length));
        }
        return this;
    }

    public String get(Group group, Component component) {
        return parts[group.ordinal()][component.ordinal()];
    }

    public PersonName set(Group group, Component component, String value) {
        parts[group.ordinal()][component.ordinal()] = value == null ? "" : value;
        return this;
    }

    /** The group as encoded, with trailing empty components dropped ("" if empty). */
    public String getGroup(Group group) {
        String[] c = parts[group.ordinal()];
        int last = 4;
        while (last >= 0 && c[last].isEmpty()) {
            last--;
        }
        return String.join("^", Arrays.copyOf(c, last + 1));
    }

    public boolean hasGroup(Group group) {
        return !getGroup(group).isEmpty();
    }

    /** The encoded value with trailing empty groups dropped, e.g. "王^小明=王^小明". */
    @Override
    public String toString() {
        String[] groups = {getGroup(Group.ALPHABETIC), getGroup(Group.IDEOGRAPHIC), getGroup(Group.PHONETIC)};
        int last = 2;
        while (last > 0 && groups[last].isEmpty()) {
            last--;
        }
        return String.join("=", Arrays.copyOf(groups, last + 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonName other && Arrays.deepEquals(parts, other.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(parts);
    }
}
