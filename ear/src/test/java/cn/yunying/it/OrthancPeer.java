package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Orthanc (Debian's /usr/sbin/Orthanc) as a real peer of the running archive: started with a configuration generated
 * under target/orthanc/, on free DICOM and HTTP ports of loopback, with the archive declared as its modality
 * {@code yunying}, and driven through its REST API (without keep-alive: a connection Orthanc closed while a synchronous
 * C-MOVE ran would otherwise be reused). Stopped through its Process handle. Missing Orthanc fails the test.
 */
final class OrthancPeer implements AutoCloseable {

    static final Path ORTHANC = Path.of(System.getProperty("yunying.orthanc", "/usr/sbin/Orthanc"));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String aeTitle;
    final int dicomPort;
    final int httpPort;
    private final Path work;
    private final Process process;

    private OrthancPeer(String aeTitle, int dicomPort, int httpPort, Path work, Process process) {
        this.aeTitle = aeTitle;
        this.dicomPort = dicomPort;
        this.httpPort = httpPort;
        this.work = work;
        this.process = process;
    }

    /** Starts Orthanc as {@code aeTitle}, knowing the archive (AE YUNYING on the IT's DICOM port) as "yunying". */
    static OrthancPeer start(String aeTitle) throws Exception {
        if (!Files.isExecutable(ORTHANC)) {
            fail("Orthanc not found at " + ORTHANC + " (bin/verify installs it: apt-get install orthanc)");
        }
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "orthanc")), "peer")
                .toAbsolutePath();
        int dicomPort = freePort();
        int httpPort = freePort();
        String config = """
                {
                  "Name": "yunying-peer",
                  "StorageDirectory": "%s",
                  "IndexDirectory": "%s",
                  "DicomAet": "%s",
                  "DicomPort": %d,
                  "HttpPort": %d,
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false,
                  "DicomCheckCalledAet": true,
                  "DicomAlwaysAllowStore": true,
                  "KeepAlive": false,
                  "DicomModalities": { "yunying": ["YUNYING", "127.0.0.1", %d] },
                  "Plugins": []
                }
                """.formatted(work.resolve("storage"), work.resolve("index"), aeTitle, dicomPort, httpPort,
                YunyingEar.DICOM_PORT);
        Path configFile = work.resolve("orthanc.json");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(ORTHANC.toString(), configFile.toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("orthanc.log").toFile());
        builder.environment().put("TCP_NODELAY", "1");
        OrthancPeer peer = new OrthancPeer(aeTitle, dicomPort, httpPort, work, builder.start());
        peer.awaitRest();
        return peer;
    }

    private void awaitRest() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Orthanc exited with " + process.exitValue() + ": " + log());
            }
            try {
                if (get("/system").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        fail("Orthanc's REST API did not answer within 60 s: " + log());
    }

    String log() throws IOException {
        Path file = work.resolve("orthanc.log");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no log)";
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Orthanc's identifier of the instance with this SOP Instance UID, or null when Orthanc does not hold it. */
    String instanceId(String sopInstanceUid) throws Exception {
        String found = post("/tools/lookup", sopInstanceUid).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "\"ID\"\\s*:\\s*\"([0-9a-f-]+)\"[^}]*\"Type\"\\s*:\\s*\"Instance\"").matcher(found);
        return m.find() ? m.group(1) : null;
    }

    /** A JSON text as Orthanc writes it, with its \\uXXXX escapes of non-ASCII characters decoded. */
    static String unescape(String json) {
        return java.util.regex.Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(json)
                .replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
