/** Events the identity context fires for others to observe (audit, statistics). Past tense: they happened. */
package cn.yunying.identity.application.events;
