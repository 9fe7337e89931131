/**
 * DICOMweb (PS3.18) at /dicomweb: STOW-RS, QIDO-RS and WADO-RS. Thin: HTTP framing (multipart/related) only; the DICOM
 * encoding is done by the archive's application service {@code DicomWebService}, so no DICOM type is used here.
 */
package cn.yunying.portal.dicomweb;
