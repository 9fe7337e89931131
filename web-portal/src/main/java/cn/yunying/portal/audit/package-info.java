/** Portal views of the audit context: the auditor's search and export of the trail, and chain verification. */
package cn.yunying.portal.audit;
