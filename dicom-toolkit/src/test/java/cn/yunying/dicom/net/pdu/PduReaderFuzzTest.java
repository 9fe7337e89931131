package cn.yunying.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random corruption of valid PDUs: the reader must either decode something or report a
 * {@link PduException} / {@link EOFException} (which the association turns into an A-ABORT), never
 * another exception. Iterations follow {@code fuzz.iterations} (x10), like the parser fuzz tests.
 */
class PduReaderFuzzTest {

    @Test
    void corruptedPdusFailCleanly() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int iterations = Integer.getInteger("fuzz.iterations", 300) * 10;
        Random random = new Random(seed);
        List<byte[]> samples = List.of(PduWriter.encode(new Pdu.AssociateRq(PduCodecTest.fullRequest())),
                PduWriter.encode(new Pdu.PDataTf(List.of(new Pdv(1, true, true, new byte[40]), new Pdv(3, false, false, new byte[9])))),
                PduWriter.encode(new Pdu.AssociateRj(1, 2, 3)), PduWriter.encode(new Pdu.Abort(2, 1)));
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < iterations; i++) {
            byte[] b = samples.get(random.nextInt(samples.size())).clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(5) == 0) {
                b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            }
            try {
                new PduReader(new ByteArrayInputStream(b), 16384, 65536).read();
                decoded++;
            } catch (PduException | EOFException e) {
                rejected++;
            } catch (Exception | Error e) {
                fail("seed " + seed + ", iteration " + i + ": " + e, e);
            }
        }
        assertTrue(decoded > 0 && rejected > 0, "decoded " + decoded + ", rejected " + rejected);
    }
}
