package cn.yunying.dicom.tool;

import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.net.Association;
import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.DicomClient;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code dicom echo}: C-ECHO (verification) against a remote AE. */
final class EchoCommand implements Command {
    static final Set<String> VALUES = NetOptions.with(NetOptions.TLS_VALUES, "--host", "--port", "--aet", "--calling-aet");

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String summary() {
        return "C-ECHO a remote AE (verification)";
    }

    @Override
    public String usage() {
        return "--host H --port P --aet CALLED [--calling-aet A] " + NetOptions.TLS_USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        NetOptions o = new NetOptions(args, VALUES, Set.of("--tls"));
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + o.positional().get(0));
        }
        AssociationRequestSpec spec = o.requestSpec().addContext(UID.VERIFICATION);
        long t0 = System.nanoTime();
        try (Association as = DicomClient.connect(o.require("--host"), o.integer("--port", -1, 1, 65535), spec)) {
            as.echo();
        }
        out.printf("C-ECHO %s@%s:%s succeeded in %d ms%n", spec.calledAe(), o.get("--host", ""), o.get("--port", ""),
                (System.nanoTime() - t0) / 1_000_000);
        return DicomCli.OK;
    }
}
