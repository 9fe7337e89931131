/** Registration requests in the relational store. */
package cn.yunying.registration.infrastructure;
