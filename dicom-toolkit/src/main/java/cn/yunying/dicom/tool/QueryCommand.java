package cn.yunying.dicom.tool;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.AttributesDump;
import cn.yunying.dicom.data.UID;
import cn.yunying.dicom.data.VR;
import cn.yunying.dicom.dict.ElementDictionary;
import cn.yunying.dicom.net.Association;
import cn.yunying.dicom.net.AssociationRequestSpec;
import cn.yunying.dicom.net.DicomClient;
import cn.yunying.dicom.net.FindResults;
import cn.yunying.dicom.net.RetrieveResult;
import cn.yunying.dicom.net.ServiceClasses;
import cn.yunying.dicom.net.Status;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code dicom find|move|get}: query/retrieve SCU. Keys are {@code -k KEYWORD=VALUE} or
 * {@code -k gggg,eeee=VALUE}; an empty value asks for the attribute to be returned.
 */
final class QueryCommand implements Command {
    static final Set<String> VALUES = NetOptions.with(NetOptions.TLS_VALUES, "--host", "--port", "--aet", "--calling-aet",
            "-L", "-k", "--dest", "--dir");

    /** Storage classes proposed (with the SCP role) for C-GET: the common image and document classes. */
    static final List<String> GET_STORAGE_CLASSES = List.of(UID.CT_IMAGE_STORAGE, UID.MR_IMAGE_STORAGE,
            UID.SECONDARY_CAPTURE_IMAGE_STORAGE, "1.2.840.10008.5.1.4.1.1.1", "1.2.840.10008.5.1.4.1.1.1.1",
            "1.2.840.10008.5.1.4.1.1.1.2", "1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.12.1",
            "1.2.840.10008.5.1.4.1.1.20", "1.2.840.10008.5.1.4.1.1.128", "1.2.840.10008.5.1.4.1.1.2.1",
            "1.2.840.10008.5.1.4.1.1.4.1", "1.2.840.10008.5.1.4.1.1.481.1", "1.2.840.10008.5.1.4.1.1.481.2",
            "1.2.840.10008.5.1.4.1.1.481.3", "1.2.840.10008.5.1.4.1.1.481.5", "1.2.840.10008.5.1.4.1.1.88.11",
            "1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.104.1", "1.2.840.10008.5.1.4.1.1.9.1.1",
            "1.2.840.10008.5.1.4.1.1.7.4", "1.2.840.10008.5.1.4.1.1.77.1.4");

    private final String mode;

    QueryCommand(String mode) {
        this.mode = mode;
    }

    @Override
    public String name() {
        return mode;
    }

    @Override
    public String summary() {
        return switch (mode) {
            case "find" -> "C-FIND: query a remote AE and print the matches";
            case "move" -> "C-MOVE: have a remote AE send matching objects to --dest";
            default -> "C-GET: retrieve matching objects into --dir";
        };
    }

    @Override
    public String usage() {
        String extra = mode.equals("move") ? " --dest AE" : mode.equals("get") ? " --dir D" : "";
        return "--host H --port P --aet CALLED [--calling-aet A] [-L PATIENT|STUDY|SERIES|IMAGE] [-P|-S]" + extra
                + " -k TAG=VALUE... " + NetOptions.TLS_USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        NetOptions o = new NetOptions(args, VALUES, Set.of("--tls", "-P", "-S"));
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + o.positional().get(0));
        }
        boolean patientRoot = o.has("-P");
        String level = o.get("-L", patientRoot ? "PATIENT" : "STUDY").toUpperCase(Locale.ROOT);
        if (!Set.of("PATIENT", "STUDY", "SERIES", "IMAGE").contains(level)) {
            throw new UsageException("-L must be PATIENT, STUDY, SERIES or IMAGE");
        }
        Attributes keys = new Attributes();
        keys.setString(0x00080052, VR.CS, level);
        for (String k : o.all("-k")) {
            addKey(keys, k);
        }
        String cuid = switch (mode) {
            case "find" -> patientRoot ? ServiceClasses.PATIENT_ROOT_FIND : ServiceClasses.STUDY_ROOT_FIND;
            case "move" -> patientRoot ? ServiceClasses.PATIENT_ROOT_MOVE : ServiceClasses.STUDY_ROOT_MOVE;
            default -> patientRoot ? ServiceClasses.PATIENT_ROOT_GET : ServiceClasses.STUDY_ROOT_GET;
        };
        AssociationRequestSpec spec = o.requestSpec().addContext(cuid);
        Path dir = null;
        if (mode.equals("get")) {
            dir = Files.createDirectories(Path.of(o.require("--dir")));
            for (String storage : GET_STORAGE_CLASSES) {
                spec.addContext(storage).role(storage, false, true);
            }
        }
        String dest = mode.equals("move") ? o.require("--dest") : null;
        try (Association as = DicomClient.connect(o.require("--host"), o.integer("--port", -1, 1, 65535), spec)) {
            if (mode.equals("find")) {
                int n = 0;
                try (FindResults r = as.find(cuid, keys)) {
                    for (Attributes m; (m = r.next()) != null; ) {
                        out.println("# match " + ++n);
                        out.print(AttributesDump.dump(m));
                    }
                    out.println(n + " match(es), status " + Status.toHex(r.status()));
                }
                return DicomCli.OK;
            }
            RetrieveResult r;
            if (mode.equals("move")) {
                r = as.move(cuid, dest, keys);
            } else {
                Path target = dir;
                r = as.get(cuid, keys, (req, data) -> {
                    Path f = Part10Writer.write(target, req, data);
                    synchronized (out) {
                        out.println("received " + f.getFileName());
                    }
                    return Status.SUCCESS;
                });
            }
            out.printf("%s: status %s, %d completed, %d failed, %d warning%n", mode, Status.toHex(r.status()), r.completed(),
                    r.failed(), r.warning());
            for (String uid : r.failedSopInstanceUids()) {
                out.println("failed: " + uid);
            }
            return r.failed() == 0 ? DicomCli.OK : DicomCli.INPUT_ERROR;
        }
    }

    static void addKey(Attributes keys, String spec) throws UsageException {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        String value = eq < 0 ? "" : spec.substring(eq + 1);
        int tag;
        if (name.matches("\\(?[0-9A-Fa-f]{4},[0-9A-Fa-f]{4}\\)?")) {
            String hex = name.replaceAll("[(),]", "");
            tag = (int) Long.parseLong(hex, 16);
        } else {
            try {
                tag = ElementDictionary.tagOf(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown attribute " + name + " in -k " + spec);
            }
        }
        VR vr = ElementDictionary.vrOf(tag);
        if (vr == VR.SQ) {
            keys.newSequence(tag, 0);
        } else {
            keys.setString(tag, vr == VR.UN ? VR.LO : vr, value);
        }
    }
}
