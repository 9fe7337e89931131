package cn.yunying.dicom.tool;

import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomFiles;
import cn.yunying.dicom.io.ReadOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared handling of the "one file in, text out" commands: option parsing and
 * reading. {@code --bulk N} keeps bulk values above N bytes in the file and shows
 * references instead of loading them.
 */
abstract class FileCommand implements Command {

    @Override
    public String usage() {
        return "[--bulk BYTES] FILE";
    }

    @Override
    public final int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        long bulk = -1;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--bulk")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--bulk needs a byte count");
                }
                try {
                    bulk = Long.parseLong(args.get(++i));
                } catch (NumberFormatException e) {
                    throw new UsageException("--bulk needs a byte count, not " + args.get(i));
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new UsageException("unknown option " + a);
            } else {
                files.add(a);
            }
        }
        if (files.size() != 1) {
            throw new UsageException("expected one FILE");
        }
        Path file = Path.of(files.get(0));
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory");
        }
        DicomFile dicom = DicomFiles.read(file, bulk >= 0 ? ReadOptions.bulkDataReferences(bulk) : ReadOptions.loadAll());
        print(dicom, out);
        return DicomCli.OK;
    }

    abstract void print(DicomFile file, PrintStream out) throws Exception;
}
