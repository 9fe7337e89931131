/**
 * The DICOM data model: {@link cn.yunying.dicom.data.Attributes} (a data set ordered by tag),
 * {@link cn.yunying.dicom.data.Sequence}, {@link cn.yunying.dicom.data.Fragments} (encapsulated pixel data),
 * {@link cn.yunying.dicom.data.BulkData} (a value left in its file), {@link cn.yunying.dicom.data.VR},
 * {@link cn.yunying.dicom.data.Tag}, {@link cn.yunying.dicom.data.PersonName} and DA/TM/DT conversions.
 * Nothing here does I/O except resolving bulk data references.
 */
package cn.yunying.dicom.data;
