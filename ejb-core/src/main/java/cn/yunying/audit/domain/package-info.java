/** Audit records and the hash chain that makes a modified or deleted record detectable. */
package cn.yunying.audit.domain;
