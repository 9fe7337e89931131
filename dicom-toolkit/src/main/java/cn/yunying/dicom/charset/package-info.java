/**
 * Specific Character Set (0008,0005): single-byte repertoires, UTF-8, GB18030, GBK and ISO 2022
 * code extensions (escape sequences for Chinese, Japanese and Korean), for decoding and encoding
 * text values.
 */
package cn.yunying.dicom.charset;
