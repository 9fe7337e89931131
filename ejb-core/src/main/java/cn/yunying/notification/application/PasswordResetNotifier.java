package cn.yunying.notification.application;

import cn.yunying.identity.application.events.PasswordResetRequested;
import cn.yunying.notification.infrastructure.MailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Mails the password-reset link after the request committed; the link's base is {@code yunying.portal.url}. */
@ApplicationScoped
public class PasswordResetNotifier {

    private static final System.Logger LOG = System.getLogger(PasswordResetNotifier.class.getName());

    @Inject
    MailSender mail;

    @Inject
    @ConfigProperty(name = "yunying.portal.url", defaultValue = "http://localhost:8080")
    String portalUrl;

    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasswordResetRequested event) {
        String link = link(portalUrl, event.token());
        try {
            mail.send(event.email(), "[云影 Yunying] 重置密码 / Reset your password",
                    event.displayName() + "，您好：\n\n请在 30 分钟内打开以下链接设置新密码（仅可使用一次）：\n" + link
                            + "\n\nDear " + event.displayName() + ",\n\nopen this link within 30 minutes to set a new"
                            + " password (it works once):\n" + link + "\n\nIf you did not ask for this, ignore this"
                            + " mail. 如非本人操作，请忽略本邮件。\n" + RegistrationNotifier.SIGNATURE);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not mail a password-reset link: {0}", e.getMessage());
        }
    }

    static String link(String base, String token) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed + "/reset.xhtml?token=" + token;
    }
}
