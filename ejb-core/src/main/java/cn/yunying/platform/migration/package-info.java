/** Runs the Flyway migrations of sql/ at deployment, before anything touches the schema. */
package cn.yunying.platform.migration;
