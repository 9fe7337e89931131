/** JPA repositories of the identity context. */
package cn.yunying.identity.infrastructure;
