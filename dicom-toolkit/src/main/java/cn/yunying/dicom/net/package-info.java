/**
 * The DICOM network layer: DIMSE services (PS3.7) over the upper-layer protocol (PS3.8), plain TCP or
 * TLS. Acceptors use {@link cn.yunying.dicom.net.DicomServer} with a
 * {@link cn.yunying.dicom.net.DicomServiceProvider}; requestors use
 * {@link cn.yunying.dicom.net.DicomClient#connect} and the returned {@link cn.yunying.dicom.net.Association}.
 *
 * <p>Design: one thread per association, reading on demand. The DIMSE layer pulls PDUs from the
 * socket only when it needs the next fragment, so a C-STORE data set reaches the application as an
 * InputStream while it arrives and TCP flow control, not memory, absorbs a slow consumer. Memory per
 * association is bounded by the PDU lengths we announce. Operations run one at a time (no
 * asynchronous operations window). See docs/toolkit/network.md.
 */
package cn.yunying.dicom.net;
