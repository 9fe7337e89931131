/**
 * Affiliation context (挂靠): consent-based links between institutions, or between one doctor and another
 * institution. An active affiliation is what later allows consultation requests and cross-institution visibility.
 */
package cn.yunying.affiliation;
