/** Identity context: user accounts, their roles per institution, password hashing and login rules. */
package cn.yunying.identity;
