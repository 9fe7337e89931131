/** The user's language (zh-CN or en) and access to the message bundles. */
package cn.yunying.portal.i18n;
