/** Portal views of the affiliation context. */
package cn.yunying.portal.affiliation;
