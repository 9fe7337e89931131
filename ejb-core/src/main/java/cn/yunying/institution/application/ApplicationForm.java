package cn.yunying.institution.application;

import java.util.Set;

/**
 * What an applicant submits: the institution (names, level, licence, contact), its first administrator's account,
 * which stays pending until the institution is certified, its departments (one {@code CODE=name} per line, may be
 * empty) and the features it enables (names of {@code InstitutionFeature}; null: the defaults).
 */
public record ApplicationForm(String nameZh, String nameEn, String level, String licenseNumber, String contactName,
                              String contactPhone, String contactEmail, String adminUsername, char[] adminPassword,
                              String departments, Set<String> features) {

    public ApplicationForm(String nameZh, String nameEn, String level, String licenseNumber, String contactName,
                           String contactPhone, String contactEmail, String adminUsername, char[] adminPassword) {
        this(nameZh, nameEn, level, licenseNumber, contactName, contactPhone, contactEmail, adminUsername,
                adminPassword, null, null);
    }
}
