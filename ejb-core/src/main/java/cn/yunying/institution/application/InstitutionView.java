package cn.yunying.institution.application;

import java.io.Serializable;
import java.util.List;

/** What the portal and other contexts see of an institution. */
public record InstitutionView(Long id, String code, String nameZh, String nameEn, String level, String status,
                              List<String> aeTitles) implements Serializable {

    public InstitutionView {
        aeTitles = List.copyOf(aeTitles);
    }
}
