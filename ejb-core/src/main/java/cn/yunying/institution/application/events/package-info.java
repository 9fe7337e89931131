/** Events the institution context fires for others to observe (audit, notification, statistics). */
package cn.yunying.institution.application.events;
