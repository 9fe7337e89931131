package cn.yunying.institution.domain;

/** Where an institution stands in the regional alliance (医联体). */
public enum InstitutionLevel {
    /** The hub hospital that runs Yunying. */
    HUB,
    /** A county-level hospital (县级医院). */
    COUNTY_HOSPITAL,
    /** A township health center (乡镇卫生院). */
    TOWNSHIP_CLINIC,
    /** A community health service center (社区卫生服务中心). */
    COMMUNITY_CLINIC
}
