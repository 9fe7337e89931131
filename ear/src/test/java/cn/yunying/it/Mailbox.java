package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mails the running archive sent to a test's in-process SMTP server (GreenMail), waited for as users would. */
final class Mailbox {

    private static final Pattern REGISTRATION_CODE = Pattern.compile("Registration code (\\d{6})");

    private Mailbox() {
    }

    /** An SMTP server on the port the integration server's mail session sends to, started. */
    static GreenMail start() {
        GreenMail smtp = new GreenMail(new ServerSetup(YunyingEar.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** Waits up to 20 s for a mail to {@code address} whose subject contains {@code subjectPart}. */
    static MimeMessage mailTo(GreenMail smtp, String address, String subjectPart) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (addressedTo(message, address) && message.getSubject().contains(subjectPart)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail '" + subjectPart + "' to " + address);
    }

    /** The six-digit code of the registration mail sent to {@code address}. */
    static String registrationCode(GreenMail smtp, String address) throws Exception {
        MimeMessage mail = mailTo(smtp, address, "Registration code");
        Matcher m = REGISTRATION_CODE.matcher(mail.getSubject());
        assertTrue(m.find(), mail.getSubject());
        return m.group(1);
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return message.getAllRecipients()[0].toString().equalsIgnoreCase(address);
        } catch (MessagingException e) {
            return false;
        }
    }
}
