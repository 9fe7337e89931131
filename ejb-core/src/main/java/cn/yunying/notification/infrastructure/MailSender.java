package cn.yunying.notification.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;

/** Sends a plain-text UTF-8 mail through {@code java:jboss/mail/Yunying} (SMTP host and port in configuration.md). */
@ApplicationScoped
public class MailSender {

    @Resource(lookup = "java:jboss/mail/Yunying")
    Session session;

    public void send(String to, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        message.setSentDate(Date.from(Instant.now()));
        Transport.send(message);
    }
}
