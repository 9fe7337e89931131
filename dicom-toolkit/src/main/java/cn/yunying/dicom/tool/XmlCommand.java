package cn.yunying.dicom.tool;

import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.xml.DicomXmlWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** {@code dicom xml FILE}: the data set as Native DICOM Model XML (PS3.19). */
final class XmlCommand extends FileCommand {
    @Override
    public String name() {
        return "xml";
    }

    @Override
    public String summary() {
        return "print the data set as Native DICOM Model XML (PS3.19)";
    }

    @Override
    void print(DicomFile file, PrintStream out) throws Exception {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        new DicomXmlWriter(w, true).write(file.dataset());
        w.write('\n');
        w.flush();
    }
}
