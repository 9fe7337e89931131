/**
 * The DICOM JSON Model of PS3.18 Annex F, with a small self-contained JSON writer and parser
 * (no third-party JSON library).
 */
package cn.yunying.dicom.json;
