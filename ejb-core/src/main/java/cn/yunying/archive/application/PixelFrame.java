package cn.yunying.archive.application;

import java.io.Serializable;

/**
 * One frame of an image's pixel data as WADO-RS sends it (PS3.18 8.7.3): the bytes, and the media type with its
 * transfer syntax, e.g. {@code application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1} for native pixels or
 * {@code image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50} for the fragments of an encapsulated frame.
 */
public record PixelFrame(String contentType, byte[] data) implements Serializable {
}
