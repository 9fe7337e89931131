package cn.yunying.portal.dicomweb;

import cn.yunying.archive.application.DicomWebService;
import cn.yunying.archive.application.RenderedImage;
import cn.yunying.archive.application.RetrievableInstance;
import jakarta.ejb.EJB;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WADO-URI (PS3.18 9, the URI service): {@code GET /dicomweb/wado?requestType=WADO&studyUID=…&seriesUID=…&objectUID=…}
 * with {@code contentType} application/dicom (the stored object as it is), image/jpeg (the default for images) or
 * image/png, and the image parameters {@code frameNumber}, {@code rows}, {@code columns}, {@code windowCenter} with
 * {@code windowWidth}, and {@code imageQuality}. They are translated to the WADO-RS rendered resource's parameters, so
 * both services share scoping, audit and the pixel pipeline.
 */
@Path("wado")
public class WadoUriResource {

    static final String DICOM = "application/dicom";

    @EJB
    DicomWebService dicomWeb;

    @GET
    public Response retrieve(@QueryParam("requestType") String requestType, @QueryParam("studyUID") String study,
                             @QueryParam("seriesUID") String series, @QueryParam("objectUID") String object,
                             @QueryParam("contentType") String contentType,
                             @QueryParam("transferSyntax") String transferSyntax,
                             @QueryParam("frameNumber") String frameNumber, @QueryParam("rows") String rows,
                             @QueryParam("columns") String columns, @QueryParam("windowCenter") String windowCenter,
                             @QueryParam("windowWidth") String windowWidth,
                             @QueryParam("imageQuality") String imageQuality,
                             @QueryParam("anonymize") String anonymize) {
        if (!"WADO".equals(requestType)) {
            throw new BadRequestException("requestType must be WADO");
        }
        if (blank(study) || blank(series) || blank(object)) {
            throw new BadRequestException("studyUID, seriesUID and objectUID are required");
        }
        if (anonymize != null) {
            throw new BadRequestException("anonymize is not offered");
        }
        String type = mediaType(contentType);
        if (DICOM.equals(type)) {
            return dicom(study, series, object, transferSyntax);
        }
        Map<String, List<String>> query = new HashMap<>();
        if (windowCenter != null || windowWidth != null) {
            if (windowCenter == null || windowWidth == null) {
                throw new BadRequestException("windowCenter and windowWidth go together");
            }
            query.put("window", List.of(windowCenter + "," + windowWidth + ",linear"));
        }
        if (rows != null || columns != null) {
            // WADO-URI rows/columns bound the image; the aspect ratio is kept, as with the rendered viewport
            query.put("viewport", List.of((columns != null ? columns : rows) + "," + (rows != null ? rows : columns)));
        }
        if (imageQuality != null) {
            query.put("quality", List.of(imageQuality));
        }
        RenderedImage image = dicomWeb.rendered(study, series, object, frame(frameNumber), query, type);
        return Response.ok(image.data()).type(image.mediaType()).build();
    }

    private Response dicom(String study, String series, String object, String transferSyntax) {
        RetrievableInstance instance = dicomWeb.retrieve(study, series, object).get(0);
        if (transferSyntax != null && !transferSyntax.equals(instance.transferSyntaxUid())) {
            // we send what was stored, byte for byte; transcoding is not offered (docs/dicom-conformance.md)
            throw new NotAcceptableException("the object is stored in " + instance.transferSyntaxUid()
                    + "; transcoding to " + transferSyntax + " is not offered");
        }
        StreamingOutput body = out -> Files.copy(java.nio.file.Path.of(instance.path()), out);
        return Response.ok(body).type(DICOM).header("Content-Length", instance.size()).build();
    }

    /** The first type of the contentType list we can produce; image/jpeg when absent (PS3.18 9.1.2.1.3). */
    static String mediaType(String contentType) {
        if (blank(contentType)) {
            return "image/jpeg";
        }
        List<String> offered = new ArrayList<>();
        for (String part : contentType.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals(DICOM) || type.equals("image/jpeg") || type.equals("image/png")) {
                return type;
            }
            offered.add(type);
        }
        throw new NotAcceptableException("contentType " + offered + " is not offered: application/dicom, image/jpeg or image/png");
    }

    private static Integer frame(String frameNumber) {
        if (frameNumber == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(frameNumber.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException("frameNumber must be a positive integer");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
