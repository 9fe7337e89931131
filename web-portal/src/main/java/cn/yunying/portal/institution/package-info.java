/** Portal views of the institution context. */
package cn.yunying.portal.institution;
