package cn.yunying.portal.registration;

import cn.yunying.institution.application.InstitutionView;
import cn.yunying.portal.i18n.FacesFeedback;
import cn.yunying.portal.i18n.LanguageView;
import cn.yunying.portal.i18n.Messages;
import cn.yunying.registration.application.RegistrationForm;
import cn.yunying.registration.application.RegistrationService;
import cn.yunying.registration.application.RegistrationView;
import cn.yunying.registration.application.VerificationResult;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The public registration page: the request, then the e-mailed code, then "wait for your administrator". */
@Named("register")
@ViewScoped
public class RegisterView implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final List<String> ROLES = List.of("RADIOLOGIST", "TECHNICIAN", "CLINICIAN");

    @EJB
    RegistrationService registrations;

    @Inject
    FacesFeedback feedback;

    @Inject
    Messages messages;

    @Inject
    LanguageView language;

    private List<InstitutionView> institutions = List.of();
    private String username;
    private String displayName;
    private String email;
    private String phone;
    private String password;
    private Long institutionId;
    private String department;
    private String hisAccountId;
    private String role = "RADIOLOGIST";
    private String code;
    private RegistrationView submitted;
    private boolean verified;

    @PostConstruct
    void load() {
        institutions = registrations.institutions();
    }

    public void submit() {
        char[] secret = password == null ? null : password.toCharArray();
        password = null;
        feedback.attempt(() -> submitted = registrations.submit(new RegistrationForm(username, displayName, email,
                phone, secret, institutionId, department, hisAccountId, role)), "registration.codeSent");
    }

    public void verify() {
        VerificationResult result = registrations.verify(submitted.id(), code);
        code = null;
        if (result.verified()) {
            verified = true;
            add(FacesMessage.SEVERITY_INFO, messages.get("registration.verified"));
        } else {
            String text = messages.get("error." + result.error().key());
            if (result.attemptsLeft() > 0 && "UNVERIFIED".equals(result.status())) {
                text += " " + messages.get("registration.attemptsLeft") + " " + result.attemptsLeft();
            }
            add(FacesMessage.SEVERITY_ERROR, text);
        }
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public String nameOf(InstitutionView institution) {
        return language.isChinese() ? institution.nameZh() : institution.nameEn();
    }

    public boolean isAwaitingCode() {
        return submitted != null && !verified;
    }

    public boolean isVerified() {
        return verified;
    }

    public boolean isEditing() {
        return submitted == null;
    }

    /** The departments of the chosen institution (the first one until one is chosen); empty: typed freely. */
    public List<cn.yunying.institution.application.DepartmentView> getDepartments() {
        Long id = institutionId != null ? institutionId : institutions.isEmpty() ? null : institutions.get(0).id();
        return id == null ? List.of() : registrations.departments(id);
    }

    public List<InstitutionView> getInstitutions() {
        return institutions;
    }

    public List<String> getRoles() {
        return ROLES;
    }

    public RegistrationView getSubmitted() {
        return submitted;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(Long institutionId) {
        this.institutionId = institutionId;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getHisAccountId() {
        return hisAccountId;
    }

    public void setHisAccountId(String hisAccountId) {
        this.hisAccountId = hisAccountId;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
