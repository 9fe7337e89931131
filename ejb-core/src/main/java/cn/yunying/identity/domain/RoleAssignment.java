package cn.yunying.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;

/** One role of one user in one institution. The institution is referenced by id: it belongs to another context. */
@Entity
@Table(name = "role_assignment")
public class RoleAssignment {

    @Id
    @SequenceGenerator(name = "role_assignment_seq", sequenceName = "role_assignment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "role_assignment_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false)
    private UserAccount user;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 32)
    private Role role;

    protected RoleAssignment() {
        // for JPA
    }

    RoleAssignment(UserAccount user, Long institutionId, Role role) {
        this.user = Objects.requireNonNull(user, "user");
        this.institutionId = Objects.requireNonNull(institutionId, "institutionId");
        this.role = Objects.requireNonNull(role, "role");
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public Role getRole() {
        return role;
    }
}
