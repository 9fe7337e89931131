package cn.yunying.dicom.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yunying.dicom.SyntheticCt;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.xml.DicomXmlReader;
import cn.yunying.dicom.xml.DicomXmlWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the DICOM JSON and XML readers: every mutant either
 * reads or fails with an IOException. Iterations follow {@code fuzz.iterations}
 * (see ParserFuzzTest), divided by 3 since documents are larger than files.
 */
class ReaderFuzzTest {
    private static final int ITERATIONS = Math.max(100, Integer.getInteger("fuzz.iterations", 300) / 3);
    private static final long SEED = Long.getLong("fuzz.seed", 20261123L);
    private static final String ALPHABET = "{}[]\",:0123456789.eE-+ abcnulltruefalse\\u\"vr\"\"Value\"<>/=&;#xX";

    @Test
    void mutatedJsonAndXmlReadOrFailWithIOException() throws Exception {
        Attributes ct = SyntheticCt.dataset(2, 2);
        StringWriter json = new StringWriter();
        new DicomJsonWriter(json, false).write(ct);
        StringWriter xml = new StringWriter();
        new DicomXmlWriter(xml, false).write(ct);
        Random random = new Random(SEED);
        int ok = 0;
        int rejected = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            boolean isJson = random.nextBoolean();
            String mutant = mutate(isJson ? json.toString() : xml.toString(), random);
            try {
                if (isJson) {
                    DicomJsonReader.read(new StringReader(mutant));
                } else {
                    DicomXmlReader.read(new StringReader(mutant));
                }
                ok++;
            } catch (IOException expected) {
                rejected++;
            } catch (RuntimeException | StackOverflowError bug) {
                throw new AssertionError("iteration " + i + " (seed " + SEED + ", " + (isJson ? "json" : "xml")
                        + "): " + bug + "\n" + mutant, bug);
            }
        }
        assertTrue(ok > 0 && rejected > 0, ok + " read, " + rejected + " rejected");
    }

    private static String mutate(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds && sb.length() > 1; r++) {
            int pos = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.setCharAt(pos, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> sb.deleteCharAt(pos);
                case 2 -> sb.insert(pos, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> sb.setLength(pos);
            }
        }
        return sb.toString();
    }
}
