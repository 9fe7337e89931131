/**
 * Protocol adapters of the archive: thin translations from DICOM (message endpoints of the resource adapter) to the
 * archive's application services. No archive logic lives here.
 */
package cn.yunying.archive.interfaces;
