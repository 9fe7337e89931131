/**
 * The DICOM resource adapter: glue between the application server and dicom-toolkit. It opens the configured
 * listener on the server's WorkManager and closes it on undeploy. Association handling is delegated; this package
 * holds no DICOM logic of its own.
 */
package cn.yunying.dicom.rar;
