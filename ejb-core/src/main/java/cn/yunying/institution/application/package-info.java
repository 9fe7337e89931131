/**
 * The institution context's API for other contexts and for the portal: services returning DTOs, never entities.
 */
package cn.yunying.institution.application;
