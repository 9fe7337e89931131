/** JSON resources under /api for dashboards and scripts; errors are mapped once, never as stack traces. */
package cn.yunying.portal.api;
