/** Portal pages of the archive: the study list and search. */
package cn.yunying.portal.archive;
