/**
 * The Native DICOM Model XML of PS3.19 Annex A, written and read with the JDK StAX API.
 */
package cn.yunying.dicom.xml;
