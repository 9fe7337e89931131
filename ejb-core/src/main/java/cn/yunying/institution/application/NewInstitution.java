package cn.yunying.institution.application;

import cn.yunying.institution.domain.InstitutionLevel;
import cn.yunying.institution.domain.InstitutionStatus;

/** An institution created by the platform itself (bootstrap, demo data); applicants go through certification. */
public record NewInstitution(String code, String nameZh, String nameEn, InstitutionLevel level,
                             InstitutionStatus status, String licenseNumber) {
}
