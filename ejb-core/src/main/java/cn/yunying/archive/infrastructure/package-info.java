/** The online storage folder (write-fsync-rename) and the JPA index repository and query translation. */
package cn.yunying.archive.infrastructure;
