/** Notification context: tells people what happened (e-mail today; SMS and in-app messages later). Only listens. */
package cn.yunying.notification;
