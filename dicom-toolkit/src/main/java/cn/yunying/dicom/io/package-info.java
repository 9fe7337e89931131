/**
 * Part 10 and data set encoding: {@link cn.yunying.dicom.io.DicomInputStream} (streaming reader
 * with header-only, bulk data references and copy-while-parsing), {@link cn.yunying.dicom.io.DicomOutputStream},
 * {@link cn.yunying.dicom.io.TransferSyntax}, and {@link cn.yunying.dicom.io.DicomStreamException} for
 * invalid input. {@link cn.yunying.dicom.io.DicomFiles} has one-call helpers.
 */
package cn.yunying.dicom.io;
