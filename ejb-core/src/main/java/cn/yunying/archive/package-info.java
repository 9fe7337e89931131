/**
 * Archive context (issue 5): receives DICOM objects (STOW-RS today, C-STORE through the resource adapter later), keeps
 * them in the online storage folder, indexes them per patient, study, series and instance, and answers queries (QIDO-RS,
 * later C-FIND) and retrievals (WADO-RS, later C-MOVE/C-GET), scoped by institution. See docs/archive.md.
 */
package cn.yunying.archive;
