package cn.yunying.archive.application;

import java.io.Serializable;
import java.util.Set;

/**
 * Paging and what to return.
 *
 * @param offset      matches to skip
 * @param limit       at most this many (capped at {@link #MAX_LIMIT})
 * @param fuzzy       person names match ignoring case (QIDO {@code fuzzymatching=true}; C-FIND by agreement)
 * @param onlyKeys    return only these tags (C-FIND: the keys of the identifier); null for every indexed attribute
 * @param extraKeys   at the IMAGE level, also these tags from the stored metadata (QIDO {@code includefield})
 * @param allMetadata at the IMAGE level, the whole stored metadata ({@code includefield=all})
 */
public record QueryOptions(int offset, int limit, boolean fuzzy, Set<Integer> onlyKeys, Set<Integer> extraKeys,
                           boolean allMetadata) implements Serializable {

    public static final int MAX_LIMIT = 1000;

    public QueryOptions {
        offset = Math.max(0, offset);
        limit = limit <= 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT);
        onlyKeys = onlyKeys == null ? null : Set.copyOf(onlyKeys);
        extraKeys = extraKeys == null ? Set.of() : Set.copyOf(extraKeys);
    }

    public static QueryOptions all() {
        return new QueryOptions(0, MAX_LIMIT, false, null, Set.of(), false);
    }
}
