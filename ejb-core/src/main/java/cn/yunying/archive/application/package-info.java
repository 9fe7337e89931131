/**
 * What the adapters call: {@link cn.yunying.archive.application.ArchiveIngest} (store then index),
 * {@link cn.yunying.archive.application.ArchiveQuery} (C-FIND and QIDO-RS matching),
 * {@link cn.yunying.archive.application.ArchiveRetrieve} (files for WADO-RS, C-MOVE, storage commitment) and
 * {@link cn.yunying.archive.application.DicomWebService} (DICOMweb encodings, so the portal needs no DICOM types).
 * The pixel pipeline of the rendered and thumbnail resources lives here too, package-private: {@code FrameExtractor}
 * (frames as stored), {@code PixelDecoder} (native and JPEG baseline), {@code WindowLevel} (VOI functions),
 * {@code ImageRenderer} (rescale, window, scaling, JPEG/PNG encoding) and {@code RenderParameters} (query, Accept).
 */
package cn.yunying.archive.application;
