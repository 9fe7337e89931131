package cn.yunying.it;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR the build produced, and small HTTP helpers for tests that run as a client of the deployed server. */
final class YunyingEar {

    /** Shift of the server's HTTP ports (see it.port.offset in ear/pom.xml). */
    static final int PORT_OFFSET = Integer.getInteger("it.port.offset", 0);
    static final String PORTAL = "http://127.0.0.1:" + (8080 + PORT_OFFSET);
    static final String MANAGEMENT = "http://127.0.0.1:" + Integer.getInteger("it.management.port", 9990);
    static final int DICOM_PORT = Integer.getInteger("it.dicom.port", 11112);
    static final int DICOM_TLS_PORT = Integer.getInteger("it.tls.port", 2762);
    static final int SMTP_PORT = Integer.getInteger("it.smtp.port", 3025);
    static final String DEMO_PASSWORD = "Demo-2026";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private YunyingEar() {
    }

    static EnterpriseArchive fromBuild() {
        File ear = new File(System.getProperty("yunying.ear", "target/yunying.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    static HttpResponse<String> get(String url, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String url) throws Exception {
        return get(url, null, null);
    }

    /** POSTs an HTML-form body ({@code name=value} pairs, encoded here) as a demo user. */
    static HttpResponse<String> postForm(String url, String user, String... nameValuePairs) throws Exception {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            if (nameValuePairs[i + 1] != null) {
                form.append(form.length() == 0 ? "" : "&").append(nameValuePairs[i]).append('=')
                        .append(URLEncoder.encode(nameValuePairs[i + 1], StandardCharsets.UTF_8));
            }
        }
        String token = Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request with a JSON body ({@code json} may be null) and any method, as a demo user. */
    static HttpResponse<String> sendJson(String method, String url, String user, String json) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** POSTs an HTML-form body to a public endpoint, without credentials. */
    static HttpResponse<String> postPublicForm(String url, String... nameValuePairs) throws Exception {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(nameValuePairs[i]).append('=')
                    .append(URLEncoder.encode(nameValuePairs[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** POSTs a multipart/form-data body: text fields, then files under the part name {@code document}. */
    static HttpResponse<String> postMultipart(String url, Map<String, String> fields, Map<String, byte[]> files)
            throws Exception {
        String boundary = "----yunying" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The numeric value of the first {@code "name":123} in a JSON text. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError(name + " not in " + json);
        }
        return m.group(1);
    }

    /** The id of a demo institution, looked up by its code as the platform administrator. */
    static String institutionId(String code) throws Exception {
        String all = get(PORTAL + "/api/institutions", "admin", DEMO_PASSWORD).body();
        Matcher m = Pattern.compile("\"code\":\"" + code + "\",\"id\":(\\d+)").matcher(all);
        if (!m.find()) {
            throw new AssertionError(code + " not in " + all);
        }
        return m.group(1);
    }

    /** A minimal PDF, enough for the document checks of an application. */
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** The form of a certification application by a new clinic; {@code admin} is its first administrator. */
    static Map<String, String> application(String nameZh, String admin, String nonce) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("nameZh", nameZh);
        form.put("nameEn", "Liuxi Village Clinic " + nonce);
        form.put("level", "COMMUNITY_CLINIC");
        form.put("licenseNumber", "LX-" + nonce);
        form.put("contactName", "周敏");
        form.put("contactPhone", "13912345678");
        form.put("contactEmail", admin + "@clinic.example.cn");
        form.put("adminUsername", admin);
        form.put("adminPassword", "Liuxi-2026");
        return form;
    }

    /** Files an application of a new clinic and returns its id: an institution that is APPLIED, not certified. */
    static String newApplicant() throws Exception {
        String nonce = Long.toHexString(System.nanoTime());
        HttpResponse<String> applied = postMultipart(PORTAL + "/api/public/applications",
                application("柳溪村卫生室" + nonce, "lx-" + nonce, nonce), Map.of("licence.pdf", PDF));
        if (applied.statusCode() != 200) {
            throw new AssertionError("application refused: " + applied.body());
        }
        return field(applied.body(), "id");
    }

    /** A connection to the integration-test database, for checks the API does not expose. */
    static java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }

    /** Who stored an instance ({@code AE:CLINIC1_CT}, {@code USER:…}), or null when it is not in the index. */
    static String indexedBy(String sopInstanceUid) throws java.sql.SQLException {
        try (java.sql.Connection db = database(); java.sql.PreparedStatement q = db.prepareStatement(
                "SELECT source FROM archive_instance WHERE sop_instance_uid = ?")) {
            q.setString(1, sopInstanceUid);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
