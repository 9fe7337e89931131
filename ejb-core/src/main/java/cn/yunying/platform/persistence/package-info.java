/** EclipseLink integration: picks the database platform from the live connection. */
package cn.yunying.platform.persistence;
