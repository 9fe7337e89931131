/** The registration request, its state machine and its verification code; pure Java plus JPA mapping. */
package cn.yunying.registration.domain;
