package cn.yunying.dicom.io;

import cn.yunying.dicom.data.Attributes;

/**
 * What a Part 10 stream holds.
 *
 * @param preamble            the 128-byte preamble, or null if the stream had none
 * @param fileMetaInformation group 0002, or null if the stream had none
 * @param dataset             the data set (without group 0002)
 * @param transferSyntax      the transfer syntax of the data set (from the meta information, or guessed)
 * @param complete            false if reading stopped early (header only)
 */
public record DicomFile(byte[] preamble, Attributes fileMetaInformation, Attributes dataset,
                        TransferSyntax transferSyntax, boolean complete) {
}
