package cn.yunying.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

/** DCMTK's command-line tools (Debian package dcmtk) as real peers of the running archive. */
final class Dcmtk {

    private Dcmtk() {
    }

    /** What a tool printed (stdout and stderr) and its exit status. */
    record Run(int exitCode, String output) {
    }

    /** Runs a tool with Nagle off (Debian's DCMTK keeps it on otherwise, see the test-peers notes). */
    static Run run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TCP_NODELAY", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Run(process.exitValue(), output);
    }

    static String archivePort() {
        return Integer.toString(YunyingEar.DICOM_PORT);
    }
}
