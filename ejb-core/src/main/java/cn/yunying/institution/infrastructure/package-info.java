/** JPA repositories of the institution context. */
package cn.yunying.institution.infrastructure;
