package cn.yunying.institution.application;

import java.io.Serializable;

/** A department of an institution, for choosing one (registration) or editing the list. */
public record DepartmentView(String code, String name) implements Serializable {
}
