/**
 * Institutions and their registered DICOM AEs as entities, with the rules that belong to them.
 * Imports no container API other than Jakarta Persistence mapping annotations.
 */
package cn.yunying.institution.domain;
