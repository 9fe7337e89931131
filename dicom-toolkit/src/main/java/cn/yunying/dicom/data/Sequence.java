package cn.yunying.dicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The items of a sequence attribute. Items know their parent data set so that
 * they inherit its Specific Character Set and byte order. Whether the sequence
 * was encoded with undefined length is kept so that a read-write round trip
 * reproduces the encoding.
 */
public final class Sequence implements Iterable<Attributes> {
    private final Attributes parent;
    private final List<Attributes> items;
    private boolean undefinedLength = true;

    Sequence(Attributes parent, int capacity) {
        this.parent = parent;
        this.items = new ArrayList<>(capacity);
    }

    public Attributes parent() {
        return parent;
    }

    /** Creates, appends and returns a new empty item. */
    public Attributes addNew() {
        Attributes item = new Attributes(parent.isBigEndian(), 8);
        add(item);
        return item;
    }

    /** Appends an item; it must not belong to another sequence. */
    public Sequence add(Attributes item) {
        if (item.parent() != null && item.parent() != parent) {
            throw new IllegalArgumentException("item already belongs to another data set");
        }
        item.attachTo(parent);
        items.add(item);
        return this;
    }

    public Attributes get(int index) {
        return items.get(index);
    }

    public Attributes remove(int index) {
        return items.remove(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<Attributes> items() {
        return Collections.unmodifiableList(items);
    }

    public boolean isUndefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    @Override
    public Iterator<Attributes> iterator() {
        return items().iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequence other && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }
}
