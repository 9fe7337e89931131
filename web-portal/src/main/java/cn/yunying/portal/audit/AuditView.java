package cn.yunying.portal.audit;

import cn.yunying.audit.application.AuditQueries;
import cn.yunying.audit.application.AuditRecordView;
import cn.yunying.audit.application.AuditSearch;
import cn.yunying.audit.application.AuditVerification;
import cn.yunying.portal.i18n.Messages;
import cn.yunying.shared.AccessDeniedException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The audit trail page: search by user, action, patient and day range; verify the chain. */
@Named("auditView")
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @EJB
    AuditQueries audit;

    @Inject
    Messages messages;

    private String actor;
    private String action;
    private String patientId;
    private LocalDate fromDay;
    private LocalDate toDay;
    private List<AuditRecordView> records = List.of();
    private AuditVerification verification;

    public void search() {
        try {
            records = audit.search(criteria(), remoteAddress());
        } catch (EJBException | AccessDeniedException e) {
            deny();
        }
    }

    private AuditSearch criteria() {
        return new AuditSearch(actor, action, patientId,
                fromDay == null ? null : fromDay.atStartOfDay(CHINA).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(CHINA).toInstant(), AuditSearch.MAX_LIMIT);
    }

    /** Sends the current search's whole result as a CSV download (audited by the service). */
    public void export() throws java.io.IOException {
        byte[] csv;
        try {
            csv = audit.export(criteria(), remoteAddress());
        } catch (EJBException | AccessDeniedException e) {
            deny();
            return;
        } catch (cn.yunying.shared.DomainException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    messages.get("error." + e.code().key()), null));
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        jakarta.faces.context.ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"yunying-audit.csv\"");
        external.setResponseContentLength(csv.length);
        external.getResponseOutputStream().write(csv);
        faces.responseComplete();
    }

    public void verify() {
        try {
            verification = audit.verify(remoteAddress());
            FacesContext.getCurrentInstance().addMessage(null, verification.intact()
                    ? new FacesMessage(FacesMessage.SEVERITY_INFO, messages.get("audit.intact"), null)
                    : new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.get("audit.broken") + " #"
                    + verification.firstBadIndex() + " (" + verification.problem() + ")", null));
        } catch (EJBException | AccessDeniedException e) {
            deny();
        }
    }

    private void deny() {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.get("error.forbidden"), null));
    }

    private static String remoteAddress() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .getRemoteAddr();
    }

    public List<AuditRecordView> getRecords() {
        return records;
    }

    public AuditVerification getVerification() {
        return verification;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
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
}
