package cn.yunying.dicom.tool;

import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.tool.Command.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Option parsing shared by the network commands: {@code --name value} options, repeatable ones,
 * flags and positional arguments, plus the TLS options
 * ({@code --tls}, {@code --tls-keystore FILE}, {@code --tls-truststore FILE}, {@code --tls-password P}).
 */
final class NetOptions {
    static final String TLS_USAGE = "[--tls [--tls-keystore P12] [--tls-truststore P12] [--tls-password PW]]";

    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    NetOptions(List<String> args, Set<String> withValue, Set<String> flags) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (withValue.contains(a)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(a + " needs a value");
                }
                values.computeIfAbsent(a, k -> new ArrayList<>()).add(args.get(++i));
            } else if (flags.contains(a)) {
                values.computeIfAbsent(a, k -> new ArrayList<>()).add("");
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new UsageException("unknown option " + a);
            } else {
                positional.add(a);
            }
        }
    }

    static Set<String> with(Set<String> base, String... more) {
        Set<String> s = new java.util.HashSet<>(base);
        s.addAll(List.of(more));
        return s;
    }

    static final Set<String> TLS_VALUES = Set.of("--tls-keystore", "--tls-truststore", "--tls-password");

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String defaultValue) {
        List<String> v = values.get(name);
        return v == null ? defaultValue : v.get(v.size() - 1);
    }

    String require(String name) throws UsageException {
        String v = get(name, null);
        if (v == null) {
            throw new UsageException(name + " is required");
        }
        return v;
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    int integer(String name, int defaultValue, int min, int max) throws UsageException {
        String v = get(name, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageException(name + " must be " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a number, not " + v);
        }
    }

    List<String> positional() {
        return positional;
    }

    /** The requestor settings of --aet/--calling-aet/--tls*. */
    AssociationRequestSpec requestSpec() throws UsageException, IOException {
        AssociationRequestSpec spec = new AssociationRequestSpec(require("--aet"))
                .callingAe(get("--calling-aet", AssociationRequestSpec.DEFAULT_CALLING_AE));
        if (has("--tls")) {
            spec.tls(tls());
        }
        return spec;
    }

    /** The SSL context of the --tls options: JVM defaults unless key/trust stores (PKCS12) are given. */
    SSLContext tls() throws IOException {
        try {
            String keystore = get("--tls-keystore", null);
            String truststore = get("--tls-truststore", null);
            char[] password = get("--tls-password", "changeit").toCharArray();
            if (keystore == null && truststore == null) {
                return SSLContext.getDefault();
            }
            KeyManagerFactory kmf = null;
            if (keystore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(Path.of(keystore), password), password);
            }
            TrustManagerFactory tmf = null;
            if (truststore != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(Path.of(truststore), password));
            }
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS set-up failed: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }
}
