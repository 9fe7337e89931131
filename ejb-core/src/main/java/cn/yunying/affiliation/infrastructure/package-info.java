/** JPA access to affiliations. */
package cn.yunying.affiliation.infrastructure;
