package cn.yunying.notification.application;

import cn.yunying.notification.infrastructure.MailSender;
import cn.yunying.notification.infrastructure.SmsGateway;
import cn.yunying.registration.application.events.RegistrationChanged;
import cn.yunying.registration.application.events.RegistrationCodeIssued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.lang.System.Logger.Level;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Mails (and texts) the registration code, and mails the administrator's decision, in Chinese and English, after the
 * step committed. A failed send is logged and does not undo the step.
 */
@ApplicationScoped
public class RegistrationNotifier {

    private static final System.Logger LOG = System.getLogger(RegistrationNotifier.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    static final String SIGNATURE = "\n— 云影区域影像中心 / Yunying Regional Imaging\n";

    @Inject
    MailSender mail;

    @Inject
    SmsGateway sms;

    void onCode(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistrationCodeIssued event) {
        String until = TIME.format(event.expiresAt());
        send(event.email(), "[云影 Yunying] 注册验证码 / Registration code " + event.code(),
                event.displayName() + "，您好：\n\n您的注册验证码是 " + event.code() + "，" + until
                        + "（北京时间）前有效，最多可输入 5 次。\n\nDear " + event.displayName()
                        + ",\n\nyour registration code is " + event.code() + ", valid until " + until
                        + " (Beijing time), at most 5 attempts.\n" + SIGNATURE);
        try {
            sms.send(event.phone(), "【云影】注册验证码 " + event.code() + "，10分钟内有效。");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not text the registration code: {0}", e.getMessage());
        }
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistrationChanged event) {
        boolean approved = "APPROVED".equals(event.step());
        if (!approved && !"REJECTED".equals(event.step())) {
            return;
        }
        String reason = event.reason() == null ? "" : "\n原因 / Reason: " + event.reason() + "\n";
        send(event.email(), "[云影 Yunying] " + (approved ? "注册已批准 / Registration approved"
                        : "注册未通过 / Registration rejected"),
                event.displayName() + "，您好：\n\n您在 " + event.institutionNameZh() + " 的注册申请"
                        + (approved ? "已批准，现在可以用用户名 " + event.username() + " 登录。" : "未获批准。") + "\n"
                        + reason + "\nDear " + event.displayName() + ",\n\nyour registration with "
                        + event.institutionNameEn() + (approved ? " has been approved; you can now sign in as "
                        + event.username() + "." : " has been rejected.") + "\n" + SIGNATURE);
    }

    private void send(String to, String subject, String body) {
        try {
            mail.send(to, subject, body);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send a registration mail: {0}", e.getMessage());
        }
    }
}
