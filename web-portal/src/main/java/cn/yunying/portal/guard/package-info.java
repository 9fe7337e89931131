/**
 * Guards at the web edge, before a request reaches a page or resource: rate limits per client address on the public
 * endpoints and the cross-origin (CSRF) check on state-changing requests (docs/security.md).
 */
package cn.yunying.portal.guard;
