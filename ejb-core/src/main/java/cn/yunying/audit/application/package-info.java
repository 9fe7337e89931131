/**
 * Appending to the trail (pending, in the caller's transaction), linking pending records into the hash chain
 * ({@link cn.yunying.audit.application.AuditChainer}), searching the trail and verifying the chain.
 */
package cn.yunying.audit.application;
