package cn.yunying.portal.dicomweb;

import cn.yunying.archive.application.RetrievableInstance;
import io.undertow.io.BufferWritableOutputStream;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A WADO-RS answer of whole instances: multipart/related, one application/dicom part per stored file, with its length
 * known in advance (the index holds every file's size), so the body can be sent with a Content-Length.
 *
 * <p>On Undertow (WildFly) the files go to the socket with {@code sendfile}: RESTEasy commits the status and headers,
 * then each part's header is written and its file transferred by the kernel, page cache to socket, without passing
 * through the Java heap (this doubled the throughput of a 200-instance study, docs/performance.md). Elsewhere, or if
 * the servlet's stream is not Undertow's, the files are copied through one large buffer.
 */
final class DicomPartsResponse {

    /** One large buffer for the copying path: Files.copy's 8 KiB chunks cost a third of the throughput. */
    private static final int COPY_BUFFER = 256 * 1024;

    private DicomPartsResponse() {
    }

    static Response of(List<RetrievableInstance> instances) {
        String boundary = "yunying-" + UUID.randomUUID();
        List<byte[]> heads = new ArrayList<>(instances.size());
        long length = 0;
        for (RetrievableInstance instance : instances) {
            byte[] head = ascii("--" + boundary + "\r\nContent-Type: application/dicom; transfer-syntax="
                    + instance.transferSyntaxUid() + "\r\nContent-Length: " + instance.size() + "\r\n\r\n");
            heads.add(head);
            length += head.length + instance.size() + 2;
        }
        byte[] end = ascii("--" + boundary + "--\r\n");
        length += end.length;
        StreamingOutput body = out -> {
            OutputStream raw = undertowStream();
            BufferWritableOutputStream direct = raw instanceof BufferWritableOutputStream d ? d : null;
            OutputStream sink = direct != null ? raw : out;
            if (direct != null) {
                out.flush(); // RESTEasy commits status and headers (with the Content-Length) on its first flush
            }
            byte[] buffer = direct != null ? null : new byte[COPY_BUFFER];
            for (int i = 0; i < instances.size(); i++) {
                sink.write(heads.get(i));
                try (FileChannel file = FileChannel.open(Path.of(instances.get(i).path()), StandardOpenOption.READ)) {
                    if (direct != null) {
                        direct.transferFrom(file);
                    } else {
                        InputStream in = Channels.newInputStream(file);
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            sink.write(buffer, 0, n);
                        }
                    }
                }
                sink.write(CRLF);
            }
            sink.write(end);
            sink.flush();
        };
        return Response.ok(body).header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary="
                + boundary).header("Content-Length", length).build();
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * Undertow's own stream of the current response (RESTEasy hands out a wrapper without {@code transferFrom}), or
     * null when not running on Undertow.
     */
    private static OutputStream undertowStream() throws IOException {
        try {
            ServletRequestContext current = ServletRequestContext.current();
            return current == null ? null : current.getOriginalResponse().getOutputStream();
        } catch (LinkageError | IllegalStateException notUndertow) {
            return null;
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
