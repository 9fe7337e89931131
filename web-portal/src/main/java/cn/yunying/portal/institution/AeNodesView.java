package cn.yunying.portal.institution;

import cn.yunying.institution.application.AeConnectivity;
import cn.yunying.institution.application.AeEchoResult;
import cn.yunying.institution.application.AeRegistration;
import cn.yunying.institution.application.AeRegistry;
import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.InstitutionView;
import cn.yunying.institution.application.RegisteredAeView;
import cn.yunying.portal.i18n.FacesFeedback;
import cn.yunying.portal.i18n.LanguageView;
import cn.yunying.portal.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** "DICOM nodes": an institution administrator registers, tests and removes the AE titles of the institution. */
@Named("aeNodes")
@ViewScoped
public class AeNodesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AeRegistry registry;

    @EJB
    AeConnectivity connectivity;

    @EJB
    InstitutionDirectory directory;

    @Inject
    FacesFeedback feedback;

    @Inject
    LanguageView language;

    @Inject
    Messages messages;

    private List<InstitutionView> institutions = List.of();
    private Long institutionId;
    private List<RegisteredAeView> nodes = List.of();
    private String aeTitle;
    private String host;
    private Integer port;
    private boolean moveDestination;
    private String tlsCertificatePem;

    @PostConstruct
    void load() {
        institutions = directory.visibleInstitutions();
        if (institutionId == null && !institutions.isEmpty()) {
            institutionId = institutions.get(0).id();
        }
        refresh();
    }

    public void refresh() {
        if (institutionId != null && !feedback.attempt(() -> nodes = registry.list(institutionId), null)) {
            nodes = List.of();
        }
    }

    public void register() {
        AeRegistration registration = new AeRegistration(aeTitle, host, port, moveDestination, tlsCertificatePem);
        if (feedback.attempt(() -> registry.register(institutionId, registration), "ae.registered")) {
            aeTitle = null;
            host = null;
            port = null;
            moveDestination = false;
            tlsCertificatePem = null;
            refresh();
        }
    }

    public void remove(String title) {
        if (feedback.attempt(() -> registry.remove(institutionId, title), "ae.removed")) {
            refresh();
        }
    }

    public void echo(String title) {
        AeEchoResult[] result = new AeEchoResult[1];
        if (feedback.attempt(() -> result[0] = connectivity.echo(title), null)) {
            AeEchoResult r = result[0];
            String text = r.reachable() ? messages.get("ae.echoOk") + " (" + r.millis() + " ms)"
                    : messages.get("ae.echoFailed") + (r.problem() == null ? "" : ": " + r.problem());
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(
                    r.reachable() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN, text, null));
        }
    }

    public String nameOf(InstitutionView institution) {
        return language.isChinese() ? institution.nameZh() : institution.nameEn();
    }

    public List<InstitutionView> getInstitutions() {
        return institutions;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(Long institutionId) {
        this.institutionId = institutionId;
    }

    public List<RegisteredAeView> getNodes() {
        return nodes;
    }

    public String getAeTitle() {
        return aeTitle;
    }

    public void setAeTitle(String aeTitle) {
        this.aeTitle = aeTitle;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public boolean isMoveDestination() {
        return moveDestination;
    }

    public void setMoveDestination(boolean moveDestination) {
        this.moveDestination = moveDestination;
    }

    public String getTlsCertificatePem() {
        return tlsCertificatePem;
    }

    public void setTlsCertificatePem(String tlsCertificatePem) {
        this.tlsCertificatePem = tlsCertificatePem;
    }
}
