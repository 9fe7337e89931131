package cn.yunying.dicom.bench;

import cn.yunying.dicom.SyntheticCt;
import cn.yunying.dicom.io.DicomFile;
import cn.yunying.dicom.io.DicomInputStream;
import cn.yunying.dicom.io.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing a 512x512x16-bit CT (about 514 KiB) from memory, against a plain copy of
 * the same bytes (the physical limit of a parser that must deliver the pixel data
 * in its own array). Throughput in operations (files) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {
    private byte[] file;

    @Setup
    public void createFile() {
        file = SyntheticCt.part10(512, 512);
    }

    /** Full parse: header attributes plus the pixel data copied into the data set. */
    @Benchmark
    public DicomFile parseFull() throws IOException {
        return new DicomInputStream(new ByteArrayInputStream(file), ReadOptions.loadAll()).readFile();
    }

    /** Header only: stops at (7FE0,0010). */
    @Benchmark
    public DicomFile parseHeader() throws IOException {
        return new DicomInputStream(new ByteArrayInputStream(file), ReadOptions.headerOnly()).readFile();
    }

    /** The same bytes copied into a new array through an InputStream, as the parser receives them. */
    @Benchmark
    public byte[] plainCopy() {
        return new ByteArrayInputStream(file).readAllBytes();
    }
}
