/**
 * The {@code dicom} command-line tool ({@code bin/dicom}): {@link cn.yunying.dicom.tool.DicomCli} dispatches
 * to {@link cn.yunying.dicom.tool.Command}s found in a {@link cn.yunying.dicom.tool.CommandRegistry}.
 */
package cn.yunying.dicom.tool;
