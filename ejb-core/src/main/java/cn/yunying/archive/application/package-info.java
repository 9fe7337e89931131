/**
 * What the adapters call: {@link cn.yunying.archive.application.ArchiveIngest} (store then index),
 * {@link cn.yunying.archive.application.ArchiveQuery} (C-FIND and QIDO-RS matching),
 * {@link cn.yunying.archive.application.ArchiveRetrieve} (files for WADO-RS, C-MOVE, storage commitment) and
 * {@link cn.yunying.archive.application.DicomWebService} (DICOMweb encodings, so the portal needs no DICOM types).
 */
package cn.yunying.archive.application;
