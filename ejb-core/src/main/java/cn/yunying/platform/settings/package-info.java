/** Deploy-time settings read through MicroProfile Config; every key is listed in docs/configuration.md. */
package cn.yunying.platform.settings;
