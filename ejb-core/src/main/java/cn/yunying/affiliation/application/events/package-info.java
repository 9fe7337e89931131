/** Events of the affiliation context (audit and notification observe them). */
package cn.yunying.affiliation.application.events;
