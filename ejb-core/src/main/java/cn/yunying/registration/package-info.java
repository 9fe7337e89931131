/**
 * Doctor self-registration: a request for an account in a certified institution, confirmed by an e-mail code and
 * decided by that institution's administrator. Uses identity and institution only through their application APIs.
 */
package cn.yunying.registration;
