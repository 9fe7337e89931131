package cn.yunying.archive.application;

import java.io.Serializable;

/** A rendered image or thumbnail as WADO-RS sends it (PS3.18 10.4, 10.7): the media type, its bytes and its size. */
public record RenderedImage(String mediaType, byte[] data, int width, int height) implements Serializable {
}
