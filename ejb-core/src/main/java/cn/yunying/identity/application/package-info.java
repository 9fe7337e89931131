/**
 * Identity API for the portal and other contexts: authentication, the caller's profile (roles per institution)
 * and user administration. Returns DTOs only.
 */
package cn.yunying.identity.application;
