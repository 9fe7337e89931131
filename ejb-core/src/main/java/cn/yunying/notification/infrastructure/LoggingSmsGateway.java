package cn.yunying.notification.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;

/**
 * Stands in for an SMS provider: writes the message to the server log (category of this class), with the number
 * masked to its first three and last four digits. Replace with a provider's client when one is contracted.
 */
@ApplicationScoped
public class LoggingSmsGateway implements SmsGateway {

    private static final System.Logger LOG = System.getLogger(LoggingSmsGateway.class.getName());

    @Override
    public void send(String mobile, String text) {
        LOG.log(Level.INFO, "SMS to {0}: {1}", mask(mobile), text);
    }

    static String mask(String mobile) {
        if (mobile == null || mobile.length() < 8) {
            return "***";
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }
}
