/** Institution context: the member institutions of the alliance and the DICOM application entities they own. */
package cn.yunying.institution;
