/** Events of the archive context: every store, query and retrieval of patient data, for the audit trail. */
package cn.yunying.archive.application.events;
