/** Sending messages: Jakarta Mail through the server's mail session. */
package cn.yunying.notification.infrastructure;
