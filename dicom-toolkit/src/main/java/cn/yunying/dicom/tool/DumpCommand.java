package cn.yunying.dicom.tool;

import cn.yunying.dicom.data.AttributesDump;
import cn.yunying.dicom.io.DicomFile;
import java.io.PrintStream;

/** {@code dicom dump FILE}: meta information and data set, one attribute per line. */
final class DumpCommand extends FileCommand {
    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String summary() {
        return "print meta information and data set in readable form";
    }

    @Override
    void print(DicomFile file, PrintStream out) {
        out.println("# transfer syntax: " + file.transferSyntax());
        if (file.fileMetaInformation() != null) {
            out.println("# file meta information");
            out.print(AttributesDump.dump(file.fileMetaInformation()));
        } else {
            out.println("# no file meta information" + (file.preamble() == null ? ", no preamble" : ""));
        }
        out.println("# data set");
        out.print(AttributesDump.dump(file.dataset()));
    }
}
