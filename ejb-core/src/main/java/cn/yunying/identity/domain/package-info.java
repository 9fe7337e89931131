/** User accounts and role assignments, and the pure rules of passwords and lockout. */
package cn.yunying.identity.domain;
