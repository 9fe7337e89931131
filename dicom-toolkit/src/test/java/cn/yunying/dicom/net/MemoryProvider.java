package cn.yunying.dicom.net;

import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.io.DicomInputStream;
import cn.yunying.dicom.io.DicomOutputStream;
import cn.yunying.dicom.io.ReadOptions;
import cn.yunying.dicom.io.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small in-memory archive for tests: stores what it receives (parsed), answers C-FIND by exact
 * match on the given non-empty keys, retrieves what C-FIND would match, commits what it holds.
 */
class MemoryProvider implements DicomServiceProvider {
    final Map<String, Attributes> stored = new ConcurrentHashMap<>();
    final Map<String, String> storedTs = new ConcurrentHashMap<>();
    final Map<String, MoveDestination> destinations = new HashMap<>();
    volatile AssociationInfo lastAssociation;
    volatile StoreRequest lastStore;

    @Override
    public AssociationDecision onAssociationRequest(AssociationInfo info) {
        lastAssociation = info;
        return AssociationDecision.accept();
    }

    @Override
    public int onStore(StoreRequest request, InputStream dataSet) throws IOException {
        lastStore = request;
        Attributes ds = new DicomInputStream(dataSet, ReadOptions.loadAll()).readDataSet(TransferSyntax.of(request.transferSyntaxUid()));
        if (!request.sopInstanceUid().equals(ds.getString(Tag.SOP_INSTANCE_UID))) {
            return Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS;
        }
        stored.put(request.sopInstanceUid(), ds);
        storedTs.put(request.sopInstanceUid(), request.transferSyntaxUid());
        return Status.SUCCESS;
    }

    List<Attributes> matches(Attributes keys) {
        List<Attributes> out = new ArrayList<>();
        for (Attributes ds : stored.values()) {
            boolean ok = true;
            for (int tag : keys.tags()) {
                String want = keys.getString(tag);
                if (tag != 0x00080052 && want != null && !want.isEmpty() && !want.equals(ds.getString(tag))) {
                    ok = false;
                }
            }
            if (ok) {
                out.add(ds);
            }
        }
        return out;
    }

    @Override
    public QueryResults onFind(FindRequest request) {
        List<Attributes> results = new ArrayList<>();
        for (Attributes ds : matches(request.identifier())) {
            Attributes r = new Attributes();
            for (int tag : request.identifier().tags()) {
                Object v = ds.getValue(tag);
                if (v instanceof String || v instanceof byte[]) {
                    r.setValue(tag, ds.getVR(tag), v);
                } else {
                    r.setValue(tag, request.identifier().getVR(tag), null);
                }
            }
            results.add(r);
        }
        return QueryResults.of(results);
    }

    @Override
    public RetrieveSource onRetrieve(RetrieveRequest request) {
        List<RetrieveInstance> list = new ArrayList<>();
        for (Attributes ds : matches(request.identifier())) {
            String ts = TransferSyntax.EXPLICIT_VR_LE.uid();
            list.add(new RetrieveInstance(ds.getString(Tag.SOP_CLASS_UID), ds.getString(Tag.SOP_INSTANCE_UID), ts,
                    () -> new ByteArrayInputStream(encode(ds, ts))));
        }
        if (request.isMove()) {
            MoveDestination d = destinations.get(request.moveDestination());
            return d == null ? RetrieveSource.refused(Status.MOVE_DESTINATION_UNKNOWN) : RetrieveSource.of(list, d);
        }
        return RetrieveSource.of(list);
    }

    @Override
    public CommitmentResult onStorageCommitment(CommitmentRequest request) {
        List<SopReference> ok = new ArrayList<>();
        Map<SopReference, Integer> failed = new HashMap<>();
        for (SopReference r : request.references()) {
            if (stored.containsKey(r.sopInstanceUid())) {
                ok.add(r);
            } else {
                failed.put(r, CommitmentResult.NO_SUCH_OBJECT_INSTANCE);
            }
        }
        return new CommitmentResult(request.transactionUid(), ok, failed);
    }

    static byte[] encode(Attributes ds, String ts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DicomOutputStream dos = new DicomOutputStream(bytes);
        dos.writeDataSet(ds, TransferSyntax.of(ts));
        dos.flush();
        return bytes.toByteArray();
    }
}
