/**
 * Audit context: the tamper-evident trail of who did what to which patient data, from where, with what outcome.
 * It only listens (CDI events of the other contexts, in their transaction); nothing else depends on it except to
 * read the trail.
 */
package cn.yunying.audit;
