package cn.yunying.dicom.rar;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a DICOM listener binds and whether it speaks TLS. The activation spec's value is the default; a system
 * property ({@code -Dyunying.dicom.port=...}) or an environment variable ({@code YUNYING_DICOM_PORT}) overrides it, so
 * that the same EAR runs on any host without repackaging. A TLS listener reads its port and key material from
 * {@code <prefix>.tls.*}; without a key store it stays closed ({@link #enabled()} is false), because a TLS port that
 * cannot complete a handshake helps nobody.
 *
 * @param tls null for a plain listener
 */
record ListenerSettings(String aeTitle, String bindAddress, int port, Tls tls, boolean enabled) {

    static final String DEFAULT_PREFIX = "yunying.dicom";
    static final int DEFAULT_TLS_PORT = 2762;

    /** Key material of a TLS listener; the trust store, when given, makes client certificates mandatory. */
    record Tls(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword) {
        boolean needClientAuth() {
            return trustStore != null;
        }
    }

    static ListenerSettings resolve(String prefix, String aeTitle, String bindAddress, int port, boolean tls) {
        return resolve(prefix, aeTitle, bindAddress, port, tls, System::getProperty, System.getenv());
    }

    static ListenerSettings resolve(String prefix, String aeTitle, String bindAddress, int port, boolean tls,
                                    Function<String, String> properties, Map<String, String> environment) {
        Lookup lookup = new Lookup(prefix, properties, environment);
        String aet = lookup.get("aet", aeTitle);
        String bind = lookup.get("bind", bindAddress);
        if (!tls) {
            return new ListenerSettings(aet, bind, lookup.port("port", port), null, true);
        }
        int tlsPort = lookup.port("tls.port", port > 0 ? port : DEFAULT_TLS_PORT);
        String keyStore = lookup.get("tls.keystore", "");
        if (keyStore.isBlank()) {
            return new ListenerSettings(aet, bind, tlsPort, null, false);
        }
        String trustStore = lookup.get("tls.truststore", "");
        return new ListenerSettings(aet, bind, tlsPort, new Tls(Path.of(keyStore),
                lookup.get("tls.keystore-password", "").toCharArray(),
                trustStore.isBlank() ? null : Path.of(trustStore),
                lookup.get("tls.truststore-password", "").toCharArray()), true);
    }

    String describe() {
        return aeTitle + "@" + bindAddress + ":" + port + (tls != null ? " (TLS)" : "");
    }

    /** Settings by name: system property first, then the environment variable of the same name. */
    private record Lookup(String prefix, Function<String, String> properties, Map<String, String> environment) {

        String get(String name, String fallback) {
            String key = prefix + "." + name;
            String fromProperty = properties.apply(key);
            if (fromProperty != null && !fromProperty.isBlank()) {
                return fromProperty.strip();
            }
            String fromEnvironment = environment.get(environmentName(key));
            return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment.strip() : fallback;
        }

        int port(String name, int fallback) {
            String key = prefix + "." + name;
            String text = get(name, Integer.toString(fallback));
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " (" + environmentName(key) + ") must be a number, not '"
                        + text + "'");
            }
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException(key + " must be between 0 and 65535, not " + value);
            }
            return value;
        }

        static String environmentName(String key) {
            return key.toUpperCase().replace('.', '_').replace('-', '_');
        }
    }
}
