/** Observers that turn other contexts' events into messages, after their transaction has committed. */
package cn.yunying.notification.application;
