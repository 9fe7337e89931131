package cn.yunying.notification.application;

import cn.yunying.institution.application.InstitutionContact;
import cn.yunying.institution.application.InstitutionDirectory;
import cn.yunying.institution.application.events.InstitutionCertificationChanged;
import cn.yunying.notification.infrastructure.MailSender;
import jakarta.ejb.EJB;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Mails an institution's contact, in Chinese and English, when its application is received and when a platform
 * administrator decides on it. Runs only after the decision committed; a mail that cannot be sent is logged and does
 * not undo the decision (a durable outbox with retries is to come). A session bean with its own transaction: after
 * commit the finished transaction is still bound to the thread, and reading the contact must not try to join it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CertificationNotifier {

    private static final System.Logger LOG = System.getLogger(CertificationNotifier.class.getName());
    private static final Map<String, String> STATUS_ZH = Map.of("APPLIED", "已受理", "UNDER_REVIEW", "审核中",
            "CERTIFIED", "已认证", "REJECTED", "已驳回", "SUSPENDED", "已暂停", "REVOKED", "已撤销");

    @EJB
    InstitutionDirectory institutions;

    @Inject
    MailSender mail;

    public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) InstitutionCertificationChanged event) {
        InstitutionContact contact = institutions.contactOf(event.institutionId()).orElse(null);
        if (contact == null || contact.email() == null) {
            return;
        }
        try {
            mail.send(contact.email(), subject(event), body(event, contact));
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not mail the certification decision for {0} to its contact: {1}",
                    event.institutionCode(), e.getMessage());
        }
    }

    static String subject(InstitutionCertificationChanged event) {
        return "[云影 Yunying] " + ("APPLY".equals(event.action())
                ? "认证申请已收到 / Application received"
                : "机构认证：" + STATUS_ZH.getOrDefault(event.toStatus(), event.toStatus())
                        + " / Certification: " + event.toStatus());
    }

    static String body(InstitutionCertificationChanged event, InstitutionContact contact) {
        String reason = event.reason() == null ? "" : "\n原因 / Reason: " + event.reason() + "\n";
        return contact.contactName() + "，您好：\n\n"
                + "机构 " + contact.nameZh() + "（" + event.institutionCode() + "）的认证状态现为："
                + STATUS_ZH.getOrDefault(event.toStatus(), event.toStatus()) + "。\n" + reason
                + "\nDear " + contact.contactName() + ",\n\n"
                + "the certification of " + contact.nameEn() + " (" + event.institutionCode() + ") is now "
                + event.toStatus() + ".\n\n— 云影区域影像中心 / Yunying Regional Imaging\n";
    }
}
