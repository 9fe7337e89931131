package cn.yunying.portal.archive;

import cn.yunying.archive.application.StudyBrowser;
import cn.yunying.archive.application.StudySearch;
import cn.yunying.archive.application.StudySummary;
import cn.yunying.archive.application.VipFlags;
import cn.yunying.portal.i18n.FacesFeedback;
import cn.yunying.portal.i18n.Messages;
import cn.yunying.shared.AccessDeniedException;
import cn.yunying.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** The study list: search by patient name or ID, accession number, date range and modality; paged in the table. */
@Named("studiesView")
@ViewScoped
public class StudiesView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_RESULTS = 1000;

    @EJB
    StudyBrowser browser;

    @Inject
    Messages messages;

    @EJB
    VipFlags vipFlags;

    @Inject
    FacesFeedback feedback;

    private String patientName;
    private String patientId;
    private String accessionNumber;
    private LocalDate fromDay;
    private LocalDate toDay;
    private String modality;
    private List<StudySummary> studies = List.of();

    public void search() {
        try {
            studies = browser.search(new StudySearch(patientName, patientId, accessionNumber, fromDay, toDay, modality),
                    0, MAX_RESULTS);
        } catch (EJBException | AccessDeniedException e) {
            message(messages.get("error.forbidden"));
        } catch (DomainException e) {
            message(messages.get("error." + e.code().key()));
        }
    }

    /**
     * Flags one study ({@code patient} false) or the patient of the study; unflagging clears both flags, so that the
     * row is no longer VIP. Then searches again.
     */
    public void flag(String studyUid, boolean patient, boolean vip) {
        String done = vip ? "vip.flagged" : "vip.unflagged";
        if (feedback.attempt(() -> {
            if (!vip) {
                vipFlags.flagStudy(studyUid, false);
                vipFlags.flagPatientOf(studyUid, false);
            } else if (patient) {
                vipFlags.flagPatientOf(studyUid, true);
            } else {
                vipFlags.flagStudy(studyUid, true);
            }
        }, done)) {
            search();
        }
    }

    private static void message(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public List<StudySummary> getStudies() {
        return studies;
    }

    public String getPatientName() {
        return patientName;
    }

    public void setPatientName(String patientName) {
        this.patientName = patientName;
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getAccessionNumber() {
        return accessionNumber;
    }

    public void setAccessionNumber(String accessionNumber) {
        this.accessionNumber = accessionNumber;
    }

    public LocalDate getFromDay() {
        return fromDay;
    }

    public void setFromDay(LocalDate fromDay) {
        this.fromDay = fromDay;
    }

    public LocalDate getToDay() {
        return toDay;
    }

    public void setToDay(LocalDate toDay) {
        this.toDay = toDay;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }
}
