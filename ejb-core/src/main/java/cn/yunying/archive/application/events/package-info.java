/**
 * Events of the archive context: every store, query and retrieval of patient data (for the audit trail), and changes
 * of a study's content (for the study answer cache).
 */
package cn.yunying.archive.application.events;
