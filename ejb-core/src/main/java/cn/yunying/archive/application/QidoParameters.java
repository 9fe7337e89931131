package cn.yunying.archive.application;

import cn.yunying.archive.domain.QueryLevel;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.dict.ElementDictionary;
import cn.yunying.shared.DomainException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * QIDO-RS query parameters (PS3.18 8.3.4) to matching keys and options: {@code {attributeID}={value}} where the
 * attribute is a keyword or eight hex digits, plus {@code limit}, {@code offset}, {@code includefield} (repeatable,
 * comma separated, or {@code all}) and {@code fuzzymatching}. Anything else is refused (400).
 */
final class QidoParameters {

    record Parsed(Attributes keys, QueryOptions options) {
    }

    private QidoParameters() {
    }

    static Parsed parse(Map<String, List<String>> parameters, QueryLevel level) {
        Attributes keys = new Attributes();
        int offset = 0;
        int limit = 100;
        boolean fuzzy = false;
        boolean all = false;
        Set<Integer> include = new HashSet<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue();
            String value = values.isEmpty() ? "" : values.get(0);
            switch (name) {
                case "limit" -> limit = number(name, value);
                case "offset" -> offset = number(name, value);
                case "fuzzymatching" -> fuzzy = Boolean.parseBoolean(value.strip());
                case "includefield" -> {
                    for (String field : String.join(",", values).split(",")) {
                        if ("all".equalsIgnoreCase(field.strip())) {
                            all = true;
                        } else if (!field.isBlank()) {
                            include.add(tag(field.strip()));
                        }
                    }
                }
                default -> {
                    int tag = tag(name);
                    VR vr = ElementDictionary.vrOf(tag);
                    String text = vr == VR.UI ? value.replace(',', '\\') : value;
                    keys.setString(tag, vr, text);
                }
            }
        }
        return new Parsed(keys, new QueryOptions(offset, limit, fuzzy, null,
                level == QueryLevel.IMAGE ? include : Set.of(), all && level == QueryLevel.IMAGE));
    }

    private static int number(String name, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new DomainException(ArchiveError.INVALID_QUERY, name + " must be a non-negative number");
        }
    }

    /** A keyword ({@code PatientName}), or a tag as eight hex digits ({@code 00100010}). */
    static int tag(String attributeId) {
        try {
            if (attributeId.matches("[0-9A-Fa-f]{8}")) {
                int tag = Tag.parse(attributeId);
                if (ElementDictionary.keywordOf(tag).isEmpty()) {
                    throw new IllegalArgumentException("unknown tag");
                }
                return tag;
            }
            return ElementDictionary.tagOf(attributeId);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ArchiveError.INVALID_QUERY, "unknown attribute '" + attributeId + "'");
        }
    }
}
