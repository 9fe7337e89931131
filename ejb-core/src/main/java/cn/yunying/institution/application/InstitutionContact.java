package cn.yunying.institution.application;

/** Who to tell about an institution's certification. */
public record InstitutionContact(String code, String nameZh, String nameEn, String contactName, String email) {
}
