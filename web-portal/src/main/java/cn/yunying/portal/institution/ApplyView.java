package cn.yunying.portal.institution;

import cn.yunying.institution.application.ApplicationForm;
import cn.yunying.institution.application.InstitutionApplications;
import cn.yunying.institution.application.InstitutionView;
import cn.yunying.institution.application.UploadedDocument;
import cn.yunying.portal.i18n.FacesFeedback;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;

/**
 * The public application for certification ({@code /apply.xhtml}): the same service and checks as
 * {@code POST /api/public/applications}, documents uploaded with PrimeFaces (type decided by content, not name).
 */
@Named("applyView")
@ViewScoped
public class ApplyView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** One byte past the limit, so that an oversized document is reported by the service, never silently cut. */
    private static final int MAX_READ = (int) cn.yunying.institution.domain.DocumentType.MAX_BYTES + 1;
    public static final List<String> LEVELS = List.of("COUNTY_HOSPITAL", "TOWNSHIP_CLINIC", "COMMUNITY_CLINIC");

    @EJB
    InstitutionApplications applications;

    @Inject
    FacesFeedback feedback;

    private String nameZh;
    private String nameEn;
    private String level = "TOWNSHIP_CLINIC";
    private String licenseNumber;
    private String contactName;
    private String contactPhone;
    private String contactEmail;
    private String adminUsername;
    private String adminPassword;
    private String departments;
    private List<String> features = new java.util.ArrayList<>(List.of("SELF_REGISTRATION"));
    private transient UploadedFiles files;
    private InstitutionView applied;

    public void submit() throws IOException {
        List<UploadedDocument> documents = new ArrayList<>();
        if (files != null) {
            for (UploadedFile file : files.getFiles()) {
                try (InputStream in = file.getInputStream()) {
                    documents.add(new UploadedDocument(file.getFileName(), file.getContentType(), in.readNBytes(MAX_READ)));
                }
            }
        }
        char[] password = adminPassword == null ? null : adminPassword.toCharArray();
        adminPassword = null;
        feedback.attempt(() -> applied = applications.apply(new ApplicationForm(nameZh, nameEn, level, licenseNumber,
                contactName, contactPhone, contactEmail, adminUsername == null ? null : adminUsername.strip(),
                password, departments, java.util.Set.copyOf(features)), documents), "apply.received");
    }

    public String getDepartments() {
        return departments;
    }

    public void setDepartments(String departments) {
        this.departments = departments;
    }

    public List<String> getFeatures() {
        return features;
    }

    public void setFeatures(List<String> features) {
        this.features = features == null ? new java.util.ArrayList<>() : features;
    }

    public List<String> getAllFeatures() {
        return List.of("SELF_REGISTRATION", "CONSULTATION", "PATIENT_SMS");
    }

    public boolean isDone() {
        return applied != null;
    }

    public InstitutionView getApplied() {
        return applied;
    }

    public List<String> getLevels() {
        return LEVELS;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public String getLicenseNumber() {
        return licenseNumber;
    }

    public void setLicenseNumber(String licenseNumber) {
        this.licenseNumber = licenseNumber;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    public String getAdminPassword() {
        return adminPassword;
    }

    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }

    public UploadedFiles getFiles() {
        return files;
    }

    public void setFiles(UploadedFiles files) {
        this.files = files;
    }
}
