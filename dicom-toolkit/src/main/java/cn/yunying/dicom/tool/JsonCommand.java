package cn.yunying.dicom.tool;

import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.json.DicomJsonWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** {@code dicom json FILE}: the data set as DICOM JSON (PS3.18 Annex F). */
final class JsonCommand extends FileCommand {
    @Override
    public String name() {
        return "json";
    }

    @Override
    public String summary() {
        return "print the data set as DICOM JSON (PS3.18 Annex F)";
    }

    @Override
    void print(DicomFile file, PrintStream out) throws Exception {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        new DicomJsonWriter(w, true).write(file.dataset());
        w.write('\n');
        w.flush();
    }
}
