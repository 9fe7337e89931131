/**
 * The archive index (patient, study, series, instance, conflicts), the PS3.4 C.2.2 matching rules as pure functions,
 * and the storage path rules. No EJB, JAX-RS or file-system API here.
 */
package cn.yunying.archive.domain;
