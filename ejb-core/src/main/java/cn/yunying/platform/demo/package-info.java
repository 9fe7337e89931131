/** Initial data: the demo institutions, users and AEs in demo mode; the first administrator in production. */
package cn.yunying.platform.demo;
