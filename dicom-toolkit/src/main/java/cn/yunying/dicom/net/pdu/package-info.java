/**
 * The PS3.8 upper-layer protocol data units: their Java form ({@link cn.yunying.dicom.net.pdu.Pdu} and the
 * items of A-ASSOCIATE-RQ/AC) and their strict binary codec ({@link cn.yunying.dicom.net.pdu.PduReader},
 * {@link cn.yunying.dicom.net.pdu.PduWriter}).
 *
 * <p>Everything here faces bytes from untrusted peers: every length is checked against the bytes that
 * enclose it before anything is allocated, and the reader refuses PDUs longer than the limit the caller
 * announced. A malformed PDU becomes a {@link cn.yunying.dicom.net.pdu.PduException} that carries the
 * A-ABORT source and reason the association must send.
 */
package cn.yunying.dicom.net.pdu;
