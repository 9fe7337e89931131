package cn.yunying.dicom.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.yunying.dicom.SyntheticCt;
import cn.yunying.dicom.TestFiles;
import cn.yunying.dicom.json.DicomJsonWriter;
import cn.yunying.dicom.xml.DicomXmlWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the parser. Every mutant must either parse or fail
 * with a DicomStreamException; anything else (runtime exceptions, errors, hangs)
 * is a bug. Runs {@code fuzz.iterations} mutants (300 in a normal build, many more
 * with {@code mvn test -Pfuzz}); the seed comes from {@code fuzz.seed} so a failure
 * can be replayed. Failing inputs are saved to target/fuzz-failures/ so they can be
 * added to src/test/resources/corpus/.
 */
class ParserFuzzTest {
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 300);
    private static final long SEED = Long.getLong("fuzz.seed", 20261123L);

    @Test
    void mutantsParseOrFailWithDicomStreamException() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(SyntheticCt.part10(8, 8));
        for (String name : new String[] {"rtplan.dcm", "nested_priv_SQ.dcm", "JPEG2000.dcm", "image_dfl.dcm",
            "UN_sequence.dcm", "ExplVR_BigEnd.dcm", "MR_small_implicit.dcm", "test-SR.dcm"}) {
            seeds.add(Files.readAllBytes(TestFiles.testFile(name)));
        }
        Random random = new Random(SEED);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] mutant = mutate(seed, random);
            if (check(mutant, i)) {
                parsed++;
            } else {
                rejected++;
            }
        }
        assertTrue(parsed + rejected == ITERATIONS);
        assertTrue(rejected > 0 && parsed > 0, "the mutator should produce both valid and invalid input: "
                + parsed + " parsed, " + rejected + " rejected");
    }

    /** True if parsed, false if rejected properly; fails the test otherwise. */
    static boolean check(byte[] input, int iteration) throws IOException {
        try {
            for (ReadOptions options : new ReadOptions[] {ReadOptions.loadAll(), ReadOptions.headerOnly(),
                ReadOptions.bulkDataReferences(64)}) {
                DicomFile f = new DicomInputStream(new ByteArrayInputStream(input), options).readFile();
                new DicomJsonWriter(new StringWriter(), false).write(f.dataset());
                new DicomXmlWriter(new StringWriter(), false).write(f.dataset());
                f.dataset().toString();
            }
            return true;
        } catch (DicomStreamException expected) {
            if (!expected.getMessage().contains("at offset")) {
                save(input, iteration);
                fail("message without offset: " + expected.getMessage());
            }
            return false;
        } catch (Throwable unexpected) {
            save(input, iteration);
            throw new AssertionError("iteration " + iteration + " (seed " + SEED + "): " + unexpected, unexpected);
        }
    }

    static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            int pos = random.nextInt(b.length);
            switch (random.nextInt(7)) {
                case 0 -> b[pos] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[pos] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
                case 2 -> b = java.util.Arrays.copyOf(b, Math.max(1, pos));
                case 3 -> {
                    // Overwrite what may be a length field with a large or undefined value.
                    int p = Math.min(pos, b.length - 4);
                    int v = random.nextBoolean() ? -1 : random.nextInt();
                    for (int k = 0; k < 4 && p + k < b.length; k++) {
                        b[p + k] = (byte) (v >>> (8 * k));
                    }
                }
                case 4 -> {
                    byte[] grown = new byte[b.length + 1 + random.nextInt(16)];
                    System.arraycopy(b, 0, grown, 0, pos);
                    for (int k = pos; k < pos + grown.length - b.length; k++) {
                        grown[k] = (byte) random.nextInt();
                    }
                    System.arraycopy(b, pos, grown, pos + grown.length - b.length, b.length - pos);
                    b = grown;
                }
                case 5 -> {
                    // Insert an item or delimiter tag somewhere.
                    byte[] tag = random.nextBoolean() ? new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0}
                            : new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0};
                    System.arraycopy(tag, 0, b, Math.min(pos, b.length - 4), Math.min(4, b.length));
                }
                default -> {
                    int len = Math.min(b.length - pos, 1 + random.nextInt(64));
                    byte[] grown = java.util.Arrays.copyOf(b, b.length + len);
                    System.arraycopy(b, pos, grown, b.length, len);
                    b = grown;
                }
            }
            if (b.length < 4) {
                break;
            }
        }
        return b;
    }

    private static void save(byte[] input, int iteration) throws IOException {
        Path dir = Path.of("target", "fuzz-failures");
        Files.createDirectories(dir);
        Files.write(dir.resolve("seed-" + SEED + "-iteration-" + iteration + ".dcm"), input);
    }
}
