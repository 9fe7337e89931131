/**
 * How the portal authenticates: one Jakarta Security mechanism for form login (browser, session) and HTTP Basic
 * (DICOMweb and REST clients, no session), backed by the identity context's password check.
 */
package cn.yunying.portal.security;
