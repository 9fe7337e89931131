package cn.yunying.portal.dicomweb;

import cn.yunying.archive.application.DicomWebService;
import cn.yunying.archive.application.DicomWebService.StowResponse;
import cn.yunying.archive.application.PixelFrame;
import cn.yunying.archive.application.RenderedImage;
import cn.yunying.archive.application.RetrievableInstance;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * DICOMweb studies service (PS3.18 10): STOW-RS {@code POST /studies[/{study}]} (multipart/related;
 * type="application/dicom"), QIDO-RS {@code GET /studies}, {@code /series}, {@code /instances} and their nested forms,
 * WADO-RS {@code GET /studies/{study}[/series/{series}[/instances/{instance}]]} (multipart/related application/dicom)
 * and {@code .../metadata} (DICOM JSON), {@code .../frames/{list}} (the viewer's images), and the rendered and
 * thumbnail resources (JPEG/PNG). Scoping, auditing, encoding and rendering are the archive's.
 */
@Path("/")
public class StudiesResource {

    static final String DICOM_JSON = "application/dicom+json";

    @EJB
    DicomWebService dicomWeb;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @POST
    @Path("studies")
    public Response store(@HeaderParam("Content-Type") String contentType, @QueryParam("institution") Long institution,
                          InputStream body) throws IOException {
        return stow(contentType, null, institution, body);
    }

    @POST
    @Path("studies/{study}")
    public Response storeInStudy(@HeaderParam("Content-Type") String contentType, @PathParam("study") String study,
                                 @QueryParam("institution") Long institution, InputStream body) throws IOException {
        return stow(contentType, study, institution, body);
    }

    private Response stow(String contentType, String study, Long institution, InputStream body) throws IOException {
        String boundary = Multipart.boundary(contentType);
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/related") || boundary == null) {
            return Response.status(415).build();
        }
        List<InputStream> parts = Multipart.dicomParts(body.readAllBytes(), boundary);
        if (parts.isEmpty()) {
            throw new BadRequestException("no application/dicom part");
        }
        StowResponse response = dicomWeb.stow(parts, study, institution, base(), request.getRemoteAddr());
        return Response.status(response.httpStatus()).type(DICOM_JSON).entity(response.json()).build();
    }

    @GET
    @Path("studies")
    public Response searchStudies() {
        return search("studies", null, null);
    }

    @GET
    @Path("series")
    public Response searchSeries() {
        return search("series", null, null);
    }

    @GET
    @Path("instances")
    public Response searchInstances() {
        return search("instances", null, null);
    }

    @GET
    @Path("studies/{study}/series")
    public Response searchSeriesOfStudy(@PathParam("study") String study) {
        return search("series", study, null);
    }

    @GET
    @Path("studies/{study}/instances")
    public Response searchInstancesOfStudy(@PathParam("study") String study) {
        return search("instances", study, null);
    }

    @GET
    @Path("studies/{study}/series/{series}/instances")
    public Response searchInstancesOfSeries(@PathParam("study") String study, @PathParam("series") String series) {
        return search("instances", study, series);
    }

    private Response search(String level, String study, String series) {
        String json = dicomWeb.search(level, study, series, uri.getQueryParameters());
        return Response.ok(json, DICOM_JSON).build();
    }

    @GET
    @Path("studies/{study}/metadata")
    public Response studyMetadata(@PathParam("study") String study) {
        return Response.ok(dicomWeb.metadata(study, null, null), DICOM_JSON).build();
    }

    @GET
    @Path("studies/{study}/series/{series}/metadata")
    public Response seriesMetadata(@PathParam("study") String study, @PathParam("series") String series) {
        return Response.ok(dicomWeb.metadata(study, series, null), DICOM_JSON).build();
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/metadata")
    public Response instanceMetadata(@PathParam("study") String study, @PathParam("series") String series,
                                     @PathParam("instance") String instance) {
        return Response.ok(dicomWeb.metadata(study, series, instance), DICOM_JSON).build();
    }

    @GET
    @Path("studies/{study}")
    public Response retrieveStudy(@PathParam("study") String study) {
        return multipart(dicomWeb.retrieve(study, null, null));
    }

    @GET
    @Path("studies/{study}/series/{series}")
    public Response retrieveSeries(@PathParam("study") String study, @PathParam("series") String series) {
        return multipart(dicomWeb.retrieve(study, series, null));
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}")
    public Response retrieveInstance(@PathParam("study") String study, @PathParam("series") String series,
                                     @PathParam("instance") String instance) {
        return multipart(dicomWeb.retrieve(study, series, instance));
    }

    /**
     * WADO-RS frames (PS3.18 8.7.3): one part per frame, native pixels as {@code application/octet-stream}, an
     * encapsulated frame's fragments with its media type (e.g. {@code image/jpeg}), each with its transfer syntax.
     * This is what the viewer loads images with.
     */
    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/frames/{frames}")
    public Response frames(@PathParam("study") String study, @PathParam("series") String series,
                           @PathParam("instance") String instance, @PathParam("frames") String frames) {
        List<PixelFrame> parts = dicomWeb.frames(study, series, instance, numbers(frames));
        String boundary = "yunying-" + UUID.randomUUID();
        StreamingOutput body = out -> {
            for (PixelFrame frame : parts) {
                out.write(("--" + boundary + "\r\nContent-Type: " + frame.contentType() + "\r\nContent-Length: "
                        + frame.data().length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(frame.data());
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        };
        String type = parts.get(0).contentType();
        String mediaType = type.substring(0, type.indexOf(';') < 0 ? type.length() : type.indexOf(';'));
        return Response.ok(body).header("Content-Type", "multipart/related; type=\"" + mediaType + "\"; boundary="
                + boundary).build();
    }

    /*
     * WADO-RS rendered (PS3.18 10.4) and thumbnail (10.7) resources: JPEG by default, PNG by Accept; parameters window,
     * viewport, quality. A study or series answers one rendered part per instance; one image otherwise.
     */

    @GET
    @Path("studies/{study}/rendered")
    public Response renderedStudy(@PathParam("study") String study, @HeaderParam("Accept") String accept) {
        return images(dicomWeb.renderedAll(study, null, uri.getQueryParameters(), accept));
    }

    @GET
    @Path("studies/{study}/series/{series}/rendered")
    public Response renderedSeries(@PathParam("study") String study, @PathParam("series") String series,
                                   @HeaderParam("Accept") String accept) {
        return images(dicomWeb.renderedAll(study, series, uri.getQueryParameters(), accept));
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/rendered")
    public Response renderedInstance(@PathParam("study") String study, @PathParam("series") String series,
                                     @PathParam("instance") String instance, @HeaderParam("Accept") String accept) {
        return image(dicomWeb.rendered(study, series, instance, null, uri.getQueryParameters(), accept));
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/frames/{frames}/rendered")
    public Response renderedFrames(@PathParam("study") String study, @PathParam("series") String series,
                                   @PathParam("instance") String instance, @PathParam("frames") String frames,
                                   @HeaderParam("Accept") String accept) {
        List<RenderedImage> images = new ArrayList<>();
        for (int frame : numbers(frames)) {
            images.add(dicomWeb.rendered(study, series, instance, frame, uri.getQueryParameters(), accept));
        }
        return images.size() == 1 ? image(images.get(0)) : images(images);
    }

    @GET
    @Path("studies/{study}/thumbnail")
    public Response studyThumbnail(@PathParam("study") String study, @HeaderParam("Accept") String accept) {
        return image(dicomWeb.thumbnail(study, null, null, null, uri.getQueryParameters(), accept));
    }

    @GET
    @Path("studies/{study}/series/{series}/thumbnail")
    public Response seriesThumbnail(@PathParam("study") String study, @PathParam("series") String series,
                                    @HeaderParam("Accept") String accept) {
        return image(dicomWeb.thumbnail(study, series, null, null, uri.getQueryParameters(), accept));
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/thumbnail")
    public Response instanceThumbnail(@PathParam("study") String study, @PathParam("series") String series,
                                      @PathParam("instance") String instance, @HeaderParam("Accept") String accept) {
        return image(dicomWeb.thumbnail(study, series, instance, null, uri.getQueryParameters(), accept));
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/frames/{frame}/thumbnail")
    public Response frameThumbnail(@PathParam("study") String study, @PathParam("series") String series,
                                   @PathParam("instance") String instance, @PathParam("frame") String frame,
                                   @HeaderParam("Accept") String accept) {
        List<Integer> numbers = numbers(frame);
        if (numbers.size() != 1) {
            throw new BadRequestException("a thumbnail is of one frame");
        }
        return image(dicomWeb.thumbnail(study, series, instance, numbers.get(0), uri.getQueryParameters(), accept));
    }

    private static Response image(RenderedImage image) {
        return Response.ok(image.data(), image.mediaType()).build();
    }

    private static Response images(List<RenderedImage> images) {
        String boundary = "yunying-" + UUID.randomUUID();
        StreamingOutput body = out -> {
            for (RenderedImage image : images) {
                writeAscii(out, "--" + boundary + "\r\nContent-Type: " + image.mediaType() + "\r\nContent-Length: "
                        + image.data().length + "\r\n\r\n");
                out.write(image.data());
                writeAscii(out, "\r\n");
            }
            writeAscii(out, "--" + boundary + "--\r\n");
        };
        return Response.ok(body).header("Content-Type", "multipart/related; type=\"" + images.get(0).mediaType()
                + "\"; boundary=" + boundary).build();
    }

    /** "1", "1,3,5": frame numbers from 1. */
    static List<Integer> numbers(String list) {
        List<Integer> numbers = new ArrayList<>();
        for (String item : list.split(",")) {
            try {
                int n = Integer.parseInt(item.strip());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                numbers.add(n);
            } catch (NumberFormatException e) {
                throw new BadRequestException("frame numbers are positive integers");
            }
        }
        return numbers;
    }

    /** The stored files as they were received (no transcoding), one part each. */
    private static Response multipart(List<RetrievableInstance> instances) {
        return DicomPartsResponse.of(instances);
    }

    private static void writeAscii(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private String base() {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
