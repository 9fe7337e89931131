/** Appending to the trail (from events, in the caller's transaction), searching it and verifying the chain. */
package cn.yunying.audit.application;
