package cn.yunying.institution.application;

/**
 * What an applicant submits: the institution (names, level, licence, contact) and its first administrator's account,
 * which stays pending until the institution is certified.
 */
public record ApplicationForm(String nameZh, String nameEn, String level, String licenseNumber, String contactName,
                              String contactPhone, String contactEmail, String adminUsername, char[] adminPassword) {
}
