package cn.yunying.dicom.rar;

import java.util.Map;
import java.util.function.Function;

/**
 * Where the DICOM listener binds. The ra.xml/annotation value is the default; a system property
 * ({@code -Dyunying.dicom.port=...}) or an environment variable ({@code YUNYING_DICOM_PORT}) overrides it, so that the
 * same EAR runs on any host without repackaging.
 */
record ListenerSettings(String aeTitle, String bindAddress, int port) {

    static final String PORT_KEY = "yunying.dicom.port";
    static final String BIND_KEY = "yunying.dicom.bind";
    static final String AET_KEY = "yunying.dicom.aet";

    static ListenerSettings resolve(String aeTitle, String bindAddress, int port) {
        return resolve(aeTitle, bindAddress, port, System::getProperty, System.getenv());
    }

    static ListenerSettings resolve(String aeTitle, String bindAddress, int port,
                                    Function<String, String> properties, Map<String, String> environment) {
        String aet = pick(AET_KEY, aeTitle, properties, environment);
        String bind = pick(BIND_KEY, bindAddress, properties, environment);
        String portText = pick(PORT_KEY, Integer.toString(port), properties, environment);
        int resolvedPort;
        try {
            resolvedPort = Integer.parseInt(portText.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_KEY + " must be a number, not '" + portText + "'");
        }
        if (resolvedPort < 1 || resolvedPort > 65535) {
            throw new IllegalArgumentException(PORT_KEY + " must be between 1 and 65535, not " + resolvedPort);
        }
        return new ListenerSettings(aet, bind, resolvedPort);
    }

    private static String pick(String key, String fallback, Function<String, String> properties,
                               Map<String, String> environment) {
        String fromProperty = properties.apply(key);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnvironment = environment.get(key.toUpperCase().replace('.', '_'));
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : fallback;
    }
}
