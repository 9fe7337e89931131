package cn.yunying.dicom.net.pdu;

/**
 * One presentation data value item of a P-DATA-TF PDU: a fragment of a command or data set.
 *
 * @param contextId presentation context ID (odd, 1..255)
 * @param command   true for a command fragment, false for a data set fragment
 * @param last      true for the last fragment of the command or data set
 * @param data      the fragment bytes ({@code offset}, {@code length} within it)
 */
public record Pdv(int contextId, boolean command, boolean last, byte[] data, int offset, int length) {

    public Pdv(int contextId, boolean command, boolean last, byte[] data) {
        this(contextId, command, last, data, 0, data.length);
    }

    /** The message control header byte (PS3.8 annex E.2). */
    public int controlHeader() {
        return (command ? 1 : 0) | (last ? 2 : 0);
    }
}
