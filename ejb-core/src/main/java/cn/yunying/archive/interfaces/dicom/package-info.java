/**
 * The archive's DICOM message endpoints: MDBs that the DICOM resource adapter (dicom-rar) calls for each association
 * request and DIMSE request on the plain and the TLS listener.
 */
package cn.yunying.archive.interfaces.dicom;
