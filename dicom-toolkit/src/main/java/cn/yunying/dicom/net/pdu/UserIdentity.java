package cn.yunying.dicom.net.pdu;

/**
 * User identity negotiation, request side (PS3.7 annex D.3.3.7.1).
 *
 * @param type                      1 username, 2 username+passcode, 3 Kerberos, 4 SAML, 5 JWT
 * @param positiveResponseRequested whether the requestor wants a server response in the AC
 * @param primary                   the username or token
 * @param secondary                 the passcode (type 2 only), else empty
 */
public record UserIdentity(int type, boolean positiveResponseRequested, byte[] primary, byte[] secondary) {
    public static final int USERNAME = 1;
    public static final int USERNAME_PASSCODE = 2;
    public static final int KERBEROS = 3;
    public static final int SAML = 4;
    public static final int JWT = 5;

    public UserIdentity {
        primary = primary == null ? new byte[0] : primary.clone();
        secondary = secondary == null ? new byte[0] : secondary.clone();
    }

    public static UserIdentity username(String name) {
        return new UserIdentity(USERNAME, false, name.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }

    public static UserIdentity usernamePasscode(String name, String passcode) {
        return new UserIdentity(USERNAME_PASSCODE, false, name.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                passcode.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The primary field as UTF-8 text (usernames). */
    public String primaryText() {
        return new String(primary, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public byte[] primary() {
        return primary.clone();
    }

    @Override
    public byte[] secondary() {
        return secondary.clone();
    }

    @Override
    public String toString() {
        // never print the secondary field: it is a password
        return "UserIdentity[type=" + type + ", primary=" + (type <= 2 ? primaryText() : primary.length + " bytes") + "]";
    }
}
