/** Portal views of the registration context: the public registration page and the administrators' decisions. */
package cn.yunying.portal.registration;
