/** Registration use cases (submit, verify, approve, reject, list pending) as EJBs returning DTO records. */
package cn.yunying.registration.application;
