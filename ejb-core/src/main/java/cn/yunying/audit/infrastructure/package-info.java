/** JPA access to the audit trail; the chain head is locked while appending. */
package cn.yunying.audit.infrastructure;
