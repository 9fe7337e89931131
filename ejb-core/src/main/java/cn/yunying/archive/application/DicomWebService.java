package cn.yunying.archive.application;

import cn.yunying.archive.domain.QueryLevel;
import cn.yunying.dicom.data.Attributes;
import cn.yunying.dicom.data.Sequence;
import cn.yunying.dicom.data.Tag;
import cn.yunying.dicom.data.VR;
import cn.yunying.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * DICOMweb encodings for the portal's /dicomweb resources, which must not use DICOM types: requests come in as strings
 * and streams, answers go out as DICOM JSON text, HTTP statuses and file locations (PS3.18).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DicomWebService {

    private static final int RETRIEVE_URL = 0x00081190;
    private static final int FAILED_SOP_SEQUENCE = 0x00081198;
    private static final int REFERENCED_SOP_SEQUENCE = 0x00081199;
    private static final int REFERENCED_SOP_CLASS_UID = 0x00081150;
    private static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;
    private static final int FAILURE_REASON = 0x00081197;
    private static final int WARNING_REASON = 0x00081196;

    /** The HTTP status and DICOM JSON body of a STOW-RS response. */
    public record StowResponse(int httpStatus, String json, List<IngestResult> results) implements Serializable {
    }

    @EJB
    ArchiveIngest ingest;

    @EJB
    ArchiveQuery query;

    @EJB
    ArchiveRetrieve retrieve;

    /**
     * Stores each part; {@code studyUid} (from the URL, may be null) must match every instance. 200 when all are
     * stored, 202 when some are, 409 when none is (PS3.18 10.5.3).
     */
    public StowResponse stow(List<InputStream> parts, String studyUid, Long institutionId, String baseUrl,
                             String address) {
        if (parts.isEmpty()) {
            throw new DomainException(ArchiveError.INVALID_REQUEST, "no application/dicom part");
        }
        Attributes response = new Attributes();
        Sequence stored = null;
        Sequence failed = null;
        List<IngestResult> results = new java.util.ArrayList<>();
        for (InputStream part : parts) {
            IngestResult result = ingest.ingestAsCaller(part, institutionId, address, studyUid);
            results.add(result);
            if (result.success()) {
                stored = stored == null ? response.newSequence(REFERENCED_SOP_SEQUENCE, parts.size()) : stored;
                Attributes item = reference(stored.addNew(), result);
                item.setString(RETRIEVE_URL, VR.UR, baseUrl + "/studies/" + result.studyUid() + "/series/"
                        + result.seriesUid() + "/instances/" + result.sopInstanceUid());
                if (result.duplicate()) {
                    item.setInt(WARNING_REASON, VR.US, 0xB000);
                }
            } else {
                failed = failed == null ? response.newSequence(FAILED_SOP_SEQUENCE, parts.size()) : failed;
                reference(failed.addNew(), result).setInt(FAILURE_REASON, VR.US, result.status());
            }
        }
        if (studyUid != null && stored != null) {
            response.setString(RETRIEVE_URL, VR.UR, baseUrl + "/studies/" + studyUid);
        }
        int status = failed == null ? 200 : stored == null ? 409 : 202;
        return new StowResponse(status, MetadataJson.toJson(response), results);
    }

    private static Attributes reference(Attributes item, IngestResult result) {
        item.setString(REFERENCED_SOP_CLASS_UID, VR.UI, result.sopClassUid() == null ? "" : result.sopClassUid());
        item.setString(REFERENCED_SOP_INSTANCE_UID, VR.UI,
                result.sopInstanceUid() == null ? "" : result.sopInstanceUid());
        return item;
    }

    /**
     * QIDO-RS. {@code level} is studies, series or instances; {@code studyUid} and {@code seriesUid} come from the
     * URL (may be null). Returns a DICOM JSON array.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public String search(String level, String studyUid, String seriesUid, Map<String, List<String>> parameters) {
        QueryLevel queryLevel = switch (level) {
            case "studies" -> QueryLevel.STUDY;
            case "series" -> QueryLevel.SERIES;
            case "instances" -> QueryLevel.IMAGE;
            default -> throw new DomainException(ArchiveError.INVALID_REQUEST, "unknown level " + level);
        };
        QidoParameters.Parsed parsed = QidoParameters.parse(parameters, queryLevel);
        if (seriesUid != null) {
            parsed.keys().setString(Tag.SERIES_INSTANCE_UID, VR.UI, seriesUid);
        }
        if (studyUid != null) {
            parsed.keys().setString(Tag.STUDY_INSTANCE_UID, VR.UI, studyUid);
            // Within one study the answer is cached per study; the request's text (sorted) is the question.
            String question = level + "/" + seriesUid + "?" + new java.util.TreeMap<>(parameters);
            return query.findInStudyAsJson(queryLevel, studyUid, parsed.keys(), parsed.options(), question);
        }
        return MetadataJson.toJson(query.find(queryLevel, parsed.keys(), parsed.options()));
    }

    /** WADO-RS metadata of a study, series or instance, as a DICOM JSON array. 404 if nothing visible matches. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public String metadata(String studyUid, String seriesUid, String sopInstanceUid) {
        return retrieve.metadataJson(studyUid, seriesUid, sopInstanceUid);
    }

    /**
     * WADO-RS frames (PS3.18 8.7.3): the requested frames (numbered from 1) of one instance, as stored (native pixels,
     * or the fragments of each encapsulated frame). 404 if the instance is not visible, 400 for a frame it lacks.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<PixelFrame> frames(String studyUid, String seriesUid, String sopInstanceUid, List<Integer> numbers) {
        if (seriesUid == null || sopInstanceUid == null || numbers.isEmpty()) {
            throw new DomainException(ArchiveError.INVALID_REQUEST, "frames need an instance and frame numbers");
        }
        RetrievableInstance instance = retrieve.locate(studyUid, seriesUid, sopInstanceUid).get(0);
        try {
            return FrameExtractor.frames(java.nio.file.Path.of(instance.path()), instance.transferSyntaxUid(),
                    numbers);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("frames of " + sopInstanceUid + " unreadable", e);
        }
    }

    /**
     * WADO-RS rendered (PS3.18 10.4) of one instance: frame {@code frame} (from 1; frame 1 when null), as JPEG or PNG.
     * {@code query} holds the request's parameters, {@code accept} its Accept header. Scoped and audited like frames.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public RenderedImage rendered(String studyUid, String seriesUid, String sopInstanceUid, Integer frame,
                                  Map<String, List<String>> query, String accept) {
        RenderParameters parameters = RenderParameters.parse(query, accept, false);
        RetrievableInstance instance = retrieve.locate(studyUid, seriesUid, sopInstanceUid).get(0);
        return render(instance, frame == null ? 1 : frame, parameters);
    }

    /**
     * WADO-RS rendered of a study or series ({@code seriesUid} may be null): frame 1 of each instance that can be
     * rendered, in index order; instances without pixel data or in a syntax we cannot decode are left out. If none
     * can be rendered, the first one's error.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<RenderedImage> renderedAll(String studyUid, String seriesUid, Map<String, List<String>> query,
                                           String accept) {
        RenderParameters parameters = RenderParameters.parse(query, accept, false);
        List<RenderedImage> images = new java.util.ArrayList<>();
        DomainException first = null;
        for (RetrievableInstance instance : retrieve.locate(studyUid, seriesUid, null)) {
            try {
                images.add(render(instance, 1, parameters));
            } catch (DomainException e) {
                first = first == null ? e : first;
            }
        }
        if (images.isEmpty()) {
            throw first;
        }
        return images;
    }

    /**
     * WADO-RS thumbnail (PS3.18 10.7): at study or series level the first image (index order) that can be rendered,
     * at instance level frame 1, at frame level that frame; fitted into {@value RenderParameters#THUMBNAIL_SIZE}
     * pixels unless a viewport is given.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public RenderedImage thumbnail(String studyUid, String seriesUid, String sopInstanceUid, Integer frame,
                                   Map<String, List<String>> query, String accept) {
        RenderParameters parameters = RenderParameters.parse(query, accept, true);
        DomainException first = null;
        for (RetrievableInstance instance : retrieve.locate(studyUid, seriesUid, sopInstanceUid)) {
            try {
                return render(instance, frame == null ? 1 : frame, parameters);
            } catch (DomainException e) {
                if (sopInstanceUid != null) {
                    throw e;
                }
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    private static RenderedImage render(RetrievableInstance instance, int frame, RenderParameters parameters) {
        return ImageRenderer.render(java.nio.file.Path.of(instance.path()), instance.transferSyntaxUid(), frame,
                parameters);
    }

    /** WADO-RS: the files to send. 404 if nothing visible matches. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<RetrievableInstance> retrieve(String studyUid, String seriesUid, String sopInstanceUid) {
        return retrieve.locate(studyUid, seriesUid, sopInstanceUid);
    }
}
