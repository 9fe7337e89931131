package cn.yunying.institution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A department of an institution (放射科, 急诊科…): a short code and one name in the institution's own wording. */
@Entity
@Table(name = "department")
@NamedQuery(name = Department.OF_INSTITUTION, query = "SELECT d FROM Department d WHERE d.institutionId = :id"
        + " ORDER BY d.code")
public class Department {

    public static final String OF_INSTITUTION = "Department.ofInstitution";
    public static final int MAX_PER_INSTITUTION = 50;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** A department as entered: code and name. */
    public record Entry(String code, String name) {
    }

    /** A line that is not {@code CODE=name}, a duplicate code, or too many lines. */
    public static class InvalidList extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidList(String detail) {
            super(detail);
        }
    }

    @Id
    @SequenceGenerator(name = "department_seq", sequenceName = "department_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "department_seq")
    private Long id;

    @Column(name = "institution_id", nullable = false, updatable = false)
    private Long institutionId;

    @Column(name = "code", nullable = false, length = 32)
    private String code;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    protected Department() {
        // for JPA
    }

    public Department(Long institutionId, Entry entry) {
        this.institutionId = institutionId;
        this.code = entry.code();
        this.name = entry.name();
    }

    /**
     * Parses one department per line, {@code CODE=name} (e.g. {@code RAD=放射科}); blank lines are skipped, codes are
     * upper-cased and must be unique.
     */
    public static List<Entry> parse(String lines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String raw : (lines == null ? "" : lines).split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            String code = eq < 0 ? "" : line.substring(0, eq).strip().toUpperCase(java.util.Locale.ROOT);
            String name = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (!CODE.matcher(code).matches() || name.isEmpty() || name.length() > 100
                    || name.codePoints().anyMatch(Character::isISOControl)) {
                throw new InvalidList("not CODE=name: " + line);
            }
            if (entries.put(code, new Entry(code, name)) != null) {
                throw new InvalidList("duplicate code " + code);
            }
        }
        if (entries.size() > MAX_PER_INSTITUTION) {
            throw new InvalidList("more than " + MAX_PER_INSTITUTION + " departments");
        }
        return new ArrayList<>(entries.values());
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
