/**
 * Technical bootstrap of the application: settings, schema migration, the persistence platform, health checks and
 * the initial data (demo data or the first administrator). It calls the contexts' application APIs and nothing
 * calls it back.
 */
package cn.yunying.platform;
