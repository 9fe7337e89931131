package cn.yunying.notification.infrastructure;

/** Sends a short text to a mainland mobile number. The only implementation today logs instead of sending. */
public interface SmsGateway {

    void send(String mobile, String text);
}
