package cn.yunying.dicom.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.net.Association;
import cn.yunying.dicom.net.AssociationRejectedException;
import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.DicomClient;
import cn.yunying.dicom.net.DicomServiceProvider;
import cn.yunying.dicom.net.Status;
import cn.yunying.dicom.net.StoreRequest;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkManager;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter in a stand-in container: a WorkManager on plain threads and message endpoints that record what they
 * were asked, so that activation, dispatch, the checks made before the endpoint is asked, and deactivation are seen
 * over real DICOM associations from the toolkit's client.
 */
class DicomResourceAdapterTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final DicomResourceAdapter adapter = new DicomResourceAdapter();
    private final RecordingEndpoint endpoint = new RecordingEndpoint();
    private final AtomicInteger released = new AtomicInteger();

    @AfterEach
    void stop() {
        adapter.stop();
        threads.shutdownNow();
    }

    @Test
    void anActivatedEndpointReceivesStoresOverARealAssociationAndIsReleasedAfterEachCall() throws Exception {
        int port = activate(spec("ARCHIVE", ""));
        Attributes object = new Attributes();
        object.setString(Tag.SOP_CLASS_UID, VR.UI, UID.SECONDARY_CAPTURE_IMAGE_STORAGE);
        object.setString(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.42");
        object.setString(Tag.PATIENT_ID, VR.LO, "P1");
        try (Association association = DicomClient.connect("127.0.0.1", port, new AssociationRequestSpec("ARCHIVE")
                .callingAe("MODALITY").addContext(UID.VERIFICATION)
                .addContext(UID.SECONDARY_CAPTURE_IMAGE_STORAGE, UID.EXPLICIT_VR_LITTLE_ENDIAN))) {
            association.echo();
            assertEquals(Status.SUCCESS, association.store(object));
            association.release();
        }
        assertEquals(List.of("association MODALITY", "store 2.25.42 (" + UID.EXPLICIT_VR_LITTLE_ENDIAN + ")"),
                endpoint.calls);
        assertEquals(2, released.get(), "every endpoint instance is given back to the container");
    }

    @Test
    void theCalledAeTitleAndTheAllowListAreCheckedBeforeTheEndpointIsAsked() throws Exception {
        int port = activate(spec("ARCHIVE", "CT_1, MR_2"));
        AssociationRejectedException wrongCalled = assertThrows(AssociationRejectedException.class,
                () -> DicomClient.connect("127.0.0.1", port, new AssociationRequestSpec("SOMEONE_ELSE")
                        .callingAe("CT_1").addContext(UID.VERIFICATION)));
        assertEquals(7, wrongCalled.reason(), "called AE title not recognized");
        AssociationRejectedException notAllowed = assertThrows(AssociationRejectedException.class,
                () -> DicomClient.connect("127.0.0.1", port, new AssociationRequestSpec("ARCHIVE")
                        .callingAe("LAPTOP").addContext(UID.VERIFICATION)));
        assertEquals(3, notAllowed.reason(), "calling AE title not recognized");
        assertTrue(endpoint.calls.isEmpty(), "the endpoint was not bothered: " + endpoint.calls);
        try (Association allowed = DicomClient.connect("127.0.0.1", port, new AssociationRequestSpec("ARCHIVE")
                .callingAe("MR_2").addContext(UID.VERIFICATION))) {
            allowed.echo();
            allowed.release();
        }
    }

    @Test
    void deactivationClosesThePort() throws Exception {
        DicomActivationSpec spec = spec("ARCHIVE", "");
        MessageEndpointFactory factory = factory();
        start();
        adapter.endpointActivation(factory, spec);
        int port = spec.getPort();
        adapter.endpointDeactivation(factory, spec);
        assertTrue(bindsWithinTwoSeconds(port), "port " + port + " is free again");
    }

    /**
     * Whether the port can be bound again. The JDK finishes closing a listening socket only when the thread blocked
     * in accept() has woken up, a moment after close() returns; hence the short wait.
     */
    private static boolean bindsWithinTwoSeconds(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 40; attempt++) {
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress("127.0.0.1", port));
                return true;
            } catch (IOException inUse) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    @Test
    void aPortInUseFailsTheActivationNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            DicomActivationSpec spec = spec("ARCHIVE", "");
            spec.setPort(taken.getLocalPort());
            start();
            ResourceException e = assertThrows(ResourceException.class,
                    () -> adapter.endpointActivation(factory(), spec));
            assertTrue(e.getMessage().contains("yunying.dicom.port"), e.getMessage());
        }
    }

    @Test
    void aTlsListenerWithoutAKeyStoreStaysClosed() throws Exception {
        DicomActivationSpec spec = spec("ARCHIVE", "");
        spec.setTls(true);
        spec.setSettingsPrefix("test.absent");
        int port = freePort();
        spec.setPort(port);
        start();
        adapter.endpointActivation(factory(), spec);
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", port));
        }
    }

    @Test
    void siteSettingsOverrideTheActivationValues() {
        ListenerSettings plain = ListenerSettings.resolve("yunying.dicom", "YUNYING", "0.0.0.0", 11112, false,
                key -> key.equals("yunying.dicom.port") ? "2104" : null, java.util.Map.of("YUNYING_DICOM_AET", "HUB"));
        assertEquals(new ListenerSettings("HUB", "0.0.0.0", 2104, null, true), plain);
        ListenerSettings tls = ListenerSettings.resolve("yunying.dicom", "YUNYING", "0.0.0.0", 2762, true,
                key -> null, java.util.Map.of("YUNYING_DICOM_TLS_KEYSTORE", "/etc/yunying/dicom.p12"));
        assertTrue(tls.enabled());
        assertEquals(2762, tls.port());
        assertFalse(tls.tls().needClientAuth(), "without a trust store no client certificate is required");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ListenerSettings.resolve(
                "yunying.dicom", "YUNYING", "0.0.0.0", 11112, false, key -> null,
                java.util.Map.of("YUNYING_DICOM_PORT", "eleven")));
        assertTrue(bad.getMessage().contains("yunying.dicom.port"), bad.getMessage());
    }

    private int activate(DicomActivationSpec spec) throws Exception {
        start();
        adapter.endpointActivation(factory(), spec);
        return spec.getPort();
    }

    private DicomActivationSpec spec(String aeTitle, String allowList) throws IOException {
        DicomActivationSpec spec = new DicomActivationSpec();
        spec.setAeTitle(aeTitle);
        spec.setBindAddress("127.0.0.1");
        spec.setPort(freePort());
        spec.setAcceptedCallingAets(allowList);
        spec.setSettingsPrefix("test.unset");
        return spec;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private void start() {
        WorkManager workManager = (WorkManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorkManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("scheduleWork") || method.getName().equals("startWork")) {
                        threads.execute((Work) args[0]);
                        return method.getReturnType() == long.class ? 0L : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        BootstrapContext context = (BootstrapContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BootstrapContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getWorkManager")) {
                        return workManager;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        adapter.start(context);
    }

    /** Endpoints as the container makes them: the MDB's interface plus MessageEndpoint, each released after use. */
    private MessageEndpointFactory factory() {
        return (MessageEndpointFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MessageEndpointFactory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "createEndpoint" -> Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {DicomServiceProvider.class, MessageEndpoint.class}, (p, m, a) -> {
                                if (m.getName().equals("release")) {
                                    released.incrementAndGet();
                                    return null;
                                }
                                if (m.getDeclaringClass() == MessageEndpoint.class) {
                                    return null;
                                }
                                return m.invoke(endpoint, a);
                            });
                    case "isDeliveryTransacted" -> false;
                    case "getActivationName" -> "test";
                    case "getEndpointClass" -> RecordingEndpoint.class;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Records the requests it is asked to handle and stores by reading the whole stream. */
    static final class RecordingEndpoint implements DicomServiceProvider {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public cn.yunying.dicom.net.AssociationDecision onAssociationRequest(cn.yunying.dicom.net.AssociationInfo info) {
            calls.add("association " + info.callingAe());
            return cn.yunying.dicom.net.AssociationDecision.accept();
        }

        @Override
        public int onStore(StoreRequest request, InputStream dataSet) throws IOException {
            long bytes = dataSet.transferTo(java.io.OutputStream.nullOutputStream());
            calls.add("store " + request.sopInstanceUid() + " (" + request.transferSyntaxUid() + ")");
            return bytes > 0 ? Status.SUCCESS : Status.CANNOT_UNDERSTAND;
        }
    }
}
