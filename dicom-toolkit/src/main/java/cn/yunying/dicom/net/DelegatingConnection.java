package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A {@link DicomConnection} whose operations run on an association supplied by a subclass: the plain connector owns
 * it, a pool lends it. A failed operation is reported to {@link #failed(IOException)}, because an association that
 * failed once must not be lent again.
 */
public abstract class DelegatingConnection implements DicomConnection {

    /** The association to use now; throws if this connection was closed. */
    protected abstract Association association() throws IOException;

    /** Called before an operation's IOException reaches the caller. */
    protected void failed(IOException cause) {
    }

    @Override
    public void echo() throws IOException {
        run(a -> {
            a.echo();
            return null;
        });
    }

    @Override
    public int store(Path file) throws IOException {
        return run(a -> a.store(file));
    }

    @Override
    public int store(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, InputStream dataSet)
            throws IOException {
        return run(a -> a.store(sopClassUid, sopInstanceUid, transferSyntaxUid, dataSet));
    }

    @Override
    public FindResults find(String sopClassUid, Attributes keys) throws IOException {
        return run(a -> a.find(sopClassUid, keys));
    }

    @Override
    public RetrieveResult move(String sopClassUid, String destinationAe, Attributes keys) throws IOException {
        return run(a -> a.move(sopClassUid, destinationAe, keys));
    }

    private <T> T run(Operation<T> operation) throws IOException {
        Association association = association();
        try {
            return operation.on(association);
        } catch (DimseException refused) {
            throw refused; // a DIMSE failure status: the association itself is fine
        } catch (IOException e) {
            failed(e);
            throw e;
        }
    }

    @FunctionalInterface
    private interface Operation<T> {
        T on(Association association) throws IOException;
    }
}
